import type { SourceId } from './sources';

/**
 * Node.js package managers other than npm, installed in the build stage only. Corepack is not
 * used: it fetches the managers from their own hosts and checks signatures it cannot always
 * verify, so a build behind a registry mirror fails; npm installs the same releases from the npm
 * registry, where the team's mirror and `--secret id=npmrc` already apply.
 *
 * Each version here is the default when package.json has no "packageManager" field; a field that
 * names a version always wins (see plan/languages/nodejs.ts).
 */
export interface PackageManagerTool {
  kind: 'package-manager';
  /** pnpm, yarn-classic (1.x), yarn-berry (2 and later). */
  id: 'pnpm' | 'yarn-classic' | 'yarn-berry';
  command: 'pnpm' | 'yarn';
  /** The npm package that carries the manager's command for a given major. */
  package: string;
  /** The version used when package.json names none. */
  version: string;
  /** The Node.js versions that version runs on, from its package.json "engines". */
  engines: string;
  /** Majors of the manager this record installs (inclusive); an absent bound is open. */
  majors: { min: number; max?: number };
  /** The lockfile the manager writes and reads. */
  lockfile: string;
  notes: string[];
  sources: SourceId[];
}

export const PACKAGE_MANAGER_TOOLS: readonly PackageManagerTool[] = [
  {
    kind: 'package-manager',
    id: 'pnpm',
    command: 'pnpm',
    package: 'pnpm',
    // 11.x needs Node.js 22.13 or newer; 12.x is a native executable fetched as an optional
    // dependency per platform. 10.x is plain JavaScript, runs on every Node.js this generator
    // targets and writes the same lockfile (lockfileVersion 9.0) as 11 and 12.
    version: '10.34.9',
    engines: '>=18.12',
    majors: { min: 1 },
    lockfile: 'pnpm-lock.yaml',
    notes: ['pnpm 11 needs Node.js >= 22.13; pnpm 12 (12.23.0, latest) ships per-platform executables as optional dependencies'],
    sources: ['npm-pnpm'],
  },
  {
    kind: 'package-manager',
    id: 'yarn-classic',
    command: 'yarn',
    package: 'yarn',
    version: '1.22.22',
    engines: '>=4.0.0',
    majors: { min: 1, max: 1 },
    lockfile: 'yarn.lock',
    notes: ['the yarn package on npm is Yarn 1 (classic); its latest dist-tag is 1.22.22'],
    sources: ['npm-yarn'],
  },
  {
    kind: 'package-manager',
    id: 'yarn-berry',
    command: 'yarn',
    package: '@yarnpkg/cli-dist',
    version: '4.18.1',
    engines: '>=18.12.0',
    majors: { min: 2 },
    lockfile: 'yarn.lock',
    notes: ['Yarn 2 and later are published on npm as @yarnpkg/cli-dist (2.4.1 and later); the bin is named yarn'],
    sources: ['npm-yarnpkg-cli-dist'],
  },
];

/** The record that installs `name` at `version` (or its default, when no version is given). */
export function packageManagerTool(name: 'pnpm' | 'yarn', version: string | undefined): PackageManagerTool {
  const major = version === undefined ? undefined : Number(version.split('.')[0]);
  const candidates = PACKAGE_MANAGER_TOOLS.filter((t) => t.command === name);
  if (major === undefined) return candidates[0]!;
  return candidates.find((t) => major >= t.majors.min && (t.majors.max === undefined || major <= t.majors.max)) ?? candidates[0]!;
}
