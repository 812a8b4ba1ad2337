import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run';

const BIN = join(import.meta.dirname, '..', 'bin', 'create-lambda-image.cjs');

function launch(cache: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: tempDir(),
    encoding: 'utf8',
    env: { PATH: '/nonexistent', XDG_CACHE_HOME: cache, CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22', ...extraEnv },
  });
}

const cacheFiles = (cache: string) => {
  const dir = join(cache, 'create-lambda-image');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('the launcher and its code cache', () => {
  it('writes a private cache per kind of run, and runs the same with it', () => {
    const cache = tempDir('cache-');
    const first = launch(cache, ['--stdout', '--runtime', 'python3.13']);
    expect(first.status).toBe(0);
    const [file] = cacheFiles(cache);
    expect(file).toMatch(/^cli-create-.+\.bin$/);
    const dir = join(cache, 'create-lambda-image');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);

    const second = launch(cache, ['--stdout', '--runtime', 'python3.13']);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(launch(cache, ['--version']).status).toBe(0);
    const files = cacheFiles(cache);
    expect(files).toHaveLength(2);
    expect(files).toContain(file);
    expect(files.some((f) => f.startsWith('cli-info-'))).toBe(true);
  });

  it('falls back to compiling when the cache is corrupt, and replaces it', () => {
    const cache = tempDir('cache-');
    launch(cache, ['--version']);
    const dir = join(cache, 'create-lambda-image');
    const [file] = cacheFiles(cache);
    writeFileSync(join(dir, file!), 'not a code cache', { mode: 0o600 });
    const run = launch(cache, ['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(statSync(join(dir, file!)).size).toBeGreaterThan(100);
  });

  it('does not trust a folder others can write to', () => {
    const cache = tempDir('cache-');
    const dir = join(cache, 'create-lambda-image');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(launch(cache, ['--version']).status).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('CREATE_LAMBDA_IMAGE_NO_CACHE turns it off', () => {
    const cache = tempDir('cache-');
    expect(launch(cache, ['--version'], { CREATE_LAMBDA_IMAGE_NO_CACHE: '1' }).status).toBe(0);
    expect(cacheFiles(cache)).toEqual([]);
  });

  it('the bundle also runs on its own, as `node dist/cli.cjs`, and writes the same files', () => {
    const bundle = join(import.meta.dirname, '..', 'dist', 'cli.cjs');
    const env = { PATH: '/nonexistent', CREATE_LAMBDA_IMAGE_NO_CACHE: '1', CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22' };
    const direct = spawnSync(process.execPath, [bundle, '--stdout', '--runtime', 'java21'], { cwd: tempDir(), encoding: 'utf8', env });
    expect(direct.stderr).toBe('');
    expect(direct.status).toBe(0);
    const launched = launch(tempDir('cache-'), ['--stdout', '--runtime', 'java21']);
    expect(direct.stdout).toBe(launched.stdout);
    expect(direct.stdout).toMatch(/^FROM /m);
  });
});
