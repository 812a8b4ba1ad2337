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
  // JavaScript sources sit in /code, the final stage's copy, beside the build stage's working folder
  // (where the packages are installed); TypeScript builds in the working folder and ships only dist.
  nodejs: { ignore: 'test', run: (_kind, options) => (options.typescript ? 'RUN npm test && rm -rf test' : 'RUN npm --prefix /code test && rm -rf /code/test') },
  // Sources sit in /asset (the final stage's copy), with their packages installed beside them.
  python: {
    ignore: 'tests',
    run: (kind) => {
      const install = typeof kind.lang.install === 'string' ? kind.lang.install : '';
      const python = /^(\S+) -m pip\b/.exec(install)?.[1] ?? 'python3';
      return `RUN PYTHONDONTWRITEBYTECODE=1 ${python} -m unittest discover -s /asset/tests -t /asset && rm -rf /asset/tests`;
    },
  },
  // Tests run natively on the build host; only the built binary reaches the final stage.
  go: { run: () => 'RUN CGO_ENABLED=0 go test ./...' },
  // For the build host's own target, not the cross target, so the test binary can run here; the
  // final stage copies only /out/bootstrap.
  // After the build, which skips the tests; the final stage copies classes and runtime jars only.
  java: {
    ignore: 'src/test',
    run: (_kind, options) => (options.buildTool === 'gradle' ? 'RUN gradle --no-daemon -q test' : 'RUN mvn -B -q test'),
  },
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
