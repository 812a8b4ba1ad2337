import type { Language } from '../catalog/types';
import type { Options, TEST_IN_BUILD_LANGUAGES } from '../options';
import type { KindPlan } from './model';

/**
 * --test-in-build: the build stage runs the unit tests after building, then deletes them from
 * what the final stage copies, so a failing test fails the build and no test reaches the image.
 * Without the option the test folder is left out of the build context altogether.
 */
interface TestStep {
  ignore?: string;
  run: (kind: KindPlan, options: Options) => string;
}

/** One entry per language the option model lists, and no other. */
const TESTS_IN_BUILD: Record<(typeof TEST_IN_BUILD_LANGUAGES)[number], TestStep> = {
  // The code sits in /code and the production modules in /deps (their own layer): the tests see
  // the modules through a link that leaves with the tests. TypeScript builds in /build, whose
  // dist/ alone reaches the image; a project without a test script there runs none.
  nodejs: {
    ignore: 'test',
    run: (_kind, options) =>
      options.typescript
        ? 'RUN cd /build && npm run test --if-present && rm -rf test'
        : 'RUN cd /code && ln -s /deps/node_modules node_modules && npm test && rm -rf test node_modules',
  },
  // Sources sit in /code (the final stage's copy) and their packages in /deps.
  python: {
    ignore: 'tests',
    run: (kind) => {
      const install = typeof kind.lang.install === 'string' ? kind.lang.install : '';
      const python = /^(\S+) -m pip\b/.exec(install)?.[1] ?? 'python3';
      return `RUN PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=/deps ${python} -m unittest discover -s /code/tests -t /code && rm -rf /code/tests`;
    },
  },
  // Tests run natively on the build host; only the built binary reaches the final stage.
  // The module cache is a cache mount, so the tests mount it as the build does.
  go: { run: (kind) => `RUN ${typeof kind.lang.mounts === 'string' && kind.lang.mounts ? `${kind.lang.mounts} ` : ''}CGO_ENABLED=0 go test ./...` },
  // After the build, which skips the tests; the final stage copies classes and runtime jars only.
  java: {
    ignore: 'src/test',
    run: (_kind, options) => (options.buildTool === 'gradle' ? 'RUN gradle --no-daemon -q test' : 'RUN mvn -B -q test'),
  },
  // For the build host's own target, not the cross target, so the test binary can run here; the
  // final stage copies only /out/bootstrap.
  rust: { run: (kind) => `RUN ${String(kind.lang.mounts)} cargo test${String(kind.lang.locked)}` },
};

export function withTests<T extends KindPlan>(kind: T, options: Options, language: Language): T {
  const tests = (TESTS_IN_BUILD as Partial<Record<Language, TestStep>>)[language];
  if (!tests) return kind;
  if (!options.testInBuild) {
    return tests.ignore ? { ...kind, dockerignore: [...kind.dockerignore, tests.ignore] } : kind;
  }
  const note = '# --test-in-build: the unit tests run here, then leave what the final stage copies.';
  return { ...kind, build: { ...kind.build, instructions: [...kind.build.instructions, note, tests.run(kind, options)] } };
}
