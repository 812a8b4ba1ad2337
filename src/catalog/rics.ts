import type { Arch, FamilyId, Language } from './types';
import type { SourceId } from './sources';

/**
 * Runtime interface clients: what OS-only and non-AWS images must add so Lambda can talk to the
 * function. One pinned release per language, with the language versions it supports, the build
 * dependencies a native build needs per family (build stage only) and the libraries the final
 * stage needs at run time. Adding a release is a data change here.
 */
export interface RicRecord {
  kind: 'ric';
  /** `package@version`, stable for `list --json`. */
  id: string;
  language: Language;
  package: string;
  registry: 'npm' | 'pypi' | 'maven' | 'rubygems' | 'nuget' | 'go' | 'crates';
  version: string;
  /** Pinned spelling in the install command: aws-lambda-ric@4.0.2, awslambdaric==4.2.2, … */
  pin: string;
  /** Supported language versions, inclusive (compared numerically); an absent bound is open. */
  supports: { min?: string; max?: string };
  /** Language versions inside the range whose support no primary source confirms. */
  unconfirmed: { versions: string[]; note: string }[];
  /** Packages a build from source needs, per family; only ever installed in the build stage. */
  buildDeps: Partial<Record<FamilyId, string[]>>;
  /** Libraries the final stage needs at run time, per family. */
  runtimeDeps: Partial<Record<FamilyId, string[]>>;
  /** How the client is started, for `list` and messages. */
  start: string;
  /**
   * The word an ENTRYPOINT or CMD names to start the client (a module, an executable or a main
   * class); absent where the client is a library compiled into the function.
   */
  command?: string;
  notes: string[];
  sources: SourceId[];
}

export const RICS: readonly RicRecord[] = [
  {
    kind: 'ric',
    id: 'aws-lambda-ric@4.0.2',
    language: 'nodejs',
    package: 'aws-lambda-ric',
    registry: 'npm',
    version: '4.0.2',
    pin: 'aws-lambda-ric@4.0.2',
    // engines: node >=22 in the published manifest.
    supports: { min: '22' },
    unconfirmed: [],
    // Every install compiles curl and aws-lambda-cpp from bundled .tar.xz sources, then node-gyp.
    buildDeps: {
      debian: ['g++', 'make', 'cmake', 'python3', 'xz-utils'],
      ubuntu: ['g++', 'make', 'cmake', 'python3', 'xz-utils'],
      // 4.0.2's preinstall script handles busybox tar and musl, and calls cmake, make, a C/C++
      // compiler and tar J (xz); node-gyp needs python3; autoreconf only runs when configure is
      // older than configure.ac, so autotools are kept to be safe. No Alpine build was run here.
      alpine: ['build-base', 'cmake', 'python3', 'xz', 'autoconf', 'automake', 'libtool'],
      // UNCONFIRMED package names on AL2023 (Fedora naming); tar and xz are absent from minimal images.
      al2023: ['gcc-c++', 'make', 'cmake', 'python3', 'tar', 'xz'],
    },
    runtimeDeps: { alpine: ['libstdc++'] },
    start: 'node <dir>/node_modules/aws-lambda-ric/index.mjs, with _HANDLER and LAMBDA_TASK_ROOT in the environment',
    // The package's executable, as in `npx aws-lambda-ric index.handler`.
    command: 'aws-lambda-ric',
    notes: [
      '4.x ignores argv: it reads the handler from _HANDLER and the code root from LAMBDA_TASK_ROOT',
      '3.x (3.3.0) is not catalogued, so Node.js 20 has no client here',
    ],
    sources: ['ric-nodejs', 'ric-nodejs-env', 'ric-nodejs-readme', 'ric-nodejs-scripts'],
  },
  {
    kind: 'ric',
    id: 'awslambdaric@4.2.2',
    language: 'python',
    package: 'awslambdaric',
    registry: 'pypi',
    version: '4.2.2',
    pin: 'awslambdaric==4.2.2',
    supports: { min: '3.9' },
    unconfirmed: [
      {
        versions: ['3.14'],
        note: 'no release note or wheel listing confirms Python 3.14; without a wheel pip builds from source, so the build stage gets the source-build dependencies',
      },
    ],
    // Only needed for a source build: always on Alpine (no musllinux wheels), else when no wheel exists.
    buildDeps: {
      debian: ['g++', 'make', 'cmake', 'unzip', 'autoconf', 'automake', 'libtool', 'libcurl4-openssl-dev'],
      ubuntu: ['g++', 'make', 'cmake', 'unzip', 'autoconf', 'automake', 'libtool', 'libcurl4-openssl-dev'],
      alpine: ['build-base', 'libtool', 'autoconf', 'automake', 'make', 'cmake', 'libcurl'],
      // UNCONFIRMED package names on AL2023 (Fedora naming).
      al2023: ['gcc-c++', 'make', 'cmake', 'unzip', 'autoconf', 'automake', 'libtool', 'libcurl-devel', 'tar', 'gzip'],
    },
    runtimeDeps: { alpine: ['libstdc++'] },
    start: 'python -m awslambdaric <handler>, with the client and the code on the module path',
    command: 'awslambdaric',
    notes: ['manylinux wheels exist for glibc; Alpine always compiles from source'],
    sources: ['ric-python', 'ric-python-readme', 'ric-python-musl'],
  },
  {
    kind: 'ric',
    id: 'aws-lambda-java-runtime-interface-client@2.10.1',
    language: 'java',
    package: 'com.amazonaws:aws-lambda-java-runtime-interface-client',
    registry: 'maven',
    version: '2.10.1',
    pin: 'com.amazonaws:aws-lambda-java-runtime-interface-client:2.10.1',
    supports: { min: '8' },
    unconfirmed: [],
    buildDeps: {},
    runtimeDeps: {},
    start: 'java -cp "<client jars>" com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>, from the task root (classes there, jars in lib/)',
    command: 'com.amazonaws.services.lambda.runtime.api.client.AWSLambda',
    notes: ['the jar bundles JNI libraries for glibc and musl on x86_64 and aarch64: no native build'],
    sources: ['ric-java'],
  },
  {
    kind: 'ric',
    id: 'Amazon.Lambda.RuntimeSupport@1.14.1',
    language: 'dotnet',
    package: 'Amazon.Lambda.RuntimeSupport',
    registry: 'nuget',
    // The newest 1.x seen in use. nuget.org also lists a 2.x line (2.2.2 and later) whose target
    // frameworks are UNCONFIRMED here, so the pin stays on 1.x until they are checked.
    version: '1.14.1',
    pin: 'Amazon.Lambda.RuntimeSupport 1.14.1',
    supports: { min: '8' },
    unconfirmed: [{ versions: ['9', '10'], note: 'the target frameworks of 1.14.1 are not confirmed; it is used through its .NET Standard/.NET 8 assets' }],
    buildDeps: {},
    runtimeDeps: {},
    start: 'an executable named bootstrap whose Main runs LambdaBootstrapBuilder (the sample project references the package)',
    notes: ['pinned in the project file, not the Dockerfile, so a project can move on without regenerating'],
    sources: ['ric-dotnet', 'csharp-image', 'ric-dotnet-2x'],
  },
  {
    kind: 'ric',
    id: 'aws_lambda_ric@3.1.3',
    language: 'ruby',
    package: 'aws_lambda_ric',
    registry: 'rubygems',
    version: '3.1.3',
    pin: 'aws_lambda_ric -v 3.1.3',
    supports: { min: '3.0' },
    unconfirmed: [],
    buildDeps: {},
    runtimeDeps: {},
    start: 'ruby <GEM_HOME>/bin/aws_lambda_ric, with _HANDLER set and the task root as working directory',
    command: 'aws_lambda_ric',
    notes: ['pure Ruby: no native build', '3.x reads the handler from _HANDLER and the app root from the working directory'],
    sources: ['ric-ruby'],
  },
  {
    kind: 'ric',
    id: 'github.com/aws/aws-lambda-go@v1.55.0',
    language: 'go',
    package: 'github.com/aws/aws-lambda-go',
    registry: 'go',
    // The newest release seen; it needs Go 1.26 or later (the toolchain image must keep up).
    version: 'v1.55.0',
    pin: 'github.com/aws/aws-lambda-go v1.55.0',
    supports: { min: '1.26' },
    unconfirmed: [],
    buildDeps: {},
    runtimeDeps: {},
    start: 'compiled in: lambda.Start(handler) in main',
    notes: ['built with CGO_ENABLED=0 and -tags lambda.norpc, so the binary needs no libc'],
    sources: ['aws-lambda-go', 'aws-lambda-go-1.55', 'go-image'],
  },
  {
    kind: 'ric',
    id: 'lambda_runtime@1',
    language: 'rust',
    package: 'lambda_runtime',
    registry: 'crates',
    // The 1.x line (1.0.2 released); Cargo resolves the newest 1.x at build time.
    version: '1',
    pin: 'lambda_runtime = "1"',
    supports: {},
    unconfirmed: [],
    buildDeps: {},
    runtimeDeps: {},
    start: 'compiled in: lambda_runtime::run(service_fn(handler)) in main',
    notes: ['built for the musl target as a static binary, so any Linux final stage runs it'],
    sources: ['rust-runtime', 'rust-package'],
  },
];

/** The package's own name without its group or module path: `aws-lambda-java-runtime-interface-client`, `aws-lambda-go`. */
export function ricName(ric: RicRecord): string {
  return ric.package.slice(Math.max(ric.package.lastIndexOf(':'), ric.package.lastIndexOf('/')) + 1);
}

/** Numeric comparison of dotted versions: 3.9 < 3.13, 8 < 22. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function ricSupports(ric: RicRecord, version: string | undefined): boolean {
  if (version === undefined) return true;
  if (ric.supports.min && compareVersions(version, ric.supports.min) < 0) return false;
  if (ric.supports.max && compareVersions(version, ric.supports.max) > 0) return false;
  return true;
}

/** The catalogued clients of a language (newest first, one today). */
export function ricsFor(language: Language): RicRecord[] {
  return RICS.filter((r) => r.language === language);
}

/**
 * JVM options Lambda's own Java runtime starts with: tiered compilation stopped at level 1 (C1
 * only, which compiles fast and helps cold starts) and the serial garbage collector. OS-only and
 * non-AWS images start the JVM themselves, so their scripts pass the same options.
 */
export const LAMBDA_JVM_OPTIONS = {
  options: ['-XX:+TieredCompilation', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
  sources: ['java-customization'] as SourceId[],
} as const;

/** The pinned client that supports this language version, if any. */
export function ricFor(language: Language, version: string | undefined): RicRecord | undefined {
  return ricsFor(language).find((r) => ricSupports(r, version));
}

/** "aws-lambda-ric 4.0.2 needs Node.js ≥ 22" */
export function describeRange(ric: RicRecord, title: string): string {
  const { min, max } = ric.supports;
  if (min && max) return `${ric.package} ${ric.version} supports ${title} ${min} to ${max}`;
  if (min) return `${ric.package} ${ric.version} needs ${title} ${min} or newer`;
  if (max) return `${ric.package} ${ric.version} supports ${title} up to ${max}`;
  return `${ric.package} ${ric.version} supports every ${title} version`;
}

/**
 * The Runtime Interface Emulator for image bases (AWS bases ship it). Downloaded in the build
 * stage from its versioned release URL. No SHA-256 is recorded: the project publishes none and
 * no cited source gives one, so the download is pinned by version only.
 */
export interface RieRecord {
  kind: 'rie';
  id: string;
  version: string;
  assets: Record<Arch, string>;
  sha256: Record<Arch, string> | null;
  /** Where the emulator lives in the final image, as in the AWS base images. */
  path: string;
  sources: SourceId[];
}

export const RIE: RieRecord = {
  kind: 'rie',
  id: 'aws-lambda-rie@v1.37',
  version: 'v1.37',
  assets: { x86_64: 'aws-lambda-rie-x86_64', arm64: 'aws-lambda-rie-arm64' },
  // No official checksum exists for v1.37 (see the source notes); never fill this in by hand.
  sha256: null,
  path: '/usr/local/bin/aws-lambda-rie',
  sources: ['rie-v1-37', 'rie-repo', 'images-create'],
};

/** The emulator's executable name, as commands spell it. */
export const RIE_COMMAND = RIE.path.slice(RIE.path.lastIndexOf('/') + 1);

export function rieUrl(arch: Arch): string {
  return `https://github.com/aws/aws-lambda-runtime-interface-emulator/releases/download/${RIE.version}/${RIE.assets[arch]}`;
}
