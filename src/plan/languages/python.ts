import { BUILD_CACHE, PRIVATE_REGISTRY, stage, type ProjectFacts } from '../common';
import { COMMON_IGNORES } from '../ignores';
import { ownImageBuild, withTests, type AwsPart, type LanguageModule, type NativePart, type TestStep } from './module';

/** What templates/dockerfile/aws/python.hbs reads. */
export interface PythonAwsData {
  requirements: boolean;
  mounts: string;
  install: string;
  compileDeps: string;
  compileCode: string;
}

/** What templates/dockerfile/{os-only,image}/python.hbs read. */
export interface PythonNativeData extends PythonAwsData {
  /** The client may compile from source, so the build stage has the toolchain. */
  sourceBuild: boolean;
}

/** Bytecode for every module, written once at build time: Lambda's file system is read-only. */
export function compileBytecode(python: string, dir: string): string {
  // unchecked-hash: the .pyc files are used as they are, whatever timestamps the layers carry.
  return `${python} -m compileall -q --invalidation-mode unchecked-hash ${dir}`;
}

const MOUNTS = `${BUILD_CACHE.pip} ${PRIVATE_REGISTRY.pip}`;
const IGNORES = [...COMMON_IGNORES, '__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache', '.mypy_cache'];

// Sources sit in /code (the final stage's copy) and their packages in /deps; the tests run with
// the interpreter the install step uses.
const TESTS: TestStep<PythonAwsData> = {
  ignore: 'tests',
  run: (lang) => {
    const python = /^(\S+) -m pip\b/.exec(lang.install)?.[1] ?? 'python3';
    return `RUN PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=/deps ${python} -m unittest discover -s /code/tests -t /code && rm -rf /code/tests`;
  },
};

const hasRequirements = (facts: ProjectFacts) => facts.files.has('requirements.txt');

export const python = {
  id: 'python',
  handlerArg: true,
  tests: TESTS,
  executableSample: () => false,

  aws({ options, facts, from, manager }): AwsPart<'aws/python', PythonAwsData> {
    const requirements = hasRequirements(facts);
    const part: AwsPart<'aws/python', PythonAwsData> = {
      build: stage(from, options, 'build', manager, []),
      dockerfile: {
        template: 'aws/python',
        lang: {
          requirements,
          mounts: MOUNTS,
          // Bytecode is compiled below, in the mode that ignores timestamps.
          install: 'pip install --no-compile --target /deps -r requirements.txt',
          compileDeps: compileBytecode('python3', '/deps'),
          compileCode: compileBytecode('python3', '/code'),
        },
      },
      dockerignore: [...IGNORES],
      warnings: requirements ? [] : ['no requirements.txt: only the source files are copied'],
    };
    return withTests(part, TESTS, options);
  },

  native({ target, options, facts, common }): NativePart<'python', PythonNativeData> {
    const requirements = hasRequirements(facts);
    const py = target.tools.python;
    const pip = `${py} -m pip install --target /deps`;
    const part: NativePart<'python', PythonNativeData> = {
      build: ownImageBuild(target, options),
      dockerfile: {
        template: `${target.kind}/python`,
        lang: {
          ...common,
          requirements,
          mounts: MOUNTS,
          // --no-compile: compileall writes the bytecode below, in the mode that ignores timestamps.
          install: `${pip} --no-compile ${target.ric!.pin}${requirements ? ' -r requirements.txt' : ''}`,
          compileDeps: compileBytecode(py, '/deps'),
          compileCode: compileBytecode(py, '/code'),
          sourceBuild: target.sourceBuild,
        },
      },
      dockerignore: [...IGNORES],
      warnings: requirements ? [] : ['no requirements.txt: only the client and the source files are installed'],
    };
    return withTests(part, TESTS, options);
  },

  // The client and the function's packages share the task root, the working directory.
  start: (target) => ({ argv: [target.interpreter ?? '', '-m', 'awslambdaric'], pattern: target.interpreterPattern, env: [] }),
} satisfies LanguageModule;
