import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_VALUES, parseFamilyValue } from '../../src/catalog/families';
import { recogniseImage } from '../../src/catalog/images';
import { catalogJson, ORGANISATION_IMAGE } from '../../src/commands/list';
import { generate } from '../../src/commands/generate';
import { resolveOptions } from '../../src/options/resolve';
import { installs, parseStages, deployedStage, type ParsedStage } from '../support/dockerfile';
import { run, TODAY } from '../support/run';

/*
 * An organisation's own image (unknown to the catalog) named with a family release, and the bare
 * distribution images, for every language: either a Dockerfile whose deployed stage is that image
 * and holds the interpreter its entry script starts, or a one-line refusal with a reason and a
 * working alternative, and nothing written.
 */

type Outcome =
  | { copy: string; packages?: string[] }
  | { distro: string }
  | { selfContained: string[] }
  | { compiled: true }
  | { refused: RegExp };

const COMPILED: Outcome = { compiled: true };
const DEB12_PY = ['ca-certificates', 'libssl3', 'libffi8', 'libsqlite3-0', 'libexpat1', 'libbz2-1.0', 'liblzma5', 'zlib1g'];
const T64_PY = ['ca-certificates', 'libssl3t64', 'libffi8', 'libsqlite3-0', 'libexpat1', 'libbz2-1.0', 'liblzma5', 'zlib1g'];
const DEB12_RB = ['ca-certificates', 'libssl3', 'libffi8', 'libgmp10', 'libyaml-0-2', 'zlib1g'];
const T64_RB = ['ca-certificates', 'libssl3t64', 'libffi8', 'libgmp10', 'libyaml-0-2', 'zlib1g'];
const JAMMY_GLIBC = /glibc 2\.35/;

const ORG: Record<string, Record<string, Outcome>> = {
  'debian:12': {
    nodejs22: { copy: 'node:22-bookworm-slim' },
    nodejs24: { copy: 'node:24-bookworm-slim' },
    'python3.12': { copy: 'python:3.12-slim-bookworm', packages: DEB12_PY },
    'python3.13': { copy: 'python:3.13-slim-bookworm', packages: DEB12_PY },
    'python3.14': { copy: 'python:3.14-slim-bookworm', packages: DEB12_PY },
    java21: { copy: 'eclipse-temurin:21-jre-noble' },
    java25: { copy: 'eclipse-temurin:25-jre-noble' },
    dotnet10: { selfContained: ['ca-certificates', 'libssl3', 'libicu72'] },
    'ruby3.4': { copy: 'ruby:3.4-slim-bookworm', packages: DEB12_RB },
    go: COMPILED,
    rust: COMPILED,
    custom: COMPILED,
  },
  'debian:13': {
    nodejs22: { copy: 'node:22-trixie-slim' },
    nodejs24: { copy: 'node:24-trixie-slim' },
    'python3.12': { copy: 'python:3.12-slim-trixie', packages: T64_PY },
    'python3.13': { distro: 'python3.13' },
    'python3.14': { copy: 'python:3.14-slim-trixie', packages: T64_PY },
    java21: { distro: 'openjdk-21-jre-headless' },
    java25: { copy: 'eclipse-temurin:25-jre-noble' },
    dotnet10: { selfContained: ['ca-certificates', 'libssl3t64', 'libicu76'] },
    'ruby3.4': { copy: 'ruby:3.4-slim-trixie', packages: T64_RB },
    go: COMPILED,
    rust: COMPILED,
    custom: COMPILED,
  },
  'ubuntu:22.04': {
    nodejs22: { copy: 'node:22-bookworm-slim' },
    nodejs24: { copy: 'node:24-bookworm-slim' },
    'python3.12': { refused: JAMMY_GLIBC },
    'python3.13': { refused: JAMMY_GLIBC },
    'python3.14': { refused: JAMMY_GLIBC },
    java21: { distro: 'openjdk-21-jre-headless' },
    java25: { copy: 'eclipse-temurin:25-jre-noble' },
    dotnet10: { selfContained: ['ca-certificates', 'libssl3', 'libicu70'] },
    'ruby3.4': { refused: JAMMY_GLIBC },
    go: COMPILED,
    rust: COMPILED,
    custom: COMPILED,
  },
  'ubuntu:24.04': {
    nodejs22: { copy: 'node:22-bookworm-slim' },
    nodejs24: { copy: 'node:24-bookworm-slim' },
    'python3.12': { distro: 'python3.12' },
    'python3.13': { copy: 'python:3.13-slim-bookworm', packages: T64_PY },
    'python3.14': { copy: 'python:3.14-slim-bookworm', packages: T64_PY },
    java21: { distro: 'openjdk-21-jre-headless' },
    java25: { copy: 'eclipse-temurin:25-jre-noble' },
    dotnet10: { selfContained: ['ca-certificates', 'libssl3t64', 'libicu74'] },
    'ruby3.4': { copy: 'ruby:3.4-slim-bookworm', packages: T64_RB },
    go: COMPILED,
    rust: COMPILED,
    custom: COMPILED,
  },
};

const BARE: Record<string, Record<string, Outcome>> = {
  'debian:bookworm-slim': {
    nodejs24: { copy: 'node:24-bookworm-slim' },
    'python3.13': { copy: 'python:3.13-slim-bookworm', packages: DEB12_PY },
    java21: { copy: 'eclipse-temurin:21-jre-noble' },
  },
  'debian:trixie-slim': {
    nodejs24: { copy: 'node:24-trixie-slim' },
    'python3.13': { distro: 'python3.13' },
    java21: { distro: 'openjdk-21-jre-headless' },
  },
  'ubuntu:24.04': {
    nodejs24: { copy: 'node:24-bookworm-slim' },
    'python3.13': { copy: 'python:3.13-slim-bookworm', packages: T64_PY },
    java21: { distro: 'openjdk-21-jre-headless' },
  },
};

function read(dir: string, file: string): string {
  return readFileSync(join(dir, 'fn', file), 'utf8');
}

/** The COPY --from=<stage> <src> <dest> lines of a stage that take files from a runtime stage. */
function runtimeCopies(stage: ParsedStage, runtimeStages: string[]): { from: string; src: string; dest: string }[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => /^COPY --from=(\S+) (\S+) (\S+)$/.exec(i.text))
    .filter((m): m is RegExpExecArray => m !== null && runtimeStages.includes(m[1]!))
    .map((m) => ({ from: m[1]!, src: m[2]!, dest: m[3]! }));
}

/** The path the entry script execs (the interpreter, or the bootstrap executable). */
function execPath(script: string): string {
  const m = /\nexec (\S+)/.exec(script);
  expect(m, script).not.toBeNull();
  return m![1]!;
}

async function check(args: string[], image: string, outcome: Outcome): Promise<void> {
  const result = await run(['--yes', '--base', 'image', '--image', image, ...args, '--allow-deprecated', 'fn']);
  const errors = result.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('warning:'));
  if ('refused' in outcome) {
    expect(result.code, result.stderr).toBe(2);
    expect(errors, result.stderr).toHaveLength(1);
    // The reason, and an alternative that works: an official image of the language.
    expect(errors[0]).toMatch(outcome.refused);
    expect(errors[0]).toMatch(/; use --image (python|ruby):\d+\.\d+-slim-bookworm$/);
    expect(readdirSync(result.cwd)).toEqual([]);
    return;
  }
  // Written, so the tool's own lint (which runs before any write) found nothing to stop it.
  expect(result.code, result.stderr).toBe(0);
  expect(errors, result.stderr).toEqual([]);
  const dockerfile = read(result.cwd, 'Dockerfile');
  const stages = parseStages(dockerfile);
  const final = deployedStage(dockerfile);
  expect(final.from).toBe(image);
  const finalPackages = installs(final).flatMap((i) => i.packages);
  // Runtime stages hold nothing but their FROM: they exist to be copied from.
  const named = stages.filter((s) => s.name && s.instructions.length === 0).map((s) => s.name!);
  const copies = runtimeCopies(final, named);

  if ('compiled' in outcome) {
    expect(final.instructions.map((i) => i.text)).toContain('COPY --from=build /out/bootstrap /var/runtime/bootstrap'.replace('/out/bootstrap', args.includes('custom') ? '/build/bootstrap' : '/out/bootstrap'));
    expect(copies).toEqual([]);
    return;
  }
  const bin = execPath(read(result.cwd, 'lambda-entrypoint.sh'));
  if ('selfContained' in outcome) {
    expect(bin).toBe('/var/task/bootstrap');
    expect(dockerfile).toMatch(/--self-contained true/);
    expect(final.instructions.map((i) => i.text)).toContain('COPY --from=build /asset/ /var/task/');
    expect(finalPackages).toEqual(expect.arrayContaining(outcome.selfContained));
    return;
  }
  if ('distro' in outcome) {
    expect(finalPackages).toContain(outcome.distro);
    expect(copies).toEqual([]);
    // A JVM folder named after the architecture is found by the script from a pattern.
    const script = read(result.cwd, 'lambda-entrypoint.sh');
    expect(bin === '"$runtime_bin"' ? /\nfor runtime_bin in (\S+); do/.exec(script)![1] : bin).toMatch(/^\/usr\/(bin\/python|lib\/jvm\/java-21-openjdk-\*\/bin\/java$)/);
    return;
  }
  // A copy: a runtime stage FROM the official image, whose files the deployed stage copies, and
  // the interpreter the entry script starts lies in one of them.
  const runtime = stages.find((s) => s.from === outcome.copy);
  expect(runtime, dockerfile).toBeDefined();
  expect(runtime!.name).toMatch(/-runtime$/);
  expect(runtime!.instructions).toEqual([]);
  expect(copies.length).toBeGreaterThan(0);
  expect(copies.every((c) => c.from === runtime!.name)).toBe(true);
  expect(copies.some((c) => bin === c.dest || bin.startsWith(c.dest.endsWith('/') ? c.dest : `${c.dest}/`))).toBe(true);
  // The Dockerfile says where the runtime comes from and why it runs here.
  expect(dockerfile).toMatch(new RegExp(`# [^\\n]* is not in [^\\n]*'s repositories, so it is copied from ${outcome.copy.replace(/[.]/g, '\\.')}:\\n# [^\\n]*(glibc|variant)`));
  for (const p of outcome.packages ?? []) expect(finalPackages).toContain(p);
  if (copies.some((c) => c.dest === '/usr/local/')) expect(final.instructions.map((i) => i.text)).toContain('RUN ldconfig');
  // A language built on the organisation image gets the same runtime in its build stage.
  const build = stages.find((s) => s.name === 'build')!;
  if (args.some((a) => /^(nodejs|python|ruby)/.test(a))) {
    expect(build.from).toBe(image);
    expect(runtimeCopies(build, named).map((c) => c.src)).toEqual(expect.arrayContaining(copies.map((c) => c.src)));
  }
  if (args.some((a) => a.startsWith('nodejs'))) {
    // Headers for node-gyp and npm come with the copy; only node itself reaches the function.
    expect(runtimeCopies(build, named).map((c) => c.src)).toEqual(['/usr/local/bin/node', '/usr/local/lib/node_modules/npm', '/usr/local/include/node']);
    expect(copies.map((c) => c.src)).toEqual(['/usr/local/bin/node']);
    expect(dockerfile).toMatch(/ENV npm_config_nodedir=\/usr\/local/);
  }
  if (args.some((a) => a.startsWith('java'))) {
    expect(build.from).toMatch(/^maven:/);
    expect(runtimeCopies(build, named)).toEqual([]);
    expect(bin).toBe('/opt/java/openjdk/bin/java');
  }
}

describe('an organisation image named with a family release, for every language', () => {
  for (const [family, row] of Object.entries(ORG)) {
    for (const [runtime, outcome] of Object.entries(row)) {
      it(`--family ${family} --runtime ${runtime}: ${Object.keys(outcome)[0]}`, () => check(['--family', family, '--runtime', runtime], ORGANISATION_IMAGE, outcome));
    }
  }
});

describe('bare distribution images take the release from their tag', () => {
  for (const [image, row] of Object.entries(BARE)) {
    for (const [runtime, outcome] of Object.entries(row)) {
      it(`--image ${image} --runtime ${runtime}: ${Object.keys(outcome)[0]}`, () => check(['--runtime', runtime], image, outcome));
    }
  }
});

describe('list agrees with create', () => {
  const records = catalogJson(TODAY).releaseSupport as { family: string; runtime: string; supported: boolean; from: string | null; image?: string; reason?: string }[];
  it('has one record per release × runtime, and every outcome above is the one list reports', () => {
    for (const [family, row] of Object.entries(ORG)) {
      for (const [runtime, outcome] of Object.entries(row)) {
        const r = records.find((x) => x.family === family && x.runtime === runtime)!;
        expect(r, `${family} ${runtime}`).toBeDefined();
        if ('refused' in outcome) {
          expect(r.supported).toBe(false);
          expect(r.reason).toMatch(outcome.refused);
        } else {
          expect(r.supported).toBe(true);
          expect(r.from).toBe('copy' in outcome ? 'official-image' : 'distro' in outcome ? 'distribution' : 'selfContained' in outcome ? 'self-contained' : 'none');
          if ('copy' in outcome) expect(r.image).toBe(outcome.copy);
        }
      }
    }
  });

  it('plain list prints the supported count', async () => {
    const result = await run(['list']);
    const supported = records.filter((r) => r.supported).length;
    expect(result.stdout).toContain(`${supported} of ${records.length} release × runtime combinations supported`);
  });
});

describe('--family values and releases from tags', () => {
  it('a plain family keeps its documented default release; a release is named after a colon', () => {
    expect(parseFamilyValue('debian')).toEqual({ ok: true, family: 'debian', release: '12', explicit: false });
    expect(parseFamilyValue('ubuntu')).toMatchObject({ family: 'ubuntu', release: '24.04' });
    expect(parseFamilyValue('alpine')).toMatchObject({ family: 'alpine', release: '3.23' });
    expect(parseFamilyValue('ubuntu:22.04')).toEqual({ ok: true, family: 'ubuntu', release: '22.04', explicit: true });
    expect(parseFamilyValue('al2023')).toMatchObject({ ok: true, family: 'al2023' });
    for (const v of FAMILY_VALUES) expect(parseFamilyValue(v).ok, v).toBe(true);
  });

  it('an unknown value is refused with the closest one', () => {
    expect(parseFamilyValue('debain:12')).toMatchObject({ ok: false, error: expect.stringMatching(/did you mean debian:12\?/) });
    expect(parseFamilyValue('ubuntu:20.04')).toMatchObject({ ok: false, error: expect.stringMatching(/ubuntu releases 22\.04, 24\.04/) });
    expect(parseFamilyValue('al2023:1')).toMatchObject({ ok: false });
  });

  it('public tags name their release', () => {
    const release = (ref: string) => recogniseImage(ref).release?.id;
    expect(release('debian:trixie-slim')).toBe('debian-trixie');
    expect(release('python:3.13-slim-bookworm')).toBe('debian-bookworm');
    expect(release('ubuntu:22.04')).toBe('ubuntu-jammy');
    expect(release('ubuntu:jammy')).toBe('ubuntu-jammy');
    expect(release('node:22-alpine3.21')).toBe('alpine-3.21');
  });

  it('an organisation tag that names a release is that release; one that contradicts --family is refused', async () => {
    const ok = await run(['--yes', '--base', 'image', '--image', 'registry.example.com/team/base:1.0-trixie', '--family', 'debian', '--runtime', 'python3.13', 'fn']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(installs(deployedStage(read(ok.cwd, 'Dockerfile'))).flatMap((i) => i.packages)).toContain('python3.13');
    // An organisation's own version number is not a release: base:13.2 is Debian 12 unless --family says.
    const own = await run(['--yes', '--base', 'image', '--image', 'registry.example.com/team/base:13.2', '--family', 'debian', '--runtime', 'python3.13', 'fn']);
    expect(own.code, own.stderr).toBe(0);
    expect(own.stderr).toMatch(/assuming Debian 12 \(bookworm\) packages for python3\.13; pass --family debian:12 to confirm/);
    expect(parseStages(read(own.cwd, 'Dockerfile'))[0]!.from).toBe('python:3.13-slim-bookworm');
    const alpine = await run(['--yes', '--base', 'image', '--image', 'registry.example.com/team/base:2-alpine3.24', '--family', 'alpine', '--runtime', 'python3.13', 'fn']);
    expect(parseStages(read(alpine.cwd, 'Dockerfile'))[0]!.from).toBe('python:3.13-alpine3.24');
    const bad = await run(['--yes', '--base', 'image', '--image', 'node:22-alpine3.21', '--family', 'alpine:3.23', '--runtime', 'nodejs22', 'fn']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--family alpine:3\.23 contradicts --image node:22-alpine3\.21, whose tag says Alpine 3\.21/);
    expect(readdirSync(bad.cwd)).toEqual([]);
  });

  it('Alpine refusals suggest an Alpine image', async () => {
    const result = await run(['--yes', '--base', 'image', '--image', ORGANISATION_IMAGE, '--family', 'alpine:3.21', '--runtime', 'python3.13', 'fn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Alpine variants for 3\.23, 3\.24 only.*; use --image python:3\.13-alpine3\.24\n$/);
  });

  it('a runtime stage goes through the same mirror and pin as every FROM', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const raw = { base: 'image', image: ORGANISATION_IMAGE, family: 'debian:12', runtime: 'python3.13', pin: { 'python:3.13-slim-bookworm': digest } };
    const text = generate(resolveOptions(raw, TODAY), { files: new Set() }, 'fn').dockerfile;
    expect(text).toMatch(new RegExp(`\\nFROM python:3\\.13-slim-bookworm@${digest} AS python-runtime\\n`));
    expect(text).toMatch(/\nCOPY --from=python-runtime \/usr\/local\/ \/usr\/local\/\n/);
  });
});
