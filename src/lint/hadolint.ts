/**
 * Runs a real hadolint when one is available: `auto` uses $HADOLINT or `hadolint` on PATH,
 * `docker` runs the pinned image, `off` never runs it. It always runs with
 * `-f json --no-color --no-fail` on stdin; pass/fail is judged by the caller. Anything odd (no
 * binary, a crash, a signal, a timeout, output that is not hadolint's JSON) yields a one-line
 * note and the caller falls back to the built-in DL rules.
 */
import { spawn } from 'node:child_process';
import { executable, onPath } from './which';
import { isAbsolute, resolve } from 'node:path';
import { finding, isLevel, type Finding, type HadolintMode } from './types';

export { HADOLINT_MODES, type HadolintMode } from './types';
export const HADOLINT_IMAGE = 'hadolint/hadolint:v2.15.1';

export interface HadolintOptions {
  mode: HadolintMode;
  /** The file name to report (hadolint itself sees stdin). */
  file: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** An explicit .hadolint.yaml to hand to hadolint (-c). */
  configPath?: string | null;
  trustedRegistries?: string[];
  timeoutMs?: number;
}

export type HadolintOutcome =
  | { ok: true; version: string; findings: Finding[] }
  | { ok: false; note: string | null };

interface Exec {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  error?: string;
  timedOut?: boolean;
}

function exec(cmd: string, args: string[], input: string | null, opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Exec> {
  return new Promise((done) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (r: Exec): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        done(r);
      }
    };
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e: NodeJS.ErrnoException) => finish({ code: null, signal: null, stdout, stderr, error: e.code ?? e.message }));
    child.on('close', (code, signal) => finish({ code, signal, stdout, stderr, timedOut }));
    child.stdin.on('error', () => undefined); // the tool may exit without reading stdin
    child.stdin.end(input ?? '');
  });
}

/** `hadolint` from $HADOLINT, else the first executable on PATH. */
export async function findHadolint(env: NodeJS.ProcessEnv, cwd: string): Promise<{ path: string | null; note: string | null }> {
  const explicit = env.HADOLINT;
  if (explicit) {
    const path = isAbsolute(explicit) || explicit.includes('/') ? resolve(cwd, explicit) : await onPath(explicit, env);
    if (path && (await executable(path))) return { path, note: null };
    return { path: null, note: `hadolint: HADOLINT=${explicit} is not an executable file; using the built-in rules` };
  }
  const path = await onPath('hadolint', env);
  return path ? { path, note: null } : { path: null, note: null };
}

function firstLine(s: string): string {
  return (s.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}

function explain(what: string, r: Exec, timeoutMs: number): string | null {
  if (r.timedOut) return `${what} did not finish within ${Math.round(timeoutMs / 1000)} s`;
  if (r.error) return `${what} could not be started (${r.error})`;
  if (r.signal) return `${what} was killed by ${r.signal}`;
  if (r.code !== 0 && r.code !== 1) return `${what} failed with exit code ${r.code}${firstLine(r.stderr) ? `: ${firstLine(r.stderr)}` : ''}`;
  return null;
}

/** Validates hadolint's JSON: an array of {code, column?, file, level, line, message}. */
export function parseHadolintJson(stdout: string, file: string): Finding[] | null {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const out: Finding[] = [];
  for (const item of data) {
    if (typeof item !== 'object' || item === null) return null;
    const o = item as Record<string, unknown>;
    if (typeof o.code !== 'string' || typeof o.message !== 'string' || typeof o.line !== 'number' || !isLevel(o.level)) return null;
    const column = typeof o.column === 'number' && o.column >= 1 ? o.column : 1;
    out.push(finding(o.code, column, file, o.level, o.line, o.message));
  }
  return out;
}

export async function runHadolint(text: string, opts: HadolintOptions): Promise<HadolintOutcome> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const common = ['-f', 'json', '--no-color', '--no-fail', ...(opts.trustedRegistries ?? []).flatMap((r) => ['--trusted-registry', r])];
  let cmd: string;
  let args: string[];
  let version: string;
  if (opts.mode === 'off') return { ok: false, note: null };
  if (opts.mode === 'docker') {
    cmd = (await onPath('docker', opts.env)) ?? '';
    if (!cmd) return { ok: false, note: 'hadolint: docker is not on PATH, so the hadolint image cannot run; using the built-in rules' };
    args = ['run', '--rm', '-i', HADOLINT_IMAGE, 'hadolint', ...common, '-'];
    version = HADOLINT_IMAGE.replace(/^.*:v?/, '');
  } else {
    const found = await findHadolint(opts.env, opts.cwd);
    if (!found.path) return { ok: false, note: found.note };
    cmd = found.path;
    const v = await exec(cmd, ['--version'], null, { cwd: opts.cwd, env: opts.env, timeoutMs });
    const problem = explain(`hadolint (${cmd}) --version`, v, timeoutMs) ?? (v.code !== 0 ? `hadolint (${cmd}) --version failed with exit code ${v.code}` : null);
    if (problem) return { ok: false, note: `${problem}; using the built-in rules` };
    version = /(\d+\.\d+\.\d+)/.exec(v.stdout)?.[1] ?? 'unknown';
    args = [...common, ...(opts.configPath ? ['-c', opts.configPath] : []), '-'];
  }
  const r = await exec(cmd, args, text, { cwd: opts.cwd, env: opts.env, timeoutMs });
  const what = opts.mode === 'docker' ? `hadolint (docker ${HADOLINT_IMAGE})` : `hadolint (${cmd})`;
  const problem = explain(what, r, timeoutMs);
  if (problem) return { ok: false, note: `${problem}; using the built-in rules` };
  const findings = parseHadolintJson(r.stdout, opts.file);
  if (!findings) return { ok: false, note: `${what} printed output that is not hadolint JSON (${JSON.stringify(firstLine(r.stdout).slice(0, 60))}); using the built-in rules` };
  return { ok: true, version, findings };
}
