import {
  AWS_RUNTIMES,
  FAMILIES,
  LANGUAGES,
  OS_ONLY_BASES,
  SOURCES,
  describeSchedule,
  scheduleStatus,
} from '../catalog';
import { BUILD_IMAGES } from '../catalog/build-images';
import { LANGUAGE_RUNTIMES } from '../catalog/language-runtimes';
import { UsageError } from '../errors';
import { say, type Io } from '../io';

/** The catalog as data: arrays of records, each with a stable id, a kind and its facts. */
export function catalogJson(today: Date): Record<string, unknown> {
  const status = (s: Parameters<typeof scheduleStatus>[0]) => scheduleStatus(s, today).state;
  return {
    awsRuntimes: AWS_RUNTIMES.map((r) => ({ ...r, reference: `${r.image}:${r.tag}`, status: status(r) })),
    osOnlyBases: OS_ONLY_BASES.map((b) => ({ ...b, reference: `${b.image}:${b.tag}`, status: status(b) })),
    families: FAMILIES,
    languages: Object.values(LANGUAGES).map((l) => ({
      kind: 'language',
      id: l.id,
      title: l.title,
      handlerFormat: l.handler.description,
      handlerPattern: l.handler.pattern.source,
      defaultHandler: l.defaultHandler,
      manifest: l.manifest ?? null,
      lockfiles: l.lockfiles,
    })),
    languageRuntimes: LANGUAGE_RUNTIMES,
    buildImages: Object.entries(BUILD_IMAGES).flatMap(([tool, byVersion]) =>
      Object.entries(byVersion).map(([version, b]) => ({ kind: 'build-image', id: `${tool}-${version}`, tool, version, ...b })),
    ),
    sources: Object.entries(SOURCES).map(([id, s]) => ({ kind: 'source', id, ...s })),
  };
}

export function runList(args: string[], io: Io): number {
  const json = args.includes('--json');
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length > 0) throw new UsageError(`list: unknown argument ${JSON.stringify(unknown[0])}; valid: --json`);
  const today = io.now();
  if (json) {
    say(io.stdout, JSON.stringify(catalogJson(today), null, 2));
    return 0;
  }
  say(io.stdout, 'AWS base images (--base aws --runtime <id>):');
  for (const r of AWS_RUNTIMES) {
    const s = scheduleStatus(r, today);
    const note = s.state === 'deprecated' ? 'deprecated' : s.state === 'soon' ? `deprecated in ${s.days} days` : '';
    say(io.stdout, `  ${r.id.padEnd(15)}${`${r.image}:${r.tag}`.padEnd(42)}${r.os.padEnd(8)}${describeSchedule(r)}${note ? `  [${note}]` : ''}`);
  }
  say(io.stdout, '\nAWS OS-only base images (--base os-only --os <id>):');
  for (const b of OS_ONLY_BASES) {
    const s = scheduleStatus(b, today);
    say(io.stdout, `  ${b.id.padEnd(15)}${`${b.image}:${b.tag}`.padEnd(42)}${describeSchedule(b)}${s.state === 'deprecated' ? '  [deprecated]' : ''}`);
  }
  say(io.stdout, `\nRuntimes for os-only and image bases: ${LANGUAGE_RUNTIMES.map((r) => r.id).join(', ')}`);
  return 0;
}
