import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/run';

const root = join(import.meta.dirname, '..');

interface PackInfo {
  files: { path: string }[];
  size: number;
  filename: string;
}

function pack(dest: string): PackInfo {
  // --ignore-scripts: the global setup has built dist/ already; "prepare" would rebuild it under running tests.
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(out) as PackInfo[])[0]!;
}

describe('the published package', () => {
  let info: PackInfo;
  let installed: string;
  let bin: string;

  beforeAll(() => {
    const dest = tempDir('pack-');
    info = pack(dest);
    installed = tempDir('install-');
    writeFileSync(join(installed, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n');
    // --offline: the tarball has no dependencies, so nothing may come from the registry.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(dest, info.filename)], { cwd: installed, stdio: 'ignore' });
    bin = join(installed, 'node_modules', '.bin', 'create-lambda-image');
  }, 120_000);

  it('ships only what runs: the bundle, templates and the config schema', () => {
    const paths = info.files.map((f) => f.path).sort();
    for (const p of paths) {
      expect(p, p).toMatch(/^(dist\/cli\.cjs|bin\/create-lambda-image\.cjs|templates\/[\w./-]+\.hbs|schema\/[\w.-]+\.json|docs\/[\w.-]+\.md|package\.json|README\.md|LICENSE)$/);
    }
    expect(paths).toContain('dist/cli.cjs');
    expect(paths).toContain('bin/create-lambda-image.cjs');
    expect(paths.some((p) => p.startsWith('templates/dockerfile/'))).toBe(true);
    expect(paths.some((p) => /(^|\/)(src|test|bench)\//.test(p) || p.endsWith('.ts') || p.endsWith('.map'))).toBe(false);
  });

  it('ships every document the README links to, and says where the project lives', () => {
    const paths = info.files.map((f) => f.path);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const local = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
    expect(local.length).toBeGreaterThan(0);
    for (const link of local) expect(paths, link).toContain(link.replace(/^\.\//, ''));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.homepage).toMatch(/^https:\/\//);
  });

  it('has no runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
    expect(readdirSync(join(installed, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['create-lambda-image']);
  });

  it('installed from the tarball: --help, --yes and lint work', () => {
    const env = { PATH: `${join(installed, 'node_modules', '.bin')}:${process.env.PATH}`, CI: '1', CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22', XDG_CACHE_HOME: tempDir('cache-') };
    const help = spawnSync(bin, ['--help'], { cwd: installed, encoding: 'utf8', env });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--runtime/);

    const work = tempDir('gen-');
    const gen = spawnSync(bin, ['--yes'], { cwd: work, encoding: 'utf8', env });
    expect(gen.stderr).toBe('');
    expect(gen.status).toBe(0);
    expect(readFileSync(join(work, 'my-function', 'Dockerfile'), 'utf8')).toMatch(/^FROM public\.ecr\.aws\/lambda\/nodejs:\d+$/m);

    const lint = spawnSync(bin, ['lint', join(work, 'my-function', 'Dockerfile'), '--format', 'json'], { cwd: work, encoding: 'utf8', env });
    expect(lint.status).toBe(0);
    expect(JSON.parse(lint.stdout)).toEqual([]);
  });
});
