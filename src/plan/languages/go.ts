import { LAMBDA } from '../../catalog/lambda';
import { TOOLCHAIN_IMAGES } from '../../catalog/images';
import { baseReference, BUILD_CACHE, stage } from '../common';
import { COMMON_IGNORES } from '../ignores';
import { withTests, type LanguageModule, type NativePart, type TestStep } from './module';

/** What templates/dockerfile/{os-only,image}/go.hbs read. */
export interface GoData {
  manifests: string;
  mounts: string;
}

// Tests run natively on the build host; only the built binary reaches the final stage. The
// module cache is a cache mount, so the tests mount it as the build does.
const TESTS: TestStep<GoData> = {
  run: (lang) => `RUN ${lang.mounts ? `${lang.mounts} ` : ''}CGO_ENABLED=0 go test ./...`,
};

export const go = {
  id: 'go',
  handlerArg: false,
  tests: TESTS,
  executableSample: () => true,

  native({ target, options, facts, common }): NativePart<'go', GoData> {
    const sum = facts.files.has('go.sum');
    const warnings = sum ? [] : ['no go.sum: the build cannot verify module checksums, and fails if the module has dependencies; run `go mod tidy`, commit go.sum and regenerate'];
    if (!options.sample && !facts.files.has('go.mod')) warnings.push('no go.mod in the folder: the Go build stage expects a module at the top');
    const part: NativePart<'go', GoData> = {
      // CGO_ENABLED=0 output has no libc dependency: cross-compile on the build host for $TARGETARCH.
      build: stage(baseReference(TOOLCHAIN_IMAGES.go.image, options), options, 'build', 'apt-get', [], '$BUILDPLATFORM'),
      dockerfile: { template: `${target.kind}/go`, lang: { ...common, manifests: sum ? 'go.mod go.sum' : 'go.mod', mounts: BUILD_CACHE.go } },
      dockerignore: [...COMMON_IGNORES, 'bin', 'vendor'],
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  // The binary is the bootstrap, with the client compiled in.
  start: () => ({ argv: [LAMBDA.bootstrap], pattern: null, env: [] }),
} satisfies LanguageModule;
