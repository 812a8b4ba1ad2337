import type { Arch, FamilyId, Language } from './types';
import type { SourceId } from './sources';
import { parseImageRef } from './image-ref';
import { versionsOf } from './versions';

/*
 * Images for --base image and what the OS-only bases can install: official language images
 * (which already hold the language), and bare OS releases with the language versions their
 * package repositories offer. Paths are real files where a source shows it; an entry script may
 * still start a symlinked interpreter (only ENTRYPOINT itself must be a real file).
 */

/** Placeholders in paths: {uname} = x86_64|aarch64, {debarch} = amd64|arm64. */
export function archPath(path: string, arch: Arch): string {
  return path
    .replaceAll('{uname}', arch === 'arm64' ? 'aarch64' : 'x86_64')
    .replaceAll('{debarch}', arch === 'arm64' ? 'arm64' : 'amd64');
}

/**
 * The same path as a shell pattern that matches it on either architecture, for entry scripts:
 * the image holds one of the two folders, so the script finds it without naming either.
 */
export function archGlob(path: string): string | null {
  return /\{(uname|debarch)\}/.test(path) ? path.replaceAll('{uname}', '*').replaceAll('{debarch}', '*') : null;
}

// ---------------------------------------------------------------------------------------------
// Bare OS releases and the language versions they package.

/** How a release installs one language version from its own repositories. */
export interface DistroLanguage {
  /** Our runtime id: nodejs22, python3.12, java17, ruby3.4, dotnet10. */
  runtime: string;
  /** Packages the final stage installs. */
  final: string[];
  /** Packages the build stage installs (the language plus its package tool). */
  build: string[];
  /** The interpreter the entry script starts; {uname}/{debarch} resolved per architecture. */
  binary: string;
  /** Package-tool commands where the release namespaces them. */
  tools?: { npm?: string; gem?: string; bundle?: string };
  /** Headers a source build of a native client needs (Python). */
  devel?: string[];
  /** .NET: no package; the build publishes a self-contained executable. */
  selfContained?: boolean;
  /** False when the package name or path is inferred rather than seen in a source. */
  confirmed: boolean;
  note?: string;
  sources: SourceId[];
}

/** The release's package for each library an official image's runtime links against. */
export interface ReleaseLibs {
  ssl: string;
  ffi: string;
  sqlite: string;
  expat: string;
  bz2: string;
  lzma: string;
  zlib: string;
  gmp: string;
  yaml: string;
  icu: string;
  /** The C++ runtime (Node.js links libstdc++ and libgcc_s); empty where the base always has it. */
  cxx: string[];
  certificates: string;
}

/** Debian and Ubuntu share the names except where the 64-bit time_t transition renamed libssl. */
const DEB_LIBS = (ssl: string, icu: string): ReleaseLibs => ({
  ssl,
  ffi: 'libffi8',
  sqlite: 'libsqlite3-0',
  expat: 'libexpat1',
  bz2: 'libbz2-1.0',
  lzma: 'liblzma5',
  zlib: 'zlib1g',
  gmp: 'libgmp10',
  yaml: 'libyaml-0-2',
  icu,
  // apt itself depends on libstdc++6 (and so libgcc-s1): every Debian or Ubuntu image has them.
  cxx: [],
  certificates: 'ca-certificates',
});

const ALPINE_LIBS: ReleaseLibs = {
  ssl: 'libssl3',
  ffi: 'libffi',
  sqlite: 'sqlite-libs',
  expat: 'libexpat',
  bz2: 'libbz2',
  lzma: 'xz-libs',
  zlib: 'zlib',
  gmp: 'gmp',
  yaml: 'yaml',
  icu: 'icu-libs',
  cxx: ['libstdc++', 'libgcc'],
  certificates: 'ca-certificates',
};

export interface DistroRelease {
  kind: 'distro-release';
  id: string;
  family: FamilyId;
  /** Codename or version as tags spell it: bookworm, noble, 3.24, 2023. */
  release: string;
  /** The release as --family names it (debian:12 → 12; the AWS families: 2023, 2). */
  version: string;
  /** The C library and, for glibc, its version: what a copied runtime must not exceed. */
  libc: { kind: 'glibc'; version: string } | { kind: 'musl' };
  /** Package names of the shared libraries copied runtimes link against (null: not catalogued). */
  libs: ReleaseLibs | null;
  title: string;
  /** The bare image this generator uses for the release. */
  image: string;
  /** What the repositories hold per language, for refusals that say what is there instead. */
  has: Partial<Record<Language, string>>;
  languages: DistroLanguage[];
  sources: SourceId[];
}

const AL2023_NODE = (v: string): DistroLanguage => ({
  runtime: `nodejs${v}`,
  final: [`nodejs${v}`],
  build: [`nodejs${v}`, `nodejs${v}-npm`],
  // node and npm are alternatives symlinks; the namespaced executables are the real ones.
  binary: `/usr/bin/node-${v}`,
  tools: { npm: `npm-${v}` },
  confirmed: true,
  note: 'that the alternatives links work on the minimal image is UNCONFIRMED; the namespaced executables sidestep them',
  sources: ['al2023-nodejs'],
});

const AL2023_PYTHON = (v: string): DistroLanguage => ({
  runtime: `python${v}`,
  final: [`python${v}`],
  build: [`python${v}`, `python${v}-pip`],
  binary: `/usr/bin/python${v}`,
  devel: [`python${v}-devel`],
  confirmed: true,
  note: `python${v}-devel (for a source build only) is inferred from Fedora naming`,
  sources: ['al2023-python'],
});

const AL2023_JAVA = (v: string, confirmed: boolean): DistroLanguage => ({
  runtime: `java${v}`,
  final: [`java-${v}-amazon-corretto-headless`],
  build: [],
  // /usr/bin/java goes through alternatives; the JVM's own directory holds the real file.
  binary: `/usr/lib/jvm/java-${v}-amazon-corretto.{uname}/bin/java`,
  confirmed,
  ...(confirmed ? {} : { note: 'package seen in use on AL2023 hosts; not in an AWS document' }),
  sources: ['al2023-corretto', 'corretto-docker'],
});

const AL2023_DOTNET = (v: string): DistroLanguage => ({
  runtime: `dotnet${v}`,
  final: [],
  build: [],
  binary: '/var/task/bootstrap',
  selfContained: true,
  confirmed: true,
  note: 'published self-contained as an executable named bootstrap, the documented path for provided.al2023',
  sources: ['csharp-image', 'dotnet-custom-icu'],
});

/** OpenJDK from Ubuntu's own archive (main or universe), as Debian packages it. */
const UBUNTU_JAVA = (v: string, source: SourceId): DistroLanguage => ({
  runtime: `java${v}`,
  final: [`openjdk-${v}-jre-headless`],
  build: [],
  binary: `/usr/lib/jvm/java-${v}-openjdk-{debarch}/bin/java`,
  confirmed: true,
  sources: [source],
});

/** Corretto's RPMs for Amazon Linux 2 (yum); the JVM directory is reached through alternatives. */
const AL2_CORRETTO = (v: string): DistroLanguage => ({
  runtime: `java${v}`,
  final: [`java-${v}-amazon-corretto-headless`],
  build: [],
  binary: '/usr/bin/java',
  confirmed: true,
  note: 'the entry script starts the alternatives link /usr/bin/java',
  sources: ['corretto-al2-install'],
});

/** Versions AL2023 carries whose package name no AWS document confirms. */
const AL2023_UNCONFIRMED_JAVA = new Set(['25', '11']);

/**
 * What AL2023's repositories offer, generated from the version lists (src/catalog/versions.ts):
 * the guides name nodejs<V>, python<V> and java-<V>-amazon-corretto-headless packages for every
 * supported version, and .NET is always published self-contained. Ruby (3.4 only) and Corretto
 * 8 (no headless split) are irregular and stay written out.
 */
const AL2023_LANGUAGES: DistroLanguage[] = [
  ...versionsOf('nodejs').map(AL2023_NODE),
  ...versionsOf('python').map(AL2023_PYTHON),
  ...versionsOf('java').filter((v) => v !== '8').map((v) => AL2023_JAVA(v, !AL2023_UNCONFIRMED_JAVA.has(v))),
  {
    runtime: 'java8',
    // Corretto 8 has no headless split on Amazon Linux: the JRE package is the runtime.
    final: ['java-1.8.0-amazon-corretto'],
    build: [],
    binary: '/usr/lib/jvm/java-1.8.0-amazon-corretto.{uname}/jre/bin/java',
    confirmed: true,
    note: 'the JVM directory name is taken from the Corretto 8 AL2023 container image',
    sources: ['corretto-8-al2023-install', 'corretto-docker'],
  },
  {
    runtime: 'ruby3.4',
    final: ['ruby3.4'],
    build: ['ruby3.4'],
    binary: '/usr/bin/ruby3.4',
    // The AL2023 guide registers these namespaced tools with alternatives by hand.
    tools: { gem: '/usr/bin/ruby3.4-gem', bundle: '/usr/bin/ruby3.4-bundle' },
    confirmed: true,
    note: 'that ruby3.4 pulls its rubygems and bundler packages (as ruby3.2 does) is UNCONFIRMED',
    sources: ['al2023-ruby'],
  },
  ...versionsOf('dotnet').map(AL2023_DOTNET),
];

export const DISTRO_RELEASES: readonly DistroRelease[] = [
  {
    kind: 'distro-release',
    id: 'debian-bookworm',
    family: 'debian',
    release: 'bookworm',
    version: '12',
    libc: { kind: 'glibc', version: '2.36' },
    libs: DEB_LIBS('libssl3', 'libicu72'),
    title: 'Debian 12 (bookworm)',
    image: 'debian:bookworm-slim',
    has: { nodejs: '18', python: '3.11', ruby: '3.1', java: '17', dotnet: 'none' },
    languages: [
      {
        runtime: 'python3.11',
        final: ['python3.11'],
        build: ['python3.11', 'python3-pip'],
        binary: '/usr/bin/python3.11',
        devel: ['python3.11-dev'],
        confirmed: true,
        sources: ['debian-bookworm-packages'],
      },
      {
        runtime: 'java17',
        final: ['openjdk-17-jre-headless'],
        build: [],
        binary: '/usr/lib/jvm/java-17-openjdk-{debarch}/bin/java',
        confirmed: true,
        sources: ['debian-bookworm-packages'],
      },
    ],
    sources: ['debian-bookworm-packages', 'debian-bookworm-libc'],
  },
  {
    kind: 'distro-release',
    id: 'debian-trixie',
    family: 'debian',
    release: 'trixie',
    version: '13',
    libc: { kind: 'glibc', version: '2.41' },
    libs: DEB_LIBS('libssl3t64', 'libicu76'),
    title: 'Debian 13 (trixie)',
    image: 'debian:trixie-slim',
    has: { nodejs: '20', python: '3.13', ruby: '3.3', java: '21', dotnet: 'none' },
    languages: [
      {
        runtime: 'python3.13',
        final: ['python3.13'],
        build: ['python3.13', 'python3-pip'],
        binary: '/usr/bin/python3.13',
        devel: ['python3.13-dev'],
        confirmed: true,
        sources: ['debian-trixie-packages'],
      },
      {
        runtime: 'java21',
        final: ['openjdk-21-jre-headless'],
        build: [],
        binary: '/usr/lib/jvm/java-21-openjdk-{debarch}/bin/java',
        confirmed: true,
        sources: ['debian-trixie-openjdk', 'debian-trixie-packages'],
      },
    ],
    sources: ['debian-trixie-openjdk', 'debian-trixie-packages', 'debian-trixie-libc'],
  },
  {
    kind: 'distro-release',
    id: 'ubuntu-jammy',
    family: 'ubuntu',
    release: 'jammy',
    version: '22.04',
    libc: { kind: 'glibc', version: '2.35' },
    libs: DEB_LIBS('libssl3', 'libicu70'),
    title: 'Ubuntu 22.04 (jammy)',
    image: 'ubuntu:22.04',
    has: { nodejs: '12', python: '3.10', ruby: '3.0', java: '11, 17 and 21' },
    languages: [UBUNTU_JAVA('21', 'ubuntu-jammy-openjdk'), UBUNTU_JAVA('17', 'ubuntu-jammy-openjdk')],
    sources: ['ubuntu-jammy-packages', 'ubuntu-jammy-openjdk', 'ubuntu-jammy-libc'],
  },
  {
    kind: 'distro-release',
    id: 'ubuntu-noble',
    family: 'ubuntu',
    release: 'noble',
    version: '24.04',
    libc: { kind: 'glibc', version: '2.39' },
    libs: DEB_LIBS('libssl3t64', 'libicu74'),
    title: 'Ubuntu 24.04 (noble)',
    image: 'ubuntu:24.04',
    has: { nodejs: '18', python: '3.12', ruby: '3.2', java: '17 and 21', dotnet: 'none' },
    languages: [
      {
        runtime: 'python3.12',
        final: ['python3.12'],
        build: ['python3.12', 'python3-pip'],
        binary: '/usr/bin/python3.12',
        devel: ['python3.12-dev'],
        confirmed: true,
        sources: ['ubuntu-noble-packages'],
      },
      UBUNTU_JAVA('21', 'ubuntu-noble-openjdk'),
      UBUNTU_JAVA('17', 'ubuntu-noble-openjdk'),
    ],
    sources: ['ubuntu-noble-packages', 'ubuntu-noble-openjdk', 'ubuntu-noble-libc'],
  },
  {
    kind: 'distro-release',
    id: 'alpine-3.24',
    family: 'alpine',
    release: '3.24',
    version: '3.24',
    libc: { kind: 'musl' },
    libs: ALPINE_LIBS,
    title: 'Alpine 3.24',
    image: 'alpine:3.24',
    has: { nodejs: '24' },
    languages: [
      {
        runtime: 'nodejs24',
        final: ['nodejs'],
        build: ['nodejs', 'npm'],
        binary: '/usr/bin/node',
        confirmed: true,
        sources: ['alpine-nodejs'],
      },
    ],
    sources: ['alpine-nodejs'],
  },
  ...['3.23', '3.22', '3.21'].map((v): DistroRelease => ({
    kind: 'distro-release',
    id: `alpine-${v}`,
    family: 'alpine',
    release: v,
    version: v,
    libc: { kind: 'musl' },
    libs: ALPINE_LIBS,
    title: `Alpine ${v}`,
    image: `alpine:${v}`,
    // No source at hand gives the language versions of these releases' repositories: languages
    // come from the official images' Alpine variants where one matches the release.
    has: {},
    languages: [],
    sources: ['alpine-releases'],
  })),
  {
    kind: 'distro-release',
    id: 'al2023',
    family: 'al2023',
    release: '2023',
    version: '2023',
    libc: { kind: 'glibc', version: '2.34' },
    libs: null,
    title: 'Amazon Linux 2023',
    image: 'amazonlinux:2023',
    has: { nodejs: '20, 22 and 24', python: '3.9 (system), 3.11 to 3.14', ruby: '3.2 and 3.4', java: 'Corretto 8, 11, 17, 21 and 25' },
    languages: AL2023_LANGUAGES,
    sources: ['al2023-nodejs', 'al2023-python', 'al2023-ruby', 'al2023-corretto', 'amazonlinux-images'],
  },
  {
    kind: 'distro-release',
    id: 'al2',
    family: 'al2',
    release: '2',
    version: '2',
    libc: { kind: 'glibc', version: '2.26' },
    libs: null,
    title: 'Amazon Linux 2',
    image: 'amazonlinux:2',
    // Official Node.js 18+ binaries need a newer glibc than AL2 has; Python is 3.7-era.
    has: { nodejs: 'none', python: 'older than 3.11', java: 'Corretto 11, 17 and 21', dotnet: 'none' },
    languages: [
      AL2_CORRETTO('21'),
      AL2_CORRETTO('17'),
      {
        runtime: 'java11',
        final: ['java-11-amazon-corretto-headless'],
        build: [],
        // The alternatives link; the real JVM path on AL2 is UNCONFIRMED (a script may start a link).
        binary: '/usr/bin/java',
        confirmed: false,
        note: 'package seen in AL2 set-up scripts; not in an AWS document',
        sources: ['al2-corretto', 'ric-java'],
      },
    ],
    sources: ['amazonlinux-images', 'al2-corretto', 'corretto-al2-install'],
  },
];

export function distroRelease(id: string): DistroRelease {
  const found = DISTRO_RELEASES.find((r) => r.id === id);
  if (!found) throw new Error(`no distro release ${id}`);
  return found;
}

/** The catalogued release of a family named by its --family version (debian + 13 → trixie). */
export function releaseOf(family: FamilyId, version: string): DistroRelease | undefined {
  return DISTRO_RELEASES.find((r) => r.family === family && r.version === version);
}

/** The release a plain family name means (see FAMILY_RELEASES), for images whose tag does not say. */
export const REFERENCE_RELEASE: Record<FamilyId, string> = {
  debian: 'debian-bookworm',
  ubuntu: 'ubuntu-noble',
  alpine: 'alpine-3.23',
  al2023: 'al2023',
  al2: 'al2',
};

/** The bare image of each family for languages that need no runtime (go, rust, custom). */
export const BARE_IMAGES: Record<FamilyId, string> = {
  debian: 'debian:bookworm-slim',
  ubuntu: 'ubuntu:24.04',
  alpine: 'alpine:3.23',
  al2023: 'amazonlinux:2023',
  al2: 'amazonlinux:2',
};

// ---------------------------------------------------------------------------------------------
// Official language images.

export type LanguageImageId = 'node' | 'python' | 'ruby' | 'amazoncorretto' | 'eclipse-temurin' | 'dotnet-runtime';

/** One official image repository that ships a language runtime. */
export interface LanguageImageRepo {
  kind: 'language-image';
  id: LanguageImageId;
  language: Language;
  /** Repository paths as written in FROM (Docker Hub short names or full paths). */
  repositories: string[];
  /** Interpreter path per family of the variant; {v} is the language version. */
  binary: Partial<Record<FamilyId, string>>;
  /** node-gyp headers directory, so native builds need no download. */
  nodedir?: string;
  sources: SourceId[];
}

export const LANGUAGE_IMAGE_REPOS: readonly LanguageImageRepo[] = [
  {
    kind: 'language-image',
    id: 'node',
    language: 'nodejs',
    repositories: ['node'],
    // The tarball is unpacked into /usr/local: bin/node is the real file, npx a link.
    binary: { debian: '/usr/local/bin/node', alpine: '/usr/local/bin/node' },
    nodedir: '/usr/local',
    sources: ['docker-node'],
  },
  {
    kind: 'language-image',
    id: 'python',
    language: 'python',
    repositories: ['python'],
    // python and python3 are links to the versioned binary CPython installs.
    binary: { debian: '/usr/local/bin/python{v}', alpine: '/usr/local/bin/python{v}' },
    sources: ['docker-python', 'ric-python'],
  },
  {
    kind: 'language-image',
    id: 'ruby',
    language: 'ruby',
    repositories: ['ruby'],
    binary: { debian: '/usr/local/bin/ruby', alpine: '/usr/local/bin/ruby' },
    sources: ['docker-ruby'],
  },
  {
    kind: 'language-image',
    id: 'amazoncorretto',
    language: 'java',
    repositories: ['amazoncorretto', 'amazon/corretto'],
    binary: {
      // The RPM's own JVM directory (alternatives and JAVA_HOME are links to it).
      al2023: '/usr/lib/jvm/java-{v}-amazon-corretto.{uname}/bin/java',
      // The Java RIC README starts /usr/bin/java on amazoncorretto:11 (AL2).
      al2: '/usr/bin/java',
      // JAVA_HOME of the Alpine variants.
      alpine: '/usr/lib/jvm/default-jvm/bin/java',
    },
    sources: ['corretto-docker', 'ric-java'],
  },
  {
    kind: 'language-image',
    id: 'eclipse-temurin',
    language: 'java',
    repositories: ['eclipse-temurin'],
    binary: { ubuntu: '/opt/java/openjdk/bin/java', alpine: '/opt/java/openjdk/bin/java' },
    sources: ['temurin-docker'],
  },
  {
    kind: 'language-image',
    id: 'dotnet-runtime',
    language: 'dotnet',
    repositories: ['mcr.microsoft.com/dotnet/runtime', 'mcr.microsoft.com/dotnet/aspnet'],
    // /usr/bin/dotnet is a link to this file.
    binary: { debian: '/usr/share/dotnet/dotnet', ubuntu: '/usr/share/dotnet/dotnet', alpine: '/usr/share/dotnet/dotnet' },
    sources: ['dotnet-runtime-images'],
  },
];

/** Corretto 8 keeps its JVM under a 1.8.0 directory with a jre/ inside. */
export function correttoBinary(family: FamilyId, version: string): string | undefined {
  if (family === 'al2023' && version === '8') return '/usr/lib/jvm/java-1.8.0-amazon-corretto.{uname}/jre/bin/java';
  return LANGUAGE_IMAGE_REPOS.find((r) => r.id === 'amazoncorretto')!.binary[family];
}

/** A default image pair for a language version on a family: final stage and build stage. */
export interface DefaultImage {
  kind: 'default-image';
  id: string;
  runtime: string;
  family: FamilyId;
  final: string;
  /** Build stage for languages built on their own image; null when the language has its own build images. */
  build: string | null;
  sources: SourceId[];
}

function defaults(): DefaultImage[] {
  const out: DefaultImage[] = [];
  const add = (runtime: string, family: FamilyId, final: string, build: string | null, sources: SourceId[]) =>
    out.push({ kind: 'default-image', id: `${family}/${runtime}`, runtime, family, final, build, sources });
  for (const v of versionsOf('nodejs')) {
    add(`nodejs${v}`, 'debian', `node:${v}-bookworm-slim`, `node:${v}-bookworm`, ['docker-node']);
    add(`nodejs${v}`, 'alpine', `node:${v}-alpine3.23`, `node:${v}-alpine3.23`, ['docker-node']);
  }
  for (const v of versionsOf('python')) {
    add(`python${v}`, 'debian', `python:${v}-slim-bookworm`, `python:${v}-bookworm`, ['docker-python']);
    add(`python${v}`, 'alpine', `python:${v}-alpine3.23`, `python:${v}-alpine3.23`, ['docker-python']);
  }
  for (const v of versionsOf('ruby')) {
    add(`ruby${v}`, 'debian', `ruby:${v}-slim-bookworm`, `ruby:${v}-bookworm`, ['docker-ruby']);
    add(`ruby${v}`, 'alpine', `ruby:${v}-alpine3.23`, `ruby:${v}-alpine3.23`, ['docker-ruby']);
  }
  for (const v of versionsOf('java').filter((x) => x !== '8')) add(`java${v}`, 'al2023', `amazoncorretto:${v}-al2023-headless`, null, ['corretto-docker']);
  // Corretto 8 has no headless split: its runtime-only variant is the JRE.
  add('java8', 'al2023', 'amazoncorretto:8-al2023-jre', null, ['corretto-docker']);
  // Temurin publishes a noble JRE for every supported version (adoptium/containers <N>/jre/ubuntu/noble).
  for (const v of versionsOf('java')) add(`java${v}`, 'ubuntu', `eclipse-temurin:${v}-jre-noble`, null, ['temurin-docker', 'temurin-variants']);
  add('java25', 'alpine', 'amazoncorretto:25-alpine3.23', null, ['corretto-docker']);
  add('java21', 'alpine', 'amazoncorretto:21-alpine3.23', null, ['corretto-docker']);
  add('java8', 'alpine', 'amazoncorretto:8-alpine3.23-jre', null, ['corretto-docker']);
  // From .NET 10 on, Microsoft's runtime images have no Debian variant.
  for (const v of versionsOf('dotnet').filter((x) => Number(x) < 10)) add(`dotnet${v}`, 'debian', `mcr.microsoft.com/dotnet/runtime:${v}.0-bookworm-slim`, null, ['dotnet-runtime-images']);
  for (const v of versionsOf('dotnet')) {
    add(`dotnet${v}`, 'ubuntu', `mcr.microsoft.com/dotnet/runtime:${v}.0-noble`, null, ['dotnet-runtime-images', 'dotnet-docker']);
    add(`dotnet${v}`, 'alpine', `mcr.microsoft.com/dotnet/runtime:${v}.0-alpine3.23`, null, ['dotnet-runtime-images']);
  }
  return out;
}

export const DEFAULT_IMAGES: readonly DefaultImage[] = defaults();

/** The family an image base uses when neither --image nor --family says. */
export function defaultFamily(language: Language, version: string | undefined): FamilyId {
  switch (language) {
    case 'java':
      return 'al2023';
    case 'dotnet':
      // .NET 10 images have no Debian variant.
      return version === '10' ? 'ubuntu' : 'debian';
    case 'go':
    case 'rust':
    case 'custom':
      return 'alpine';
    default:
      return 'debian';
  }
}

/** Build toolchains for compiled languages (pinned tags; see sources). */
export const TOOLCHAIN_IMAGES = {
  /** CGO_ENABLED=0 output runs anywhere, so one Debian-based toolchain cross-compiles for all. */
  go: { image: 'golang:1.26-bookworm', sources: ['docker-golang'] as SourceId[] },
  /** The rustup toolchain on Alpine targets musl and links statically by default. */
  rust: { image: 'rust:1-alpine3.23', sources: ['docker-rust'] as SourceId[] },
} as const;

// ---------------------------------------------------------------------------------------------
// Recognising a reference given with --image.

export interface ParsedRef {
  /** Repository path without a Docker Hub mirror prefix: node, mcr.microsoft.com/dotnet/runtime. */
  repository: string;
  tag: string | null;
  digest: string | null;
}

const HUB_PREFIXES = [/^docker\.io\/library\//, /^docker\.io\//, /^index\.docker\.io\/library\//, /^library\//, /^public\.ecr\.aws\/docker\/library\//];

export function parseRef(reference: string): ParsedRef {
  const { registry, path, tag, digest } = parseImageRef(reference);
  let repository = (registry ? `${registry}/${path}` : path).toLowerCase();
  for (const p of HUB_PREFIXES) repository = repository.replace(p, '');
  return { repository, tag, digest };
}

/** What the catalog knows about a reference. */
export interface ImageFacts {
  parsed: ParsedRef;
  /** The family, when the reference says it (a well-known image and tag). */
  family?: FamilyId;
  /** A well-known repository: the family is certain, not guessed. */
  wellKnown: boolean;
  /** The catalogued release of a bare OS image (or of a language image's OS). */
  release?: DistroRelease;
  /** A release the tag names but the catalog has no package facts for (bullseye, 22.04). */
  uncataloguedRelease?: string;
  /** An official language image: its language, version and interpreter. */
  language?: { repo: LanguageImageRepo; version: string; binary: string | undefined };
  /** A Lambda base image (public.ecr.aws/lambda/…), which belongs to --base aws or os-only. */
  lambda?: boolean;
}

const releaseById = (id: string) => DISTRO_RELEASES.find((r) => r.id === id);

function debianRelease(words: string[]): { release?: DistroRelease; unknown?: string } {
  if (words.some((w) => w === 'bookworm' || /^12(\.|$)/.test(w))) return { release: releaseById('debian-bookworm')! };
  if (words.some((w) => w === 'trixie' || /^13(\.|$)/.test(w))) return { release: releaseById('debian-trixie')! };
  const named = words.find((w) => /^(bullseye|buster|stretch|forky|sid|1[01]|9)$/.test(w));
  return named ? { unknown: `Debian ${named}` } : {};
}

function ubuntuRelease(words: string[]): { release?: DistroRelease; unknown?: string } {
  if (words.some((w) => w === 'noble' || w === '24.04')) return { release: releaseById('ubuntu-noble')! };
  if (words.some((w) => w === 'jammy' || w === '22.04')) return { release: releaseById('ubuntu-jammy')! };
  const named = words.find((w) => /^(focal|bionic|resolute|oracular|plucky|\d\d\.\d\d)$/.test(w));
  return named ? { unknown: `Ubuntu ${named}` } : {};
}

function alpineRelease(tagWords: string[], fromTag: string): { release?: DistroRelease; unknown?: string } {
  const m = /alpine-?(3\.\d+)/.exec(fromTag) ?? /^(3\.\d+)/.exec(tagWords[0] ?? '');
  if (!m) return {};
  const found = releaseById(`alpine-${m[1]}`);
  return found ? { release: found } : { unknown: `Alpine ${m[1]}` };
}

/** The OS family a language image's tag variant names; `fallback` for the repository default. */
function variantFamily(tag: string, fallback: FamilyId | undefined): FamilyId | undefined {
  if (/alpine/.test(tag)) return 'alpine';
  if (/al2023/.test(tag)) return 'al2023';
  if (/(^|-)al2(-|$)/.test(tag)) return 'al2';
  if (/(bookworm|trixie|bullseye|buster|stretch|forky|slim|debian)/.test(tag)) return 'debian';
  if (/(noble|jammy|focal|resolute|ubuntu)/.test(tag)) return 'ubuntu';
  if (/(ubi|azurelinux|cbl-mariner|windows|nanoserver|servercore|ltsc)/.test(tag)) return undefined;
  return fallback;
}

function osOfVariant(tag: string, family: FamilyId | undefined): { release?: DistroRelease; unknown?: string } {
  const words = tag.split(/[-_]/);
  if (family === 'debian') return debianRelease(words);
  if (family === 'ubuntu') return ubuntuRelease(words);
  if (family === 'alpine') return alpineRelease(words, tag);
  if (family === 'al2023') return { release: releaseById('al2023')! };
  if (family === 'al2') return { release: releaseById('al2')! };
  return {};
}

function recogniseLanguageImage(parsed: ParsedRef): ImageFacts | undefined {
  const repo = LANGUAGE_IMAGE_REPOS.find((r) => r.repositories.includes(parsed.repository));
  if (!repo) return undefined;
  const tag = (parsed.tag ?? '').toLowerCase();
  let version: string | undefined;
  let fallback: FamilyId | undefined;
  switch (repo.id) {
    case 'node':
      version = /^(\d+)(?:\.\d+)*(?:-|$)/.exec(tag)?.[1];
      fallback = 'debian';
      break;
    case 'python':
    case 'ruby':
      version = /^(\d+\.\d+)(?:\.\d+)?(?:-|$)/.exec(tag)?.[1];
      fallback = 'debian';
      break;
    case 'amazoncorretto': {
      version = /^(\d+)(?:[.u][\d.]*)?(?:-|$)/.exec(tag)?.[1];
      // Bare tags up to 21 are Amazon Linux 2; from 22 on they are AL2023.
      fallback = version && Number(version) >= 22 ? 'al2023' : 'al2';
      break;
    }
    case 'eclipse-temurin':
      version = /^(\d+)(?:[.u][\w.+]*)?(?:-|$)/.exec(tag)?.[1];
      fallback = 'ubuntu';
      break;
    case 'dotnet-runtime': {
      const v = /^(\d+)\.0(?:\.\d+)?(?:-|$)/.exec(tag)?.[1];
      version = v;
      // 8.0 and 9.0 default to Debian, 10.0 to Ubuntu.
      fallback = v && Number(v) >= 10 ? 'ubuntu' : 'debian';
      break;
    }
  }
  // The variant follows the version: 22-bookworm-slim, 3.13-alpine3.23, 21-al2023-headless.
  const variant = tag.includes('-') ? tag.slice(tag.indexOf('-') + 1) : '';
  const family = variantFamily(variant, fallback);
  const os = osOfVariant(variant, family);
  let binary: string | undefined;
  if (family && version) {
    binary = repo.id === 'amazoncorretto' ? correttoBinary(family, version) : repo.binary[family];
    binary = binary?.replaceAll('{v}', version);
  }
  return {
    parsed,
    ...(family ? { family } : {}),
    wellKnown: family !== undefined,
    ...(os.release ? { release: os.release } : {}),
    ...(os.unknown ? { uncataloguedRelease: os.unknown } : {}),
    ...(version ? { language: { repo, version, binary } } : {}),
  };
}

/**
 * The family an --image reference names by itself (a well-known repository and tag), or
 * undefined when --family must say it; prompts ask exactly then.
 */
export function inferredFamily(reference: string): FamilyId | undefined {
  const facts = recogniseImage(reference);
  return facts.wellKnown && !facts.lambda ? facts.family : undefined;
}

/** Facts about an --image reference from its repository and tag alone. */
export function recogniseImage(reference: string): ImageFacts {
  const parsed = parseRef(reference);
  const repo = parsed.repository;
  const tag = (parsed.tag ?? '').toLowerCase();
  if (/(^|\/)lambda\/[a-z]+$/.test(repo) || /(^|\/)aws-lambda-[a-z]+$/.test(repo)) {
    return { parsed, wellKnown: true, lambda: true };
  }
  const language = recogniseLanguageImage(parsed);
  if (language) return language;
  const words = tag.split(/[-_]/);
  const bare = (family: FamilyId, os: { release?: DistroRelease; unknown?: string }): ImageFacts => ({
    parsed,
    family,
    wellKnown: true,
    ...(os.release ? { release: os.release } : {}),
    ...(os.unknown ? { uncataloguedRelease: os.unknown } : {}),
  });
  if (repo === 'debian') return bare('debian', debianRelease(words));
  if (repo === 'ubuntu') return bare('ubuntu', ubuntuRelease(words));
  if (repo === 'alpine') return bare('alpine', alpineRelease(words, tag));
  if (repo === 'amazonlinux') {
    if (tag.startsWith('2023')) return bare('al2023', { release: releaseById('al2023')! });
    if (tag === '2' || tag.startsWith('2.')) return bare('al2', { release: releaseById('al2')! });
    return { parsed, wellKnown: false };
  }
  return { parsed, wellKnown: false };
}
