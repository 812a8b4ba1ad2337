import type { Arch, PackageManager } from '../catalog/types';
import type { Options, Stage } from '../options';
import type { PackageStep, StageModel } from './model';

/** Files already in the target folder (or about to be written by the sample), by relative path. */
export interface ProjectFacts {
  files: ReadonlySet<string>;
}

const PUBLIC_ECR = 'public.ecr.aws';

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

export function firstPresent(facts: ProjectFacts, names: readonly string[]): string | undefined {
  return names.find((n) => facts.files.has(n));
}
