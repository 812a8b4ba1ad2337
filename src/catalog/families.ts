import { closest } from '../shared/suggest';
import type { Family, FamilyId, OsId } from './types';

/*
 * Operating-system families and their package managers. Lambda's AL2023 images are built on the
 * AL2023 minimal image: microdnf, reachable as `dnf`, and no yum; AL2 images have yum only.
 */
export const FAMILIES: readonly Family[] = [
  {
    kind: 'family',
    id: 'al2023',
    title: 'Amazon Linux 2023',
    packageManager: 'dnf',
    missingTools: [
      { command: 'find', package: 'findutils' },
      { command: 'xargs', package: 'findutils' },
      { command: 'tar', package: 'tar' },
      { command: 'gzip', package: 'gzip' },
      { command: 'xz', package: 'xz' },
      { command: 'unzip', package: 'unzip' },
      { command: 'which', package: 'which' },
      { command: 'useradd', package: 'shadow-utils' },
    ],
    sources: ['images-create', 'base-images-yum-absent', 'base-images-findutils', 'al2023-rpm-list'],
  },
  {
    kind: 'family',
    id: 'al2',
    title: 'Amazon Linux 2',
    packageManager: 'yum',
    missingTools: [],
    sources: ['images-create', 'base-images-yum-absent'],
  },
  { kind: 'family', id: 'debian', title: 'Debian', packageManager: 'apt-get', missingTools: [], sources: [] },
  { kind: 'family', id: 'ubuntu', title: 'Ubuntu', packageManager: 'apt-get', missingTools: [], sources: [] },
  { kind: 'family', id: 'alpine', title: 'Alpine Linux', packageManager: 'apk', missingTools: [], sources: [] },
];

export function family(id: FamilyId | OsId): Family {
  const found = FAMILIES.find((f) => f.id === id);
  if (!found) throw new Error(`no family ${id}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Family releases: what --family (and the config key `family`) accepts.

/**
 * The releases --family can name, per family, and the release a plain family name means. The
 * defaults are the releases the generator assumed before releases could be named, so a plain
 * `debian` keeps meaning Debian 12.
 */
export const FAMILY_RELEASES: Record<FamilyId, { default: string; releases: readonly string[] }> = {
  debian: { default: '12', releases: ['12', '13'] },
  ubuntu: { default: '24.04', releases: ['22.04', '24.04'] },
  alpine: { default: '3.23', releases: ['3.21', '3.22', '3.23', '3.24'] },
  al2023: { default: '2023', releases: [] },
  al2: { default: '2', releases: [] },
};

const FAMILY_ORDER: readonly FamilyId[] = ['debian', 'ubuntu', 'alpine', 'al2023', 'al2'];

/** Every value --family accepts: a family name alone (its default release) or family:release. */
export const FAMILY_VALUES: readonly string[] = FAMILY_ORDER.flatMap((f) => [f, ...FAMILY_RELEASES[f].releases.map((r) => `${f}:${r}`)]);

export type FamilyValue =
  | { ok: true; family: FamilyId; release: string; /** The value named the release (debian:13), not the default. */ explicit: boolean }
  | { ok: false; error: string };

/** Parses a --family value; an error names the accepted values and the closest one. */
export function parseFamilyValue(value: string): FamilyValue {
  const raw = value.trim().toLowerCase();
  const [name = '', release] = raw.split(':', 2) as [string, string | undefined];
  const family = FAMILY_ORDER.find((f) => f === name);
  if (family && release === undefined) return { ok: true, family, release: FAMILY_RELEASES[family].default, explicit: false };
  if (family && FAMILY_RELEASES[family].releases.includes(release!)) return { ok: true, family, release: release!, explicit: true };
  const hit = closest(raw, FAMILY_VALUES);
  const hint = hit ? `; did you mean ${hit}?` : '';
  if (family && FAMILY_RELEASES[family].releases.length === 0) {
    return { ok: false, error: `--family ${value}: ${family} names one release, so write it without ":${release}"${hint}` };
  }
  if (family) {
    return { ok: false, error: `--family ${value}: the catalog knows ${family} releases ${FAMILY_RELEASES[family].releases.join(', ')} only${hint}` };
  }
  return { ok: false, error: `--family ${value} is not a known family${hint}; choose one of: ${FAMILY_VALUES.join(', ')}` };
}

/** "debian:12" for a family and release; the AWS families have one release and no suffix. */
export function familyValue(family: FamilyId, release: string): string {
  return FAMILY_RELEASES[family].releases.length === 0 ? family : `${family}:${release}`;
}
