import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint';
import { parseDockerfile } from '../../src/lint/dockerfile';
import { runShellcheck } from '../../src/lint/shellcheck';
import { emptyBin, scratch } from './io';

const installed = (() => {
  try {
    execFileSync('shellcheck', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const TEXT = [
  'FROM debian:12',
  'ARG declared_arg=1',
  'RUN echo $declared_arg $undeclared_var',
  'RUN ["sh", "-c", "echo $x"]',
  'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
  'RUN [[ -n "$HTTP_PROXY" ]] && ls *.txt',
  'FROM debian:12',
  'RUN echo $declared_arg',
  'SHELL ["pwsh", "-Command"]',
  'RUN Write-Host $x',
].join('\n');

describe.skipIf(!installed)('ShellCheck present', () => {
  it('checks shell-form RUNs in one batch, reporting SC codes at the RUN line', async () => {
    const r = await runShellcheck(parseDockerfile(TEXT), process.env);
    expect(r.version).toMatch(/^\d+\.\d+/);
    expect(r.note).toBeUndefined();
    const at = (line: number) => r.findings.filter((f) => f.line === line).map((f) => f.code);
    // ARG names are exported in the prelude: only the undeclared variable is unknown.
    expect(at(3)).toContain('SC2154');
    expect(r.findings.filter((f) => f.line === 3 && f.code === 'SC2154')).toHaveLength(1);
    expect(r.findings.find((f) => f.line === 3 && f.code === 'SC2154')!.message).toContain('undeclared_var');
    // Exec form is not checked; bash syntax under a bash SHELL is fine (no SC3010).
    expect(at(4)).toEqual([]);
    expect(at(6)).not.toContain('SC3010');
    // A new stage forgets the ARGs; PowerShell is skipped.
    expect(at(8)).toContain('SC2154');
    expect(at(10)).toEqual([]);
    expect(r.findings.every((f) => f.column === 1 && /^SC\d+$/.test(f.code))).toBe(true);
  });

  it('feeds the built-in engine and honours hadolint pragmas for SC codes', async () => {
    const text = 'FROM debian:12\n# hadolint ignore=SC2154\nRUN echo $nope\nRUN echo $nope2\n';
    const r = await lintText(text, { today: new Date(), cwd: scratch(), env: process.env, hadolint: 'off' });
    expect(r.findings.filter((f) => f.code === 'SC2154').map((f) => f.line)).toEqual([4]);
  });
});

describe('ShellCheck absent', () => {
  it('is skipped quietly and the caller is told', async () => {
    const env = { PATH: emptyBin() };
    const r = await runShellcheck(parseDockerfile(TEXT), env);
    expect(r).toEqual({ version: null, findings: [], note: 'shellcheck not found; SC checks on RUN scripts were skipped' });
    const full = await lintText(TEXT, { today: new Date(), cwd: scratch(), env, hadolint: 'off' });
    expect(full.notes).toEqual(['shellcheck not found; SC checks on RUN scripts were skipped']);
    expect(full.findings.some((f) => f.code.startsWith('SC'))).toBe(false);
  });
});
