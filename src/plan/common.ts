import { LAMBDA } from '../catalog/lambda';
import type { Arch, PackageManager } from '../catalog/types';
import type { Options, Stage } from '../options';
import type { PackageStep, StageModel } from './model';

/** Files already in the target folder (or about to be written by the sample), by relative path. */
export interface ProjectFacts {
  files: ReadonlySet<string>;
}

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
): StageModel {
  const requested = which === 'final' ? options.osPackages : options.buildOsPackages;
  const all = [...packages, ...requested];
  return {
    from,
    platform,
    packages: manager ? packageStep(manager, all) : null,
    instructions: options.instructions[which] ?? [],
  };
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
} as const;

/**
 * Optional BuildKit secrets for private registries: present only when the build passes them
 * (`docker build --secret id=npmrc,src=$HOME/.npmrc`), never written to a layer, never an ARG.
 */
export const PRIVATE_REGISTRY = {
  npm: '--mount=type=secret,id=npmrc,target=/root/.npmrc',
  pip: '--mount=type=secret,id=pipconf,target=/etc/pip.conf',
} as const;

export function firstPresent(facts: ProjectFacts, names: readonly string[]): string | undefined {
  return names.find((n) => facts.files.has(n));
}
