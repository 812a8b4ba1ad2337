import { PACKAGE_MANAGER_TOOLS } from '../catalog/package-managers';
import {
  AWS_RUNTIMES,
  FAMILIES,
  LANGUAGES,
  OS_ONLY_BASES,
  LAMBDA,
  LAMBDA_RESERVED_ENV,
  SOURCES,
  describeSchedule,
  scheduleStatus,
} from '../catalog';
import { BUILD_IMAGES } from '../catalog/build-images';
import { DEFAULT_IMAGES, DISTRO_RELEASES, LANGUAGE_IMAGE_REPOS, TOOLCHAIN_IMAGES } from '../catalog/images';
import { LANGUAGE_RUNTIMES, languageRuntimeIds } from '../catalog/language-runtimes';
import { RICS, RIE, ricFor } from '../catalog/rics';
import { imageTarget, osOnlyTarget, type TargetResult } from '../catalog/targets';
import { familyValue } from '../catalog/families';
import { UsageError } from '../shared/errors';
import { parseCommandArgs, type FlagSpec } from '../shared/args';
import { commandHelp } from '../shared/help';
import { say, type Io } from '../shared/io';
import { quote } from '../shared/quote';

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
    languageRuntimes: LANGUAGE_RUNTIMES.map((r) => ({ ...r, offered: languageRuntimeIds().includes(r.id), ric: ricFor(r.language, r.version)?.id ?? null })),
    lambda: [{ kind: 'lambda', id: 'execution-environment', ...LAMBDA, reservedEnv: LAMBDA_RESERVED_ENV.names, sources: [...LAMBDA.sources, ...LAMBDA_RESERVED_ENV.sources] }],
    baseKinds: BASE_KIND_RECORDS,
    rics: RICS,
    rie: [RIE],
    languageImages: LANGUAGE_IMAGE_REPOS,
    defaultImages: DEFAULT_IMAGES,
    toolchainImages: Object.entries(TOOLCHAIN_IMAGES).map(([language, t]) => ({ kind: 'toolchain-image', id: language, language, ...t })),
    distroReleases: DISTRO_RELEASES,
    osOnlySupport: OS_ONLY_BASES.flatMap((b) => LANGUAGE_RUNTIMES.map((r) => supportRecord('os-only-support', `${b.id}/${r.id}`, { os: b.id, runtime: r.id }, osOnlyTarget(b.id, r.id, 'x86_64')))),
    imageSupport: FAMILIES.flatMap((f) => LANGUAGE_RUNTIMES.map((r) => supportRecord('image-support', `${f.id}/${r.id}`, { family: f.id, runtime: r.id }, imageTarget({ runtime: r.id, family: f.id, arch: 'x86_64' })))),
    releaseSupport: releaseSupport(),
    packageManagers: PACKAGE_MANAGER_TOOLS,
    buildImages: Object.entries(BUILD_IMAGES).flatMap(([tool, byVersion]) =>
      Object.entries(byVersion).map(([version, b]) => ({ kind: 'build-image', id: `${tool}-${version}`, tool, version, ...b })),
    ),
    sources: Object.entries(SOURCES).map(([id, s]) => ({ kind: 'source', id, ...s })),
  };
}

/**
 * An image the catalog does not know, as an organisation's own base is: what `create` does with
 * `--image <it> --family <release>` is what a team's image of that release gets.
 */
export const ORGANISATION_IMAGE = 'registry.example.com/team/base:1.0';

/** Per family release × language runtime: from the distribution, copied from where, or why not. */
function releaseSupport(): Record<string, unknown>[] {
  return DISTRO_RELEASES.flatMap((release) =>
    LANGUAGE_RUNTIMES.map((r) => {
      const family = familyValue(release.family, release.version);
      const result = imageTarget({ runtime: r.id, image: ORGANISATION_IMAGE, family, arch: 'x86_64' });
      const key = { family, release: release.id, runtime: r.id };
      const id = `${family}/${r.id}`;
      if (!result.ok) return { kind: 'release-support', id, ...key, supported: false, from: null, reason: result.reason.replace(/^--image \S+ \((?:[^()]|\([^()]*\))*\) /, '') };
      const t = result.target;
      const from = t.provide === 'packages' ? 'distribution' : t.provide === 'copy' ? 'official-image' : t.provide === 'self-contained' ? 'self-contained' : 'none';
      return {
        kind: 'release-support',
        id,
        ...key,
        supported: true,
        from,
        ...(t.copy ? { image: t.copy.image, paths: { build: t.copy.build.map((p) => p.src), final: t.copy.final.map((p) => p.src) }, why: t.copy.comment.join(' ') } : {}),
        finalPackages: t.finalPackages,
        interpreter: t.interpreter,
        sources: t.copy?.sources ?? release.sources,
      };
    }),
  );
}

const BASE_KIND_RECORDS = [
  { kind: 'base-kind', id: 'aws', title: `AWS language base image (${LAMBDA.registry}/${LAMBDA.imagePath}/<language>)`, flags: ['--runtime'], entrypoint: `${LAMBDA.entryScript} (the image's own)` },
  { kind: 'base-kind', id: 'os-only', title: `AWS OS-only base image (${OS_ONLY_BASES[0]!.image})`, flags: ['--os', '--runtime'], entrypoint: `${LAMBDA.entryScript} (the image's own), which runs ${LAMBDA.bootstrap}` },
  { kind: 'base-kind', id: 'image', title: 'Any other Linux image, with the runtime interface client added', flags: ['--image', '--family', '--runtime', '--rie'], entrypoint: `${LAMBDA.entryScript} (generated)` },
];

/** Whether a base can run a runtime, and how (the same decision `create` makes). */
function supportRecord(kind: string, id: string, key: Record<string, string>, result: TargetResult): Record<string, unknown> {
  if (!result.ok) return { kind, id, ...key, supported: false, reason: result.reason };
  const t = result.target;
  return {
    kind,
    id,
    ...key,
    supported: true,
    image: t.final,
    provide: t.provide,
    packageManager: t.manager,
    finalPackages: t.finalPackages,
    buildPackages: t.buildPackages,
    interpreter: t.interpreter,
    ric: t.ric?.id ?? null,
    warnings: t.warnings,
  };
}

const LIST_SPECS: readonly FlagSpec[] = [
  { key: 'json', flag: 'json', type: 'boolean', default: false, description: 'the whole catalog as JSON (every record with its kind, id and sources)' },
];

const LIST_HELP = commandHelp({
  usage: ['Usage: create-lambda-image list [--json]'],
  about: ['Prints the catalog the generator plans from: AWS base images with their OS and deprecation dates, OS-only bases, and the runtimes offered on os-only and image bases.'],
  specs: LIST_SPECS,
  notes: ['Exit codes: 0 printed, 2 usage error.'],
});

export function runList(args: string[], io: Io): number {
  const { values, positionals, help } = parseCommandArgs(args, LIST_SPECS, { command: 'list' });
  if (help) {
    io.stdout.write(LIST_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`list takes no arguments, got ${quote(positionals[0]!)}`);
  const json = values.json === true;
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
  const releases = releaseSupport();
  const count = (from: string) => releases.filter((r) => r.from === from).length;
  const supported = releases.filter((r) => r.supported).length;
  say(
    io.stdout,
    `\nAn organisation's image of a family release (--image <ref> --family debian:13):\n  ${supported} of ${releases.length} release × runtime combinations supported: ${count('distribution')} from the distribution, ${count('official-image')} copied from an official image,\n  ${count('self-contained')} .NET self-contained, ${count('none')} compiled or shell; \`list --json\` (releaseSupport) says how, or why not`,
  );
  return 0;
}
