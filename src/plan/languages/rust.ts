import { LAMBDA } from '../../catalog/lambda';
import { TOOLCHAIN_IMAGES } from '../../catalog/images';
import type { Arch } from '../../catalog/types';
import { baseReference, BUILD_CACHE, stage } from '../common';
import { COMMON_IGNORES } from '../ignores';
import { withTests, type LanguageModule, type NativePart, type TestStep } from './module';

/** What templates/dockerfile/{os-only,image}/rust.hbs read. */
export interface RustData {
  manifests: string;
  /** ` --locked` when Cargo.lock is there, else empty. */
  locked: string;
  target: string;
  /** A shell step that links with rust-lld when the build host is not the target. */
  crossLinker: string;
  mounts: string;
}

/** The Rust target a static Lambda binary is built for (musl links statically by default). */
export function rustTarget(arch: Arch): string {
  return arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
}

// For the build host's own target, not the cross target, so the test binary can run here; the
// final stage copies only /out/bootstrap.
const TESTS: TestStep<RustData> = {
  run: (lang) => `RUN ${lang.mounts} cargo test${lang.locked}`,
};

export const rust = {
  id: 'rust',
  handlerArg: false,
  tests: TESTS,
  executableSample: () => true,

  native({ target, options, facts, common }): NativePart<'rust', RustData> {
    const lock = facts.files.has('Cargo.lock');
    const warnings = lock ? [] : ['no Cargo.lock: cargo resolves dependency versions at build time; commit the Cargo.lock it writes (cargo generate-lockfile) and regenerate to build with --locked'];
    if (!options.sample) warnings.push('Rust: the build copies the binary named bootstrap, so the package needs a [[bin]] named bootstrap (as the sample has)');
    const triple = rustTarget(options.arch);
    const part: NativePart<'rust', RustData> = {
      // Cross-compiled on the build host: musl output is static, and rust-lld links it without a
      // C toolchain for the target (a crate with C code would need a C cross-compiler added).
      build: stage(baseReference(TOOLCHAIN_IMAGES.rust.image, options), options, 'build', 'apk', [], '$BUILDPLATFORM'),
      dockerfile: {
        template: `${target.kind}/rust`,
        lang: {
          ...common,
          manifests: lock ? 'Cargo.toml Cargo.lock' : 'Cargo.toml',
          locked: lock ? ' --locked' : '',
          target: triple,
          // A build host of the other architecture links with rust-lld; a native build keeps the C toolchain.
          crossLinker: `{ [ "$(rustc --print host-tuple)" = ${triple} ] || export CARGO_TARGET_${triple.toUpperCase().replaceAll('-', '_')}_LINKER=rust-lld; }`,
          mounts: BUILD_CACHE.cargo,
        },
      },
      dockerignore: [...COMMON_IGNORES, 'target'],
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  // The binary is the bootstrap, with the client compiled in.
  start: () => ({ argv: [LAMBDA.bootstrap], pattern: null, env: [] }),
} satisfies LanguageModule;
