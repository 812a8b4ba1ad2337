import type { DistroRelease, ReleaseLibs } from './images';
import type { LanguageRuntime } from './language-runtimes';
import { versionsOf } from './versions';
import type { SourceId } from './sources';
import type { Language } from './types';

/*
 * Language runtimes copied from an official language image into an image whose own repositories
 * do not have the version (an organisation's Debian or Ubuntu base, a newer or older release).
 * A copy is offered only where the binary is known to run there: the same Debian release, or a
 * C library at least as new as the one the runtime was built against, with the same sonames.
 */

export interface CopyPath {
  src: string;
  dest: string;
}

export interface RuntimeCopy {
  /** The stage the files are copied from. */
  alias: string;
  /** The official image, as the catalog writes it (mirror and pin apply like any FROM). */
  image: string;
  /** For the Dockerfile: where the runtime comes from and why it runs on this release. */
  comment: string[];
  /** Copied into the build stage (empty when the build runs on another image, as Java's does). */
  build: CopyPath[];
  /** Copied into the final stage. */
  final: CopyPath[];
  /** A command run after the copy, per stage: ldconfig for shared libraries, npm's link. */
  after: { build: string | null; final: string | null };
  interpreter: string;
  tools: { npm?: string; gem?: string; bundle?: string };
  /** node-gyp headers that come with the copy. */
  nodedir: string | null;
  /** The release's packages for the libraries the runtime links against. */
  finalPackages: string[];
  buildPackages: string[];
  sources: SourceId[];
}

export type CopyDecision = { ok: true; copy: RuntimeCopy } | { ok: false; reason: string; alternative: string | null };

/** The glibc of each Debian release an official image variant is built on. */
const DEBIAN_GLIBC: Record<string, { version: string; title: string }> = {
  bookworm: { version: '2.36', title: 'Debian 12' },
  trixie: { version: '2.41', title: 'Debian 13' },
};

/** How an official image ships a language, and where it runs. */
interface OfficialRuntime {
  language: Language;
  repository: string;
  alias: string;
  /** Debian codenames with a variant; null when the image is built on Ubuntu (Temurin). */
  debian: readonly string[] | null;
  /** The tag of a glibc variant: node:22-bookworm-slim, python:3.13-slim-trixie, eclipse-temurin:21-jre-noble. */
  glibcTag: (version: string, codename: string) => string;
  /**
   * 'any': a portable build that needs only glibc >= minGlibc, so one variant serves every release.
   * 'release': built against its Debian release's libraries; runs on that release, or on a
   * Debian-family release whose glibc is at least as new (same sonames, newer symbols are a superset).
   */
  portability: { kind: 'any'; minGlibc: string; variant: string; why: string } | { kind: 'release' };
  /** Alpine releases with a variant, and its tag. */
  alpine: readonly string[];
  alpineTag: (version: string, release: string) => string;
  build: CopyPath[];
  final: CopyPath[];
  /** Shared libraries land in /usr/local/lib (libpython, libruby): the loader cache needs a refresh. */
  ldconfig: boolean;
  /** A command the build stage runs after the copy. */
  buildSetup: string | null;
  interpreter: (version: string) => string;
  tools: RuntimeCopy['tools'];
  nodedir: string | null;
  /** The release's packages the runtime needs, or null when the catalog has no names for them. */
  libs: (libs: ReleaseLibs | null) => string[] | null;
  sources: SourceId[];
}

const USR_LOCAL: CopyPath[] = [{ src: '/usr/local/', dest: '/usr/local/' }];

const OFFICIAL: Partial<Record<Language, OfficialRuntime>> = {
  nodejs: {
    language: 'nodejs',
    repository: 'node',
    alias: 'node-runtime',
    debian: ['bookworm', 'trixie'],
    glibcTag: (v, codename) => `node:${v}-${codename}-slim`,
    portability: {
      kind: 'any',
      minGlibc: '2.28',
      variant: 'bookworm',
      why: 'the image unpacks the nodejs.org release tarball, whose binary needs only glibc 2.28 or newer (Node.js BUILDING.md)',
    },
    alpine: ['3.23', '3.24'],
    alpineTag: (v, r) => `node:${v}-alpine${r}`,
    // npm and the headers only where the function is built, so node-gyp never downloads them.
    build: [
      { src: '/usr/local/bin/node', dest: '/usr/local/bin/node' },
      { src: '/usr/local/lib/node_modules/npm', dest: '/usr/local/lib/node_modules/npm' },
      { src: '/usr/local/include/node', dest: '/usr/local/include/node' },
    ],
    final: [{ src: '/usr/local/bin/node', dest: '/usr/local/bin/node' }],
    ldconfig: false,
    // npm as the official image links it: install scripts call it by name (aws-lambda-ric's
    // postinstall runs `npm run build:gyp`).
    buildSetup: 'ln -sf ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm',
    interpreter: () => '/usr/local/bin/node',
    // npm is the link the build stage makes to npm's own entry script, which runs under node.
    tools: {},
    nodedir: '/usr/local',
    libs: (l) => l?.cxx ?? null,
    sources: ['docker-node-variants', 'node-building'],
  },
  python: {
    language: 'python',
    repository: 'python',
    alias: 'python-runtime',
    debian: ['bookworm', 'trixie'],
    glibcTag: (v, codename) => `python:${v}-slim-${codename}`,
    portability: { kind: 'release' },
    alpine: ['3.23', '3.24'],
    alpineTag: (v, r) => `python:${v}-alpine${r}`,
    build: USR_LOCAL,
    final: USR_LOCAL,
    ldconfig: true,
    buildSetup: null,
    interpreter: (v) => `/usr/local/bin/python${v}`,
    tools: {},
    nodedir: null,
    libs: (l) => (l ? [l.certificates, l.ssl, l.ffi, l.sqlite, l.expat, l.bz2, l.lzma, l.zlib] : null),
    sources: ['docker-python-variants', 'docker-python'],
  },
  ruby: {
    language: 'ruby',
    repository: 'ruby',
    alias: 'ruby-runtime',
    debian: ['bookworm', 'trixie'],
    glibcTag: (v, codename) => `ruby:${v}-slim-${codename}`,
    portability: { kind: 'release' },
    alpine: ['3.22', '3.23'],
    alpineTag: (v, r) => `ruby:${v}-alpine${r}`,
    build: USR_LOCAL,
    final: USR_LOCAL,
    ldconfig: true,
    buildSetup: null,
    interpreter: () => '/usr/local/bin/ruby',
    tools: { gem: '/usr/local/bin/gem', bundle: '/usr/local/bin/bundle' },
    nodedir: null,
    libs: (l) => (l ? [l.certificates, l.ssl, l.ffi, l.gmp, l.yaml, l.zlib] : null),
    sources: ['docker-ruby-variants', 'docker-ruby'],
  },
  java: {
    language: 'java',
    repository: 'eclipse-temurin',
    alias: 'java-runtime',
    debian: null,
    glibcTag: (v) => `eclipse-temurin:${v}-jre-noble`,
    portability: {
      kind: 'any',
      minGlibc: '2.17',
      variant: 'noble',
      why: "the image unpacks Adoptium's Linux JRE build, which needs only glibc 2.17 or newer (Adoptium supported platforms)",
    },
    alpine: ['3.21', '3.22', '3.23', '3.24'],
    alpineTag: (v, r) => `eclipse-temurin:${v}-jre-alpine-${r}`,
    // The build runs on the Maven image; only the JRE reaches the function's image.
    build: [],
    final: [{ src: '/opt/java/openjdk', dest: '/opt/java/openjdk' }],
    ldconfig: false,
    buildSetup: null,
    interpreter: () => '/opt/java/openjdk/bin/java',
    tools: {},
    nodedir: null,
    libs: () => [],
    sources: ['temurin-variants', 'adoptium-platforms'],
  },
};

/** The glibc version order: 2.9 < 2.17 < 2.28. */
export function glibcAtLeast(have: string, need: string): boolean {
  const [ha = 0, hb = 0] = have.split('.').map(Number);
  const [na = 0, nb = 0] = need.split('.').map(Number);
  return ha !== na ? ha > na : hb >= nb;
}

/** The official image a language version is copied from onto a release, or why none fits. */
export function copiedRuntime(release: DistroRelease, rt: LanguageRuntime): CopyDecision {
  const official = OFFICIAL[rt.language];
  const version = rt.version;
  if (!official || !version) return { ok: false, reason: 'no official image is catalogued to copy it from', alternative: null };
  if (!versionsOf(rt.language).includes(version)) {
    return { ok: false, reason: `no official ${official.repository} image is catalogued for ${version}`, alternative: null };
  }
  let image: string;
  let why: string;
  const libc = release.libc;
  if (libc.kind === 'musl') {
    if (!official.alpine.includes(release.version)) {
      const newest = official.alpine[official.alpine.length - 1]!;
      return {
        ok: false,
        reason: `the official ${official.repository} image has Alpine variants for ${official.alpine.join(', ')} only, and a musl runtime built on another Alpine release may need libraries this one lacks`,
        alternative: `--image ${official.alpineTag(version, newest)}`,
      };
    }
    image = official.alpineTag(version, release.version);
    why = `the official image's variant for ${release.title}: the same musl and the same libraries`;
  } else if (official.portability.kind === 'any') {
    const p = official.portability;
    if (!glibcAtLeast(libc.version, p.minGlibc)) {
      return { ok: false, reason: `its glibc ${libc.version} is older than the ${p.minGlibc} the official build needs`, alternative: null };
    }
    const same = release.family === 'debian' && official.debian?.includes(release.release);
    image = official.glibcTag(version, same ? release.release : p.variant);
    why = same ? `the variant for ${release.title}; ${p.why}` : `${p.why}; ${release.title} has glibc ${libc.version}`;
  } else {
    // Built against a Debian release's libraries: that release, or a Debian-family release whose
    // glibc is at least as new (Ubuntu 24.04 runs bookworm's build; Ubuntu 22.04 runs neither).
    const variants = (official.debian ?? []).filter((c) => DEBIAN_GLIBC[c]);
    if (release.family === 'debian' && variants.includes(release.release)) {
      image = official.glibcTag(version, release.release);
      why = `the official image's variant for ${release.title}: the same glibc and the same library packages`;
    } else {
      const fits = release.family === 'ubuntu' ? variants.filter((c) => glibcAtLeast(libc.version, DEBIAN_GLIBC[c]!.version)) : [];
      const codename = fits[fits.length - 1];
      if (!codename) {
        const oldest = variants.map((c) => `${DEBIAN_GLIBC[c]!.title} (glibc ${DEBIAN_GLIBC[c]!.version})`).join(' and ');
        return {
          ok: false,
          reason: `the official ${official.repository} images are built on ${oldest}, newer than ${release.title}'s glibc ${libc.version}, so their /usr/local cannot run there`,
          alternative: `--image ${official.glibcTag(version, variants[0]!)}`,
        };
      }
      const from = DEBIAN_GLIBC[codename]!;
      image = official.glibcTag(version, codename);
      why = `built on ${from.title} (glibc ${from.version}); ${release.title} has glibc ${libc.version} and the same library sonames`;
    }
  }

  const libs = official.libs(release.libs);
  if (!libs) return { ok: false, reason: `the catalog has no package names for the libraries ${image} links against on ${release.title}`, alternative: null };
  return {
    ok: true,
    copy: {
      alias: official.alias,
      image,
      comment: [`${rt.id} is not in ${release.title}'s repositories, so it is copied from ${image}:`, `${why}.`],
      build: official.build,
      final: official.final,
      after: {
        build: [official.ldconfig && libc.kind === 'glibc' ? 'ldconfig' : null, official.buildSetup].filter(Boolean).join(' && ') || null,
        final: official.ldconfig && libc.kind === 'glibc' ? 'ldconfig' : null,
      },
      interpreter: official.interpreter(version),
      tools: official.tools,
      nodedir: official.nodedir,
      finalPackages: libs,
      buildPackages: official.build.length > 0 ? libs : [],
      sources: official.sources,
    },
  };
}
