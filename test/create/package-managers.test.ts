/**
 * Node.js projects on pnpm and Yarn: for every base kind (AWS runtime image, OS-only, the official
 * image and an organisation's image), both architectures, JavaScript and TypeScript, the generated
 * Dockerfile installs the manager in the build stage with npm at a pinned version, installs
 * from the lockfile without changing it, keeps the manager's store in a cache mount and ships
 * only node_modules and the code. Each Dockerfile is parsed and linted.
 */
import { describe, expect, it } from 'vitest';
import { PACKAGE_MANAGER_TOOLS } from '../../src/catalog/package-managers';
import { generate } from '../../src/commands/generate';
import { ORGANISATION_IMAGE } from '../../src/commands/list';
import { lintSync } from '../../src/lint';
import { resolveOptions } from '../../src/options/resolve';
import type { ProjectFacts } from '../../src/plan';
import { finalStage, parseStages, type ParsedStage } from '../support/dockerfile';
import { BEFORE_ANY_DEPRECATION, TODAY } from '../support/run';

interface Manager {
  value: string;
  /** The files of such a project (the lockfile the manager writes, its settings). */
  files: string[];
  dirs?: string[];
  /** The npm package and version the build stage installs; null for npm itself. */
  tool: string | null;
  lockfile: string;
  /** The frozen install of the production dependencies, as a pattern. */
  prod: RegExp;
  /** The full (TypeScript) install. */
  all: RegExp;
  cache: string;
  build: RegExp;
}

const version = (id: string): string => PACKAGE_MANAGER_TOOLS.find((t) => t.id === id)!.version;

const MANAGERS: Manager[] = [
  { value: 'npm', files: ['package-lock.json'], tool: null, lockfile: 'package-lock.json', prod: /\bnpm(-\d+)? ci --omit=dev\b/, all: /\bnpm(-\d+)? ci --no-audit/, cache: '/root/.npm', build: /^npm(-\d+)? run build/ },
  {
    value: 'pnpm', files: ['pnpm-lock.yaml', 'pnpm-workspace.yaml'], dirs: ['patches'], tool: `pnpm@${version('pnpm')}`, lockfile: 'pnpm-lock.yaml',
    prod: /\bpnpm install --frozen-lockfile --prod\b/, all: /\bpnpm install --frozen-lockfile --store-dir\b/, cache: '/root/.local/share/pnpm/store', build: /^pnpm run build/,
  },
  {
    value: 'pnpm@9.15.4', files: ['pnpm-lock.yaml'], tool: 'pnpm@9.15.4', lockfile: 'pnpm-lock.yaml',
    prod: /\bpnpm install --frozen-lockfile --prod\b/, all: /\bpnpm install --frozen-lockfile --store-dir\b/, cache: '/root/.local/share/pnpm/store', build: /^pnpm run build/,
  },
  {
    value: 'yarn@1.22.22', files: ['yarn.lock', '.yarnrc'], tool: 'yarn@1.22.22', lockfile: 'yarn.lock',
    prod: /\byarn install --frozen-lockfile --production\b/, all: /\byarn install --frozen-lockfile --non-interactive\b/, cache: '/root/.cache/yarn', build: /^yarn run build/,
  },
  {
    value: 'yarn@4.5.0', files: ['yarn.lock', '.yarnrc.yml'], dirs: ['.yarn/releases', '.yarn/plugins'], tool: '@yarnpkg/cli-dist@4.5.0', lockfile: 'yarn.lock',
    prod: /\byarn install --immutable --mode=skip-build\s+&& yarn workspaces focus --all --production\b/, all: /\byarn install --immutable$/, cache: '/root/.yarn/berry/cache', build: /^yarn run build/,
  },
];

interface Base {
  name: string;
  raw: Record<string, unknown>;
}

const BASES: Base[] = [
  { name: 'AWS nodejs24', raw: { base: 'aws', runtime: 'nodejs24' } },
  { name: 'AWS nodejs22', raw: { base: 'aws', runtime: 'nodejs22' } },
  { name: 'OS-only al2023 nodejs24', raw: { base: 'os-only', os: 'al2023', runtime: 'nodejs24' } },
  { name: 'official node:22 image', raw: { base: 'image', runtime: 'nodejs22' } },
  { name: 'organisation Debian image', raw: { base: 'image', runtime: 'nodejs24', image: ORGANISATION_IMAGE, family: 'debian:12' } },
  { name: 'official Alpine node image', raw: { base: 'image', runtime: 'nodejs24', family: 'alpine' } },
  { name: 'Amazon Linux 2023 image', raw: { base: 'image', runtime: 'nodejs22', family: 'al2023' } },
  { name: 'Ubuntu 24.04 image', raw: { base: 'image', runtime: 'nodejs22', family: 'ubuntu:24.04' } },
];

function projectFacts(m: Manager, typescript: boolean): ProjectFacts {
  return { files: new Set(['package.json', typescript ? 'tsconfig.json' : 'index.mjs', ...m.files]), dirs: new Set(m.dirs ?? []) };
}

function runs(stage: ParsedStage): string[] {
  // The whole instruction without RUN: the arguments alone leave out the --mount flags.
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.text.replace(/^RUN\s+/, '').replace(/\\\n/g, '\n'));
}

const cases = MANAGERS.flatMap((m) => BASES.flatMap((b) => (['x86_64', 'arm64'] as const).flatMap((arch) => [false, true].map((typescript) => ({ m, b, arch, typescript })))));

describe('Node.js package managers across bases, architectures and languages', () => {
  it.each(cases.map((c) => [`${c.m.value} on ${c.b.name}, ${c.arch}, ${c.typescript ? 'TypeScript' : 'JavaScript'}`, c] as const))('%s', (_name, { m, b, arch, typescript }) => {
    const resolved = resolveOptions({ ...b.raw, arch, typescript, sample: false, packageManager: m.value }, TODAY);
    const { dockerfile, files } = generate(resolved, projectFacts(m, typescript), 'fn');
    const stages = parseStages(dockerfile);
    const build = stages.find((s) => s.name === 'build')!;
    const final = finalStage(dockerfile);
    const buildRuns = runs(build);

    // The manager: installed with npm, pinned, into its own prefix, before any dependency install.
    const toolRun = buildRuns.findIndex((r) => / install -g --prefix \/opt\//.test(r));
    if (m.tool === null) {
      expect(toolRun).toBe(-1);
    } else {
      expect(buildRuns[toolRun], dockerfile).toMatch(new RegExp(`^--mount=type=cache,target=/root/\\.npm .*\\bnpm(-\\d+)? install -g --prefix /opt/\\S+ --no-audit --no-fund ${m.tool.replace(/[.@/]/g, '\\$&')}$`));
      expect(buildRuns.findIndex((r) => m.prod.test(r))).toBeGreaterThan(toolRun);
      expect(build.instructions.some((i) => i.keyword === 'ENV' && /^PATH=\/opt\/\S+\/bin:\$PATH$/.test(i.args))).toBe(true);
      expect(buildRuns.filter((r) => /\bcorepack\b/.test(r))).toEqual([]);
    }

    // Manifests before sources, with the lockfile and settings; Yarn's folders beside them.
    const copies = build.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    const manifests = copies.find((c) => c.startsWith('package.json '))!;
    expect(manifests.split(' ')).toEqual(expect.arrayContaining(['package.json', m.lockfile, ...m.files.filter((f) => f !== '.yarnrc' || m.value.startsWith('yarn@1'))]));
    for (const dir of m.dirs ?? []) expect(copies).toContain(`${dir}/ ./${dir}/`);
    const sources = copies.findIndex((c) => /^\. /.test(c));
    expect(copies.indexOf(manifests)).toBeLessThan(sources);

    // A frozen install of production dependencies in /deps, the store in a cache mount.
    const prod = buildRuns.find((r) => m.prod.test(r))!;
    expect(prod, dockerfile).toBeDefined();
    expect(prod).toContain(`--mount=type=cache,target=${m.cache}`);
    if (typescript) {
      expect(buildRuns.some((r) => m.all.test(r.split('\n')[0]!.trim())), dockerfile).toBe(true);
      expect(buildRuns.some((r) => m.build.test(r.replace(/^(--mount=\S+ )+/, ''))), dockerfile).toBe(true);
    }

    // The final stage: node_modules and the code, nothing of the manager.
    const finalText = final.instructions.map((i) => i.text).join('\n');
    expect(finalText).not.toMatch(/\bpnpm\b|\byarn\b|\/opt\/(pnpm|yarn)|\.pnpm-store|\.cache\/yarn|YARN_/);
    expect(final.instructions.filter((i) => i.keyword === 'COPY' && i.text.includes('--from=build')).map((i) => i.text.replace(/^COPY\s+/, ''))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--from=build \/deps\/node_modules /)]),
    );
    if (m.value.startsWith('yarn@4')) {
      expect(build.instructions.some((i) => i.keyword === 'ENV' && /\bYARN_NODE_LINKER=node-modules\b/.test(i.args))).toBe(true);
    }

    // .dockerignore leaves the manager's own folders out.
    const ignore = files.find((f) => f.path === '.dockerignore')!.content.split('\n');
    expect(ignore).toContain('node_modules');
    if (m.value.startsWith('pnpm')) expect(ignore).toContain('.pnpm-store');
    if (m.value.startsWith('yarn@4')) expect(ignore).toEqual(expect.arrayContaining(['.yarn/cache', '.yarn/install-state.gz', '.pnp.cjs']));

    // Lint clean: nothing at warning or error level (DL3016 pins, the Lambda rules).
    // A date before any deprecation: nodejs22's coming deprecation (LAM008) is another test's.
    const findings = lintSync(dockerfile, { today: BEFORE_ANY_DEPRECATION, arch }).filter((f) => f.level === 'error' || f.level === 'warning');
    expect(findings.map((f) => `${f.code} line ${f.line}: ${f.message}`)).toEqual([]);
  });

  it('a project without a lockfile installs unlocked and says so', () => {
    const resolved = resolveOptions({ base: 'aws', runtime: 'nodejs24', sample: false, packageManager: 'pnpm' }, TODAY);
    const generated = generate(resolved, { files: new Set(['package.json', 'index.mjs']) }, 'fn');
    expect(generated.dockerfile).toMatch(/pnpm install --prod --store-dir/);
    expect(generated.dockerfile).not.toMatch(/--frozen-lockfile/);
    expect(generated.plan.warnings.join('\n')).toMatch(/no pnpm-lock\.yaml/);
  });

  it('Yarn 2 and 3 are told that focus needs the workspace-tools plugin', () => {
    const resolved = resolveOptions({ base: 'aws', runtime: 'nodejs24', sample: false, packageManager: 'yarn@3.8.7' }, TODAY);
    const generated = generate(resolved, { files: new Set(['package.json', 'yarn.lock']) }, 'fn');
    expect(generated.dockerfile).toMatch(/@yarnpkg\/cli-dist@3\.8\.7$/m);
    expect(generated.plan.warnings.join('\n')).toMatch(/workspace-tools/);
  });
});

describe('--package-manager values', () => {
  const resolve = (value: unknown, runtime = 'nodejs24') => () => resolveOptions({ runtime, packageManager: value }, TODAY);

  it.each([
    ['bun', /bun is not supported/],
    ['bun@1.4.4', /bun is not supported/],
    ['npm@10.9.0', /npm is the base image's own/],
    ['pnpm@latest', /is not npm, pnpm or yarn/],
    ['pnpm@9', /is not npm, pnpm or yarn/],
    ['yarn@4.5.0 && curl example.com', /is not npm, pnpm or yarn/],
    ['pnpm@9.15.4\nRUN id', /is not npm, pnpm or yarn/],
    ['pnpm@9.15.4+sha512.abc', /is not npm, pnpm or yarn/],
  ])('%j is refused in one line', (value, message) => {
    expect(resolve(value)).toThrow(message);
    try {
      resolve(value)();
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it.each(['npm', 'pnpm', 'yarn', 'pnpm@9.15.4', 'yarn@1.22.22', 'yarn@4.0.0-rc.53'])('%j is accepted', (value) => {
    expect(resolveOptions({ runtime: 'nodejs24', packageManager: value }, TODAY).options.packageManager).toBe(value);
  });

  it('applies only to Node.js', () => {
    expect(resolve('pnpm', 'python3.13')).toThrow(/applies only to Node\.js runtimes/);
  });

  it('records the value in the options header, so check regenerates the same', () => {
    const resolved = resolveOptions({ runtime: 'nodejs24', packageManager: 'yarn@4.5.0' }, TODAY);
    const header = generate(resolved, { files: new Set() }, 'fn').dockerfile.split('\n').find((l) => l.startsWith('# create-lambda-image options: '))!;
    expect(JSON.parse(header.replace('# create-lambda-image options: ', '')).packageManager).toBe('yarn@4.5.0');
  });
});
