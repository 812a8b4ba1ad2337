import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { run, tempDir } from '../support/run';
import { writeTree } from '../config/helpers';

// Every node:os arch() the CLI could call answers what the test says.
const host = vi.hoisted(() => ({ arch: 'x64' }));
vi.mock('node:os', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:os')>();
  return { ...actual, default: { ...actual, arch: () => host.arch }, arch: () => host.arch };
});

async function checkOn(arch: string, cwd: string, args: string[] = []) {
  host.arch = arch;
  const result = await run(['check', ...args], { cwd });
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe('check does not depend on the host architecture', () => {
  it('the mock is what node:os answers', async () => {
    host.arch = 'arm64';
    expect((await import('node:os')).arch()).toBe('arm64');
  });

  it('gives the same answer on x64 and arm64 hosts (header only)', async () => {
    host.arch = 'arm64';
    const cwd = tempDir();
    expect((await run(['fn', '--no-lint', '--runtime', 'nodejs22'], { cwd })).code).toBe(0);
    const fn = join(cwd, 'fn');
    // Created on an arm64 host without --arch: still x86_64, so a shared repo stays in step.
    expect(readFileSync(join(fn, 'Dockerfile'), 'utf8')).toContain('--platform linux/amd64');
    const x64 = await checkOn('x64', fn);
    const arm = await checkOn('arm64', fn);
    expect(x64.code).toBe(0);
    expect(arm).toEqual(x64);
  });

  it('gives the same diff on both hosts for a config without arch', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'runtime: nodejs24\n', Dockerfile: 'FROM scratch\n' });
    const x64 = await checkOn('x64', cwd);
    const arm = await checkOn('arm64', cwd);
    expect(x64.code).toBe(1);
    expect(x64.stdout).toContain('+# Build: docker buildx build --platform linux/amd64');
    expect(arm).toEqual(x64);
  });

  it('the check command imports nothing from node:os', () => {
    const source = readFileSync(fileURLToPath(new URL('../../src/commands/check.ts', import.meta.url)), 'utf8');
    expect(source).not.toMatch(/from ['"](node:)?os['"]/);
  });
});
