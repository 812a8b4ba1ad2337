/** ShellCheck at scale and when it misbehaves: never an internal error, never a silent pass. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lintText } from '../../src/lint';
import { parseDockerfile } from '../../src/lint/dockerfile';
import { MAX_SCRIPTS, runShellcheck } from '../../src/lint/shellcheck';
import { NODE_DIR, scratch } from './io';

const installed = (() => {
  try {
    execFileSync('shellcheck', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.skipIf(!installed)('a 120,000-line Dockerfile with ShellCheck installed', () => {
  it('lints: findings from the scripts checked, and a note naming the ones that were not', async () => {
    const lines = ['FROM public.ecr.aws/lambda/python:3.13'];
    for (let i = 0; i < 119_998; i++) lines.push(`RUN echo step${i} $undeclared_${i % 7}`);
    lines.push('CMD ["app.handler"]');
    const r = await lintText(`${lines.join('\n')}\n`, { today: new Date('2026-11-22T00:00:00Z'), cwd: scratch(), env: process.env, hadolint: 'off' });
    expect(r.engine).toBe('create-lambda-image built-in rules');
    expect(r.findings.filter((f) => f.code === 'SC2154').length).toBe(MAX_SCRIPTS);
    expect(r.findings.some((f) => f.code === 'DL3059' && f.line === 119_999)).toBe(true);
    expect(r.notes).toContain(`shellcheck checked the first ${MAX_SCRIPTS} of 119998 RUN scripts (up to line ${MAX_SCRIPTS + 1}); the rest were not checked`);
  }, 240_000);
});

describe('ShellCheck that misbehaves', () => {
  /** A stand-in shellcheck: answers --version, then runs `body`. */
  function fake(body: string): NodeJS.ProcessEnv {
    const dir = mkdtempSync(join(tmpdir(), 'lint-fake-sc-'));
    const bin = join(dir, 'shellcheck');
    writeFileSync(bin, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\n${body}\n`);
    chmodSync(bin, 0o755);
    return { PATH: `${dir}:${NODE_DIR}:/usr/bin:/bin` };
  }
  const df = parseDockerfile('FROM debian:12\nRUN echo $x\n');

  it('a time-out is reported as one, not as a clean pass', async () => {
    const r = await runShellcheck(df, fake('exec sleep 30'), 300);
    expect(r.findings).toEqual([]);
    expect(r.note).toBe('shellcheck did not finish within 0.3 s: RUN scripts from line 2 on were not checked');
  });

  it('a crash is a note naming the exit code', async () => {
    const r = await runShellcheck(df, fake('echo boom >&2; exit 4'));
    expect(r.note).toBe('shellcheck failed (exit 4) on the RUN scripts up to line 2: boom');
  });
});

describe.skipIf(!installed)('an unusable TMPDIR', () => {
  it('falls back to /tmp and still checks the scripts', async () => {
    vi.stubEnv('TMPDIR', '/nonexistent/tmp');
    expect(tmpdir()).toBe('/nonexistent/tmp');
    const r = await runShellcheck(parseDockerfile('FROM debian:12\nRUN echo $x\n'), process.env);
    expect(r.note).toBeUndefined();
    expect(r.findings.map((f) => `${f.line}:${f.code}`)).toContain('2:SC2154');
  });
});
