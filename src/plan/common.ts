import { LAMBDA } from '../catalog/lambda';
import type { Arch, PackageManager } from '../catalog/types';
import type { Options, Stage } from '../options';
import type { RuntimeCopy } from '../catalog/runtime-copies';
import type { PackageStep, RuntimeCopyStep, StageModel } from './model';

/** Files already in the target folder (or about to be written by the sample), by relative path. */
export interface ProjectFacts {
  files: ReadonlySet<string>;
  /** Folders among PROJECT_DIRS that the folder has (real folders, never links). */
  dirs?: ReadonlySet<string>;
}

/**
 * Folders a dependency install may need before the sources arrive: Yarn's pinned release,
 * plugins and patches (named by .yarnrc.yml and package.json), and pnpm's patches.
 */
export const PROJECT_DIRS = ['.yarn/releases', '.yarn/plugins', '.yarn/patches', 'patches'] as const;

const PUBLIC_ECR = LAMBDA.registry;

/**
 * The reference FROM uses: the team's digest pin (looked up by the reference as the catalog
 * writes it, per architecture where given), then the registry mirror for public.ecr.aws.
 */
export function baseReference(ref: string, options: Options): string {
  const pin = options.pin[ref];
  const digest = typeof pin === 'string' ? pin : pin?.[options.arch];
  let out = digest ? `${ref}@${digest}` : ref;
  if (options.registryMirror && out.startsWith(`${PUBLIC_ECR}/`)) {
    out = `${options.registryMirror}/${out.slice(PUBLIC_ECR.length + 1)}`;
  }
  return out;
}

/** A package version pin per manager: name-1.2 for dnf/yum, name=1.2 for apt-get and apk. */
function isPinned(manager: PackageManager, name: string): boolean {
  if (manager === 'apt-get' || manager === 'apk') return name.includes('=');
  return /-\d/.test(name);
}

export function packageStep(manager: PackageManager, packages: readonly string[]): PackageStep | null {
  const unique = [...new Set(packages)];
  if (unique.length === 0) return null;
  return { manager, packages: unique, pinned: unique.every((p) => isPinned(manager, p)) };
}

export function stage(
  from: string,
  options: Options,
  which: Stage,
  manager: PackageManager | null,
  packages: readonly string[],
  platform: string | null = null,
  copy: RuntimeCopy | null = null,
): StageModel {
  const requested = which === 'final' ? options.osPackages : options.buildOsPackages;
  const all = [...packages, ...requested];
  return {
    from,
    platform,
    packages: manager ? packageStep(manager, all) : null,
    instructions: options.instructions[which] ?? [],
    runtime: copy ? runtimeCopyStep(copy, options, which) : null,
  };
}

/**
 * The files a stage takes from an official image's runtime (see src/catalog/runtime-copies.ts);
 * null when the stage takes none (Java builds on Maven's image, so only its final stage copies).
 */
export function runtimeCopyStep(copy: RuntimeCopy, options: Options, which: Stage): RuntimeCopyStep | null {
  const paths = which === 'final' ? copy.final : copy.build;
  if (paths.length === 0) return null;
  return { stage: copy.alias, image: baseReference(copy.image, options), comment: copy.comment, paths, run: copy.after[which] };
}

/** The runtime stages the build and final stages copy from, each declared once. */
export function runtimeStages(stages: readonly StageModel[]): { name: string; from: string; comment: string[] }[] {
  const out: { name: string; from: string; comment: string[] }[] = [];
  for (const s of stages) {
    if (s.runtime && !out.some((o) => o.name === s.runtime!.stage)) out.push({ name: s.runtime.stage, from: s.runtime.image, comment: s.runtime.comment });
  }
  return out;
}

/** Exec-form JSON for ENTRYPOINT and CMD. */
export function execForm(argv: readonly string[]): string {
  return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
}

export function platformOf(arch: Arch): string {
  return arch === 'arm64' ? 'linux/arm64' : 'linux/amd64';
}

/** Docker's name for the architecture, as TARGETARCH spells it. */
export function dockerArch(arch: Arch): 'amd64' | 'arm64' {
  return arch === 'arm64' ? 'arm64' : 'amd64';
}

/**
 * BuildKit cache mounts for package downloads (Docker 20.10's built-in frontend accepts them with
 * no syntax line): a rebuild after a dependency change fetches only what changed, and the cache
 * never lands in a layer. Paths are the tools' defaults for root, the build stages' user.
 */
export const BUILD_CACHE = {
  npm: '--mount=type=cache,target=/root/.npm',
  pip: '--mount=type=cache,target=/root/.cache/pip',
  go: '--mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build',
  cargo: '--mount=type=cache,target=/usr/local/cargo/registry',
  nuget: '--mount=type=cache,target=/root/.nuget/packages',
  // The Maven images' local repository (MAVEN_CONFIG): plugins as well as dependencies, so a code
  // change does not download the plugins the package phase needs again.
  maven: '--mount=type=cache,target=/root/.m2',
} as const;

/**
 * Optional BuildKit secrets for private registries: present only when the build passes them
 * (`docker build --secret id=npmrc,src=$HOME/.npmrc`), never written to a layer, never an ARG.
 */
export const PRIVATE_REGISTRY = {
  npm: '--mount=type=secret,id=npmrc,target=/root/.npmrc',
  pip: '--mount=type=secret,id=pipconf,target=/etc/pip.conf',
} as const;

export function hasDir(facts: ProjectFacts, name: string): boolean {
  return facts.dirs?.has(name) ?? false;
}

export function firstPresent(facts: ProjectFacts, names: readonly string[]): string | undefined {
  return names.find((n) => facts.files.has(n));
}
