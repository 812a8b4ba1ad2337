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
