/**
 * Existing Node.js projects on pnpm and Yarn, built and run: the project (a handler that uses
 * lodash, a package.json naming its package manager) gets its lockfile from the real manager,
 * fetched from the npm registry as a user would have it; then `create . --yes` writes the
 * Dockerfile from what it detects, which is built UNMODIFIED and invoked by `verify`.
 *
 * - pnpm 10 on the AWS Node.js 24 image (JavaScript);
 * - Yarn 1 on the official node:22 image (JavaScript);
 * - Yarn 4 on an organisation's Debian image with Node.js 22 copied in (TypeScript: a full install
 *   to compile, production dependencies alone in the image), its .yarnrc.yml set to Plug'n'Play.
 *
 * Each image must answer with lodash's result, and hold neither the manager nor its store or
 * cache. Bases are the local stand-ins (scripts/ci/standins/); a path whose images are absent is
 * skipped with the reason. Builds run one at a time; every image is removed by name afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_IMAGE } from '../../src/commands/list';
import { exec } from '../../src/verify/docker';
import { run } from '../support/run';
import { parseStages } from '../support/dockerfile';
import { announceSkip, dockerStatus, HOST_ARCH, imageSession, withImages, type VerifyJson } from './helpers';

const MIN = 60_000;

// The newest releases the npm registry served when written.
const LODASH = '4.18.1';
const TYPES_LODASH = '4.17.27';
const TYPESCRIPT = '5.9.3';

interface Project {
  id: string;
  /** package.json's "packageManager". */
  manager: string;
  /** The npm package and version that writes the lockfile on this machine. */
  lockWith: { pkg: string; bin: string; args: string[] };
  lockfile: string;
  typescript: boolean;
  flags: string[];
  images: string[];
  /** The install the Dockerfile must run, as the generator writes it. */
  install: RegExp;
  budgetMs: number;
}

const PROJECTS: Project[] = [
  {
    id: 'pnpm-aws-nodejs24',
    manager: 'pnpm@10.34.9',
    lockWith: { pkg: 'pnpm@10.34.9', bin: 'pnpm', args: ['install', '--lockfile-only'] },
    lockfile: 'pnpm-lock.yaml',
    typescript: false,
    flags: ['--runtime', 'nodejs24'],
    images: ['public.ecr.aws/lambda/nodejs:24'],
    install: /pnpm install --frozen-lockfile --prod\b/,
    budgetMs: 6 * MIN,
  },
  {
    id: 'yarn1-image-nodejs22',
    manager: 'yarn@1.22.22',
    lockWith: { pkg: 'yarn@1.22.22', bin: 'yarn', args: ['install', '--ignore-scripts', '--non-interactive', '--no-progress'] },
    lockfile: 'yarn.lock',
    typescript: false,
    flags: ['--base', 'image', '--runtime', 'nodejs22'],
    images: ['node:22-bookworm-slim'],
    install: /yarn install --frozen-lockfile --production\b/,
    budgetMs: 12 * MIN,
  },
  {
    id: 'yarn4-org-nodejs22-ts',
    manager: 'yarn@4.18.1',
    lockWith: { pkg: '@yarnpkg/cli-dist@4.18.1', bin: 'yarn', args: ['install', '--mode=update-lockfile'] },
    lockfile: 'yarn.lock',
    typescript: true,
    flags: ['--base', 'image', '--image', ORGANISATION_IMAGE, '--family', 'debian:12', '--runtime', 'nodejs22'],
    images: [ORGANISATION_IMAGE, 'node:22-bookworm-slim'],
    install: /yarn install --immutable --mode=skip-build\b/,
    budgetMs: 12 * MIN,
  },
];

const docker = dockerStatus();
announceSkip('package manager e2e', docker);

const session = imageSession('package-manager', docker, { event: { items: [1, 2, 3, 4, 5] } });

const HANDLER = `import _ from 'lodash';

export const handler = async (event) => ({ chunks: _.chunk(event.items, 2), lodash: _.VERSION });
`;

const TS_HANDLER = `import _ from 'lodash';

export const handler = async (event: { items: number[] }): Promise<{ chunks: number[][]; lodash: string }> => ({
  chunks: _.chunk(event.items, 2),
  lodash: _.VERSION,
});
`;

/** The user's project: package.json, the handler, and the lockfile the real manager writes. */
function writeProject(p: Project): string {
  const dir = join(session.work, p.id);
  mkdirSync(dir, { recursive: true });
  const pkg: Record<string, unknown> = {
    name: 'fn',
    version: '1.0.0',
    private: true,
    type: 'module',
    packageManager: p.manager,
    dependencies: { lodash: LODASH },
  };
  if (p.typescript) {
    pkg.scripts = { build: 'tsc' };
    pkg.devDependencies = { typescript: TYPESCRIPT, '@types/lodash': TYPES_LODASH };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, rootDir: 'src', outDir: 'dist', skipLibCheck: true }, include: ['src'] }, null, 2));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'index.ts'), TS_HANDLER);
  } else {
    writeFileSync(join(dir, 'index.mjs'), HANDLER);
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  // A Yarn 2+ project set to Plug'n'Play: the image must still get node_modules.
  if (p.manager.startsWith('yarn@4')) writeFileSync(join(dir, '.yarnrc.yml'), 'nodeLinker: pnp\nenableTelemetry: false\n');
  const env = { ...process.env, YARN_ENABLE_TELEMETRY: '0', YARN_GLOBAL_FOLDER: join(session.work, '.yarn-global'), COREPACK_ENABLE_STRICT: '0' };
  const r = spawnSync('npm', ['exec', '--yes', `--package=${p.lockWith.pkg}`, '--', p.lockWith.bin, ...p.lockWith.args], { cwd: dir, env, encoding: 'utf8', timeout: 4 * MIN });
  expect(r.status, `${p.lockWith.bin} ${p.lockWith.args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  // What the user commits: the lockfile, not what the manager installed on their machine.
  rmSync(join(dir, 'node_modules'), { recursive: true, force: true });
  for (const made of ['.yarn', '.pnp.cjs', '.pnp.loader.mjs']) rmSync(join(dir, made), { recursive: true, force: true });
  expect(readFileSync(join(dir, p.lockfile), 'utf8')).toContain('lodash');
  return dir;
}

for (const p of PROJECTS) {
  const status = withImages(docker, p.images, `the generated ${p.id} Dockerfile builds FROM them`);
  if (docker.usable) announceSkip(`package manager e2e, ${p.id}`, status);

  describe.skipIf(!status.usable)(`${p.manager} project, ${p.flags.join(' ')} (${status.reason})`, () => {
    it(
      'create . --yes installs with the project\'s manager; the image builds unmodified, answers with its dependency and holds no manager',
      async () => {
        const dir = writeProject(p);
        const g = await run(['.', '--yes', '--arch', HOST_ARCH, '--no-interactive', ...p.flags], { cwd: dir });
        expect(g.code, `${g.stdout}\n${g.stderr}`).toBe(0);
        const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
        const build = parseStages(dockerfile).find((s) => s.name === 'build')!;
        const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.text);
        const [name, version] = p.manager.split('@');
        expect(runs.some((r) => r.includes(`install -g --prefix /opt/`) && r.endsWith(`@${version}`)), dockerfile).toBe(true);
        expect(runs.some((r) => p.install.test(r)), dockerfile).toBe(true);

        const tag = await session.buildRecorded(dir, p.id, `node-${p.id}`, p.budgetMs);

        const r = await run(['verify', tag, '--event', session.event('event'), '--arch', HOST_ARCH, '--json'], { cwd: session.work, env: process.env });
        let v: VerifyJson;
        try {
          v = JSON.parse(r.stdout) as VerifyJson;
        } catch {
          throw new Error(`verify ${tag} printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
        }
        expect(v, JSON.stringify(v.logs)).toMatchObject({ result: 'response', exitCode: 0 });
        expect(JSON.parse(v.response!)).toEqual({ chunks: [[1, 2], [3, 4], [5]], lodash: LODASH });

        // Nothing of the manager in the image: not the tool, its store or its cache; for
        // TypeScript, the compiler (a dev dependency) stays behind too.
        const gone = ['/opt/pnpm', '/opt/yarn-classic', '/opt/yarn-berry', '/root/.local/share/pnpm', '/root/.cache/yarn', '/root/.yarn', '/var/task/.pnpm-store', '/var/task/.yarn/cache'];
        const checks = [...gone.map((path) => `test ! -e ${path}`), 'test -d /var/task/node_modules/lodash', ...(p.typescript ? ['test ! -e /var/task/node_modules/typescript', 'test -f /var/task/index.js'] : [])];
        const inside = await exec(docker.engine!, ['run', '--rm', '--entrypoint', 'sh', tag, '-c', checks.join(' && ')], { timeoutMs: MIN });
        expect(inside.code, `${name}: ${checks.join(' && ')}\n${inside.combined}`).toBe(0);
      },
      p.budgetMs + 5 * MIN,
    );
  });
}
