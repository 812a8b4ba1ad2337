import { AWS_RUNTIMES, family as familyOf, LANGUAGES, osOnlyBase } from './index';
import {
  BARE_IMAGES,
  DEFAULT_IMAGES,
  DISTRO_RELEASES,
  REFERENCE_RELEASE,
  releaseOf,
  archGlob,
  archPath,
  defaultFamily,
  distroRelease,
  recogniseImage,
  type DistroLanguage,
  type DistroRelease,
  type ImageFacts,
} from './images';
import { findLanguageRuntime, type LanguageRuntime } from './language-runtimes';
import { FAMILY_VALUES, familyValue, parseFamilyValue } from './families';
import { copiedRuntime, type RuntimeCopy } from './runtime-copies';
import { describeRange, ricFor, ricsFor, type RicRecord } from './rics';
import type { Arch, FamilyId, OsId, PackageManager } from './types';
import { recogniseBase } from './bases';

/**
 * Where the language comes from on an OS-only or non-AWS base, decided once from the catalog and
 * used by both resolve() (to refuse impossible combinations with a reason) and the planners.
 */
export interface Target {
  kind: 'os-only' | 'image';
  runtime: LanguageRuntime;
  family: FamilyId;
  /** The catalogued release the language is set up for (debian-trixie), when one is known. */
  release: string | null;
  manager: PackageManager;
  /** Final-stage base reference as the catalog writes it (before mirror and pin). */
  final: string;
  /** Build-stage base for languages built on their own image (node, python, ruby, custom). */
  build: string;
  /**
   * image: the base holds the language; packages: installed from the OS; copy: copied from an
   * official language image (see `copy`); self-contained: .NET publish; none: compiled or shell.
   */
  provide: 'image' | 'packages' | 'copy' | 'self-contained' | 'none';
  /** The runtime copied from an official image: its stage, paths and why it runs here. */
  copy: RuntimeCopy | null;
  /** Language and client packages; the user's --os-package/--build-os-package come on top. */
  finalPackages: string[];
  buildPackages: string[];
  /** The interpreter the entry script or bootstrap starts (architecture resolved), for messages. */
  interpreter: string | null;
  /** A shell pattern for an interpreter whose folder names the architecture; the script resolves it. */
  interpreterPattern: string | null;
  tools: { npm: string; gem: string; bundle: string; python: string };
  /** node-gyp headers shipped by the image. */
  nodedir: string | null;
  ric: RicRecord | null;
  /** Python: the client may compile from source, so the build stage has the toolchain. */
  sourceBuild: boolean;
  warnings: string[];
}

export type TargetResult = { ok: true; target: Target } | { ok: false; reason: string };

const FAMILY_TITLES: Record<FamilyId, string> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine',
  al2023: 'Amazon Linux 2023',
  al2: 'Amazon Linux 2',
};

const FAMILY_CHOICES = FAMILY_VALUES.join(', ');

function fail(reason: string): TargetResult {
  return { ok: false, reason };
}

/** The client for a runtime, or why there is none. */
function clientFor(rt: LanguageRuntime): { ric: RicRecord | null } | { reason: string } {
  if (LANGUAGES[rt.language].bootstrap === 'script') return { ric: null };
  const ric = ricFor(rt.language, rt.version);
  if (ric) return { ric };
  const known = ricsFor(rt.language)[0];
  const title = LANGUAGES[rt.language].title;
  const newer = known ? ` (${describeRange(known, title)})` : '';
  return { reason: `${rt.id}: no catalogued runtime interface client supports ${title} ${rt.version}${newer}; choose a newer ${title} version` };
}

/** Python versions whose client wheels no source confirms get the source-build toolchain. */
function needsSourceBuild(rt: LanguageRuntime, family: FamilyId, ric: RicRecord | null): boolean {
  if (rt.language !== 'python' || !ric) return false;
  return family === 'alpine' || ric.unconfirmed.some((u) => u.versions.includes(rt.version ?? ''));
}

function warningsFor(rt: LanguageRuntime, ric: RicRecord | null, offering: DistroLanguage | null): string[] {
  const out: string[] = [];
  for (const u of ric?.unconfirmed ?? []) {
    if (rt.version && u.versions.includes(rt.version)) out.push(`${ric!.package} ${ric!.version} on ${rt.id}: ${u.note}`);
  }
  if (offering && !offering.confirmed) out.push(`${rt.id}: ${offering.note ?? 'the package facts are not confirmed by a primary source'}; check the build`);
  return out;
}

/** Compiled functions and shell runtimes are their own bootstrap: the base needs no language. */
function bringsOwnRuntime(rt: LanguageRuntime): boolean {
  return LANGUAGES[rt.language].bootstrap !== 'client';
}

const TOOLS_DEFAULT = { npm: 'npm', gem: 'gem', bundle: 'bundle', python: 'python3' };

/** What assemble() needs: the base, and how the language arrives there. */
interface Assembly {
  kind: Target['kind'];
  rt: LanguageRuntime;
  ric: RicRecord | null;
  family: FamilyId;
  final: string;
  build: string;
  provide: Target['provide'];
  arch: Arch;
  /** The distribution's packages of the language, when they provide it. */
  offering?: DistroLanguage | null;
  interpreter?: string | null;
  nodedir?: string | null;
  warnings?: string[];
  release?: DistroRelease | null;
  /** The runtime copied from an official image, when the release lacks it. */
  copy?: RuntimeCopy | null;
  /** Final-stage packages the way the language arrives needs besides its own. */
  extraPackages?: string[];
}

/** Assembles a target once the base and the way the language arrives are known. */
function assemble(a: Assembly): Target {
  const { kind, rt, ric, family, final, build, provide, arch } = a;
  const offering = a.offering ?? null;
  const copy = a.copy ?? null;
  let interpreter = a.interpreter ?? null;
  let nodedir = a.nodedir ?? null;
  const sourceBuild = needsSourceBuild(rt, family, ric);
  const finalPackages: string[] = [];
  const buildPackages: string[] = [];
  if (provide === 'packages' && offering) {
    finalPackages.push(...offering.final);
    buildPackages.push(...offering.build);
  }
  if (copy) {
    finalPackages.push(...copy.finalPackages);
    buildPackages.push(...copy.buildPackages);
  }
  finalPackages.push(...(a.extraPackages ?? []));
  if (rt.language === 'nodejs' && ric) buildPackages.push(...(ric.buildDeps[family] ?? []));
  if (sourceBuild && ric) {
    buildPackages.push(...(ric.buildDeps[family] ?? []));
    if (provide === 'packages' && offering?.devel) buildPackages.push(...offering.devel);
  }
  if (ric) finalPackages.push(...(ric.runtimeDeps[family] ?? []));
  // Compiled and shell functions: TLS roots for HTTPS calls where the slim images lack them; curl for the shell runtime.
  if (LANGUAGES[rt.language].bootstrap === 'binary' && (family === 'debian' || family === 'ubuntu')) finalPackages.push('ca-certificates');
  if (LANGUAGES[rt.language].bootstrap === 'script' && family !== 'al2023') finalPackages.push('curl');
  const version = rt.version ?? '';
  const tools = {
    ...TOOLS_DEFAULT,
    ...(offering?.tools ?? {}),
    ...(copy?.tools ?? {}),
    python: rt.language === 'python' ? `python${version}` : 'python3',
  };
  if (copy) {
    interpreter = copy.interpreter;
    nodedir = copy.nodedir;
  }
  return {
    kind,
    runtime: rt,
    family,
    release: a.release?.id ?? null,
    manager: familyOf(family).packageManager,
    final,
    build,
    provide,
    copy,
    finalPackages: [...new Set(finalPackages)],
    buildPackages: [...new Set(buildPackages)],
    interpreter: interpreter ? archPath(interpreter, arch) : null,
    interpreterPattern: interpreter ? archGlob(interpreter) : null,
    tools,
    nodedir,
    ric,
    sourceBuild,
    warnings: [...warningsFor(rt, ric, offering), ...(a.warnings ?? [])],
  };
}

function offeringOf(release: DistroRelease, runtime: string): DistroLanguage | undefined {
  return release.languages.find((l) => l.runtime === runtime);
}

/** "its packages have Node.js 18" / "no package facts are catalogued" */
function whatItHas(release: DistroRelease, rt: LanguageRuntime): string {
  const has = release.has[rt.language];
  const title = LANGUAGES[rt.language].title;
  if (has === 'none') return `its repositories have no ${title} that runs there`;
  if (has) return `its repositories have ${title} ${has}`;
  return `the catalog has no confirmed ${title} package for it`;
}

// -------------------------------------------------------------------------------------------
// OS-only bases.

const OS_ONLY_RELEASE: Record<OsId, string> = { al2023: 'al2023', al2: 'al2' };

export function osOnlyTarget(os: OsId, runtimeId: string, arch: Arch): TargetResult {
  const rt = findLanguageRuntime(runtimeId);
  if (!rt) return fail(`unknown runtime ${runtimeId}`);
  const client = clientFor(rt);
  if ('reason' in client) return fail(client.reason);
  const base = osOnlyBase(os)!;
  const ref = `${base.image}:${base.tag}`;
  const release = distroRelease(OS_ONLY_RELEASE[os]);
  if (bringsOwnRuntime(rt)) {
    return { ok: true, target: assemble({ kind: 'os-only', rt, ric: client.ric, family: os, final: ref, build: ref, provide: 'none', arch, release }) };
  }
  const offering = offeringOf(release, rt.id);
  if (!offering) {
    return fail(`${rt.id} cannot run on provided:${base.tag}: ${whatItHas(release, rt)} (${release.title}); ${osOnlyAlternative(os, rt)}`);
  }
  const provide = offering.selfContained ? 'self-contained' : 'packages';
  return { ok: true, target: assemble({ kind: 'os-only', rt, ric: client.ric, family: os, final: ref, build: ref, provide, arch, offering, interpreter: offering.binary, release }) };
}

function osOnlyAlternative(os: OsId, rt: LanguageRuntime): string {
  const other = os === 'al2' ? offeringOf(distroRelease('al2023'), rt.id) : undefined;
  const parts = [] as string[];
  if (other) parts.push('--os al2023');
  const aws = awsRuntimeFor(rt);
  if (aws) parts.push(`--base aws --runtime ${aws}`);
  parts.push(`--base image --runtime ${rt.id}`);
  return `use ${parts.join(', or ')}`;
}

/** The AWS base image that runs the same language version, the newest schedule first. */
function awsRuntimeFor(rt: LanguageRuntime): string | undefined {
  return AWS_RUNTIMES.filter((r) => r.language === rt.language && r.languageVersion === rt.version)
    .sort((a, b) => b.deprecation.localeCompare(a.deprecation))[0]?.id;
}

// -------------------------------------------------------------------------------------------
// Image bases.

/** The image the generator picks for a runtime on a family when --image is not given. */
export function defaultImageFor(runtimeId: string, family: FamilyId): { final: string; build: string | null } | undefined {
  const rt = findLanguageRuntime(runtimeId);
  if (!rt) return undefined;
  const official = DEFAULT_IMAGES.find((d) => d.runtime === rt.id && d.family === family);
  if (official) return { final: official.final, build: official.build };
  if (bringsOwnRuntime(rt)) return { final: BARE_IMAGES[family], build: null };
  // A bare release of the family that packages this version (al2023 for most, alpine 3.24 for Node 24).
  const release = DISTRO_RELEASES.find((r) => r.family === family && offeringOf(r, rt.id));
  return release ? { final: release.image, build: null } : undefined;
}

/** The image to suggest for a runtime: the family's own when it has one, else the language's default. */
function suggestedImage(runtimeId: string, family: FamilyId | undefined): string | undefined {
  const rt = findLanguageRuntime(runtimeId)!;
  const same = family ? defaultImageFor(runtimeId, family) : undefined;
  return (same ?? defaultImageFor(runtimeId, defaultFamily(rt.language, rt.version)))?.final;
}

function suggestion(runtimeId: string, family: FamilyId | undefined): string {
  const image = suggestedImage(runtimeId, family);
  return image ? `use --image ${image} instead (or leave out --image)` : 'use --base aws';
}

export interface ImageRequest {
  runtime: string;
  image?: string;
  /** A --family value: a family, or family:release (debian:13, ubuntu:22.04). */
  family?: string;
  arch: Arch;
}

/** A --family value as the planner uses it: the family, its release, and whether the value named it. */
interface FamilyRequest {
  family: FamilyId;
  release: DistroRelease | undefined;
  explicit: boolean;
  value: string;
}

function familyRequest(value: string | undefined): FamilyRequest | { error: string } | undefined {
  if (value === undefined) return undefined;
  const parsed = parseFamilyValue(value);
  if (!parsed.ok) return { error: parsed.error };
  return { family: parsed.family, release: releaseOf(parsed.family, parsed.release), explicit: parsed.explicit, value };
}

export function imageTarget(req: ImageRequest): TargetResult {
  const rt = findLanguageRuntime(req.runtime);
  if (!rt) return fail(`unknown runtime ${req.runtime}`);
  const client = clientFor(rt);
  if ('reason' in client) return fail(client.reason);
  const { ric } = client;
  const compiled = bringsOwnRuntime(rt);
  const wanted = familyRequest(req.family);
  if (wanted && 'error' in wanted) return fail(wanted.error);

  if (!req.image) {
    const family = wanted?.family ?? defaultFamily(rt.language, rt.version);
    const pick = defaultImageFor(rt.id, family);
    if (wanted?.explicit && wanted.release) {
      // A named release: the default image when it is that release, else the release's own image.
      const same = pick && recogniseImage(pick.final).release?.id === wanted.release.id;
      if (!same) return fromReference(rt, ric, wanted.release.image, null, req, compiled, wanted);
    }
    if (!pick) {
      const release = wanted?.release ?? distroRelease(REFERENCE_RELEASE[family]);
      // No official image of the family: its bare image, with the language copied in, where that runs.
      if (languageOnRelease(release, rt).ok) {
        return fromReference(rt, ric, release.image, null, req, compiled, wanted ?? { family, release, explicit: false, value: family });
      }
      const image = suggestedImage(rt.id, undefined);
      return fail(`no ${FAMILY_TITLES[family]} image is catalogued for ${rt.id}: ${whatItHas(release, rt)}; use ${image ? `--image ${image}, or ` : ''}another --family`);
    }
    return fromReference(rt, ric, pick.final, pick.build, req, compiled, wanted ?? { family, release: undefined, explicit: false, value: family });
  }
  return fromReference(rt, ric, req.image, null, req, compiled, wanted);
}

/** "Debian 12 (bookworm)", or the family's title when the release is not known. */
function titleOf(family: FamilyId, release: DistroRelease | undefined): string {
  return release?.title ?? FAMILY_TITLES[family];
}

/** Checks an --image reference (or a default) and decides how the language arrives. */
function fromReference(
  rt: LanguageRuntime,
  ric: RicRecord | null,
  reference: string,
  defaultBuild: string | null,
  req: ImageRequest,
  compiled: boolean,
  wanted: FamilyRequest | undefined,
): TargetResult {
  const given = req.image !== undefined;
  const facts: ImageFacts = recogniseImage(reference);
  const { tag, digest } = facts.parsed;
  if (given) {
    if (!tag && !digest) return fail(`--image ${reference} has no tag: give one (e.g. ${reference}:<version>) so every build uses the same base`);
    if (tag === 'latest') return fail(`--image ${reference} uses the latest tag, which moves; pin a version tag so every build uses the same base`);
    if (facts.lambda) return fail(`--image ${reference} is an AWS Lambda base image: use --base aws (language images) or --base os-only (provided), which keep its entrypoint and emulator`);
  }
  const other = facts.wellKnown ? undefined : recogniseBase(reference);
  if (other?.windows) return fail(`--image ${reference} is a Windows image; Lambda runs Linux images only`);
  if (other?.scratch) return fail(`--image ${reference} has no shell or package manager for the runtime client; use --image ${BARE_IMAGES.alpine}`);
  if (other && (other.kind === 'aws-runtime' || other.kind === 'os-only')) {
    return fail(`--image ${reference} is an AWS Lambda base image: use --base aws or --base os-only`);
  }

  // The family: what a well-known reference says, else --family, else a guess from the tag.
  let family = facts.family;
  if (family && wanted && given && family !== wanted.family) {
    return fail(`--family ${wanted.value} contradicts --image ${reference}, which is ${FAMILY_TITLES[family]}; drop --family or give a ${FAMILY_TITLES[wanted.family]} image`);
  }
  family ??= wanted?.family ?? other?.family;
  if (!family) {
    return fail(`cannot tell the OS family of --image ${reference}; pass --family with one of: ${FAMILY_CHOICES}`);
  }
  if (!facts.wellKnown && !wanted && other?.family) {
    // A guess from the tag (e.g. "-slim" → Debian) is not proof for an unknown repository.
    return fail(`--image ${reference} is not an image the catalog knows; its tag suggests ${FAMILY_TITLES[other.family]}, so pass --family ${other.family} to confirm (choices: ${FAMILY_CHOICES})`);
  }

  // The release: what the tag says (bookworm, 22.04, alpine3.21), else --family's.
  const tagged = facts.release ?? (facts.wellKnown ? undefined : releaseInTag(tag ?? '', family));
  if (tagged && wanted?.explicit && wanted.release && tagged.id !== wanted.release.id && given) {
    return fail(`--family ${wanted.value} contradicts --image ${reference}, whose tag says ${tagged.title}; drop the release from --family or give a ${wanted.release.title} image`);
  }

  const warnings: string[] = [];
  const build = defaultBuild ?? reference;
  const language = facts.language;
  if (language && language.repo.language === rt.language) {
    if (rt.version && language.version !== rt.version) {
      return fail(`--image ${reference} provides ${LANGUAGES[rt.language].title} ${language.version}, not ${rt.version}; ${suggestion(rt.id, family)}, or pass --runtime ${runtimeIdFor(rt, language.version)}`);
    }
    if (!language.binary) {
      return fail(`--image ${reference} is a ${LANGUAGES[rt.language].title} image variant the catalog has no paths for; ${suggestion(rt.id, family)}`);
    }
    return ok(assemble({ kind: 'image', rt, ric, family, final: reference, build, provide: 'image', arch: req.arch, interpreter: language.binary, nodedir: language.repo.nodedir ?? null, warnings, release: tagged ?? null }));
  }
  if (language && !language.version && given) {
    return fail(`--image ${reference}: the tag does not say which ${LANGUAGES[language.repo.language].title} version it holds; write it (e.g. ${facts.parsed.repository}:<version>-<variant>)`);
  }
  if (compiled) return ok(assemble({ kind: 'image', rt, ric, family, final: reference, build, provide: 'none', arch: req.arch, warnings, release: tagged ?? wanted?.release ?? null }));

  // The language comes from the release: its own packages, a copy from an official image, or a
  // self-contained .NET publish.
  let release = tagged;
  if (!release) {
    if (facts.uncataloguedRelease) {
      return fail(`--image ${reference} is ${facts.uncataloguedRelease}, whose packages the catalog does not know, so it cannot install ${rt.id}; ${suggestion(rt.id, family)}`);
    }
    if (facts.wellKnown && !wanted?.explicit) {
      return fail(`--image ${reference}: the tag does not name the ${FAMILY_TITLES[family]} release, so the packages for ${rt.id} are unknown; ${suggestion(rt.id, family)}, or name the release with --family (${familyChoices(family)})`);
    }
    release = wanted?.release ?? distroRelease(REFERENCE_RELEASE[family]);
    if (!wanted?.explicit && hasSeveralReleases(family)) {
      warnings.push(`${reference}: assuming ${release.title} packages for ${rt.id}; pass --family ${familyValue(family, release.version)} to confirm, or the image's own release (${familyChoices(family)})`);
    }
  }
  const way = languageOnRelease(release, rt);
  if (!way.ok) {
    return fail(`--image ${reference} (${release.title}) cannot provide ${rt.id}: ${way.reason}; ${way.alternative ?? suggestion(rt.id, family)}`);
  }
  const extra = way.provide === 'self-contained' && release.libs ? dotnetLibs(release) : [];
  return ok(assemble({ kind: 'image', rt, ric, family, final: reference, build, provide: way.provide, arch: req.arch, offering: way.offering, interpreter: way.offering?.binary ?? null, warnings, release, copy: way.copy, extraPackages: extra }));
}

/** The libraries a self-contained .NET app loads on a Debian, Ubuntu or Alpine release: TLS, ICU, CA roots. */
function dotnetLibs(release: DistroRelease): string[] {
  const libs = release.libs!;
  return [libs.certificates, libs.ssl, libs.icu, ...libs.cxx];
}

/** "debian:12, debian:13" */
function familyChoices(family: FamilyId): string {
  return DISTRO_RELEASES.filter((r) => r.family === family).map((r) => familyValue(family, r.version)).join(', ');
}

function hasSeveralReleases(family: FamilyId): boolean {
  return DISTRO_RELEASES.filter((r) => r.family === family).length > 1;
}

/**
 * A release an unknown repository's tag names by codename (base:1.0-bookworm, base:2-jammy,
 * base:3-alpine3.21). Bare numbers are the organisation's own versions (base:13.2), never a release.
 */
function releaseInTag(tag: string, family: FamilyId): DistroRelease | undefined {
  const t = tag.toLowerCase();
  const words = t.split(/[-_.]/);
  return DISTRO_RELEASES.find((r) => {
    if (r.family !== family || !hasSeveralReleases(family)) return false;
    if (family === 'alpine') return new RegExp(`(^|[-_])alpine-?${r.version.replace('.', '\\.')}([-_]|$)`).test(t);
    return words.includes(r.release);
  });
}

export type ReleaseWay =
  | { ok: true; provide: 'packages' | 'self-contained' | 'copy'; offering: DistroLanguage | null; copy: RuntimeCopy | null }
  | { ok: false; reason: string; alternative: string | null };

/**
 * How an interpreted language version reaches an image of a release that does not hold it:
 * the release's own packages first, then a self-contained .NET publish, then a runtime copied
 * from an official image where one is known to run there; otherwise the reason there is none.
 */
export function languageOnRelease(release: DistroRelease, rt: LanguageRuntime): ReleaseWay {
  const offering = offeringOf(release, rt.id);
  if (offering) return { ok: true, provide: offering.selfContained ? 'self-contained' : 'packages', offering, copy: null };
  if (rt.language === 'dotnet' && release.libs) {
    // The publish carries the runtime; the release only needs the libraries it loads.
    return { ok: true, provide: 'self-contained', offering: null, copy: null };
  }
  const copy = copiedRuntime(release, rt);
  if (copy.ok) return { ok: true, provide: 'copy', offering: null, copy: copy.copy };
  return { ok: false, reason: `${whatItHas(release, rt)}, and ${copy.reason}`, alternative: copy.alternative ? `use ${copy.alternative}` : null };
}

function ok(target: Target): TargetResult {
  return { ok: true, target };
}

function runtimeIdFor(rt: LanguageRuntime, version: string): string {
  return `${rt.language}${version}`;
}

/** For planners: the target, or a programming error when resolve() let a refusal through. */
export function targetOrThrow(result: TargetResult): Target {
  if (!result.ok) throw new Error(`plan for an unsupported combination: ${result.reason}`);
  return result.target;
}
