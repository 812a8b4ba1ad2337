import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './support/run';

const CLI = join(import.meta.dirname, '..', 'bin', 'create-lambda-image.cjs');
/** The launcher's code cache goes to a scratch folder, not the user's. */
const CACHE = tempDir('cache-');

/**
 * The bundle carries precompiled templates and a standalone config validator in place of the
 * source modules; what it writes must be what the source writes.
 */
describe('the bundle renders exactly what the source renders', () => {
  const cases: string[][] = [
    ['--runtime', 'nodejs24', '--typescript', '--os-package', 'git', '--syntax', 'docker/dockerfile:1'],
    ['--runtime', 'java17', '--build-tool', 'gradle', '--arch', 'arm64'],
    ['--runtime', 'python3.13', '--build-os-package', 'gcc'],
    ['--base', 'os-only', '--runtime', 'go'],
    ['--base', 'os-only', '--os', 'al2', '--runtime', 'custom', '--allow-deprecated'],
    ['--base', 'image', '--runtime', 'nodejs22', '--rie'],
    ['--base', 'image', '--image', 'ruby:3.4-alpine3.23', '--runtime', 'ruby3.4'],
  ];
  for (const argv of cases) {
    it(argv.join(' '), async () => {
      const cwd = tempDir();
      const source = await run(['--stdout', ...argv], { cwd });
      const bundle = spawnSync(process.execPath, [CLI, '--stdout', ...argv], { cwd, encoding: 'utf8', env: { PATH: '/nonexistent', CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22', XDG_CACHE_HOME: CACHE } });
      expect(bundle.status).toBe(source.code);
      expect(source.code).toBe(0);
      expect(bundle.stdout).toBe(source.stdout);
    });
  }

  it('validates a config file the same way', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'lambda-image.yaml'), 'runtime: nodejs22\narch: amd64\n');
    const source = await run(['fn'], { cwd });
    const bundle = spawnSync(process.execPath, [CLI, 'fn'], { cwd, encoding: 'utf8', env: { PATH: '/nonexistent', CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22', XDG_CACHE_HOME: CACHE } });
    expect(source.code).toBe(2);
    expect(bundle.status).toBe(2);
    expect(bundle.stderr).toBe(source.stderr);
    expect(bundle.stderr).toMatch(/lambda-image\.yaml:2: arch: "amd64" is not one of x86_64, arm64/);
  });
});

describe('the bundle lints exactly as the source does', () => {
  const fixtures = join(import.meta.dirname, '..', 'bench', 'fixtures');
  for (const file of readdirSync(fixtures)) {
    it(file, async () => {
      const text = readFileSync(join(fixtures, file), 'utf8');
      const source = await run(['lint', '-', '--format', 'json', '--hadolint', 'off', '--arch', 'x86_64'], { stdin: text });
      const bundle = spawnSync(process.execPath, [CLI, 'lint', '-', '--format', 'json', '--hadolint', 'off', '--arch', 'x86_64'], { input: text, encoding: 'utf8', env: { PATH: '/nonexistent', CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22', XDG_CACHE_HOME: CACHE } });
      expect(JSON.parse(bundle.stdout)).toEqual(JSON.parse(source.stdout));
      expect(JSON.parse(source.stdout).length).toBeGreaterThan(0);
      expect(bundle.status).toBe(source.code);
    });
  }
});
