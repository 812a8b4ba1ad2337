/**
 * ShellCheck on shell-form RUN scripts, the way hadolint feeds it: a shebang from the stage's
 * SHELL, an `export NAME=1` line for each ARG/ENV name declared so far (so SC2154 stays quiet
 * for build args), SC2187/SC1090/SC1091 excluded. All scripts of a Dockerfile go to ONE
 * shellcheck process as separate files; findings are reported at the RUN's line.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DfInstruction, ParsedDockerfile } from './dockerfile';
import type { RawFinding } from './engine';
import { isLevel } from './types';
import { onPath } from './which';

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];
const EXCLUDED = 'SC2187,SC1090,SC1091';

export interface ShellcheckResult {
  /** Null when shellcheck is not installed (the check was skipped). */
  version: string | null;
  findings: RawFinding[];
  /** A one-line explanation when shellcheck was skipped or failed. */
  note?: string;
}

interface Job {
  ins: DfInstruction;
  file: string;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException;
  timedOut?: boolean;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout: number): Promise<RunResult> {
  return new Promise((done) => {
    try {
      execFile(cmd, args, { env, timeout, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
        const e = error as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
        const code = e ? (typeof e.code === 'number' ? e.code : null) : 0;
        done({ code, stdout, stderr, ...(e && typeof e.code !== 'number' ? { error: e } : {}), ...(e?.killed ? { timedOut: true } : {}) });
      });
    } catch (e) {
      // A spawn refused synchronously (E2BIG on some platforms) is a result, not a crash.
      done({ code: null, stdout: '', stderr: '', error: e as NodeJS.ErrnoException });
    }
  });
}

/** Scripts per shellcheck process: keeps the argument list far below ARG_MAX. */
const BATCH = 200;
/** RUN scripts checked per Dockerfile; the rest are named in a note, not silently passed. */
export const MAX_SCRIPTS = 500;

/** A private folder for the scripts: $TMPDIR, else /tmp; null when neither is usable. */
function scratchDir(): string | null {
  for (const base of [tmpdir(), '/tmp']) {
    try {
      return mkdtempSync(join(base, 'lambda-lint-sc-'));
    } catch {
      // try the next one
    }
  }
  return null;
}

/** The shellcheck on PATH and its version, or null when there is none that answers. */
async function detect(env: NodeJS.ProcessEnv): Promise<{ cmd: string; version: string } | null> {
  const cmd = await onPath('shellcheck', env);
  if (!cmd) return null;
  const r = await run(cmd, ['--version'], env, 10_000);
  if (r.code !== 0) return null;
  return { cmd, version: /version:\s*(\S+)/.exec(r.stdout)?.[1] ?? 'unknown' };
}

export async function shellcheckVersion(env: NodeJS.ProcessEnv): Promise<string | null> {
  return (await detect(env))?.version ?? null;
}

/** The shebang for the shell a RUN uses; null for shells ShellCheck cannot check. */
function shebang(shell: string[]): string | null {
  const prog = shell[0] ?? '/bin/sh';
  if (/pwsh|powershell|cmd/i.test(prog)) return null;
  const name = prog.slice(prog.lastIndexOf('/') + 1);
  if (name === 'bash' || name === 'ksh' || name === 'dash') return `#!/bin/${name}`;
  if (name === 'sh' || name === 'ash' || name === 'busybox') return '#!/bin/sh';
  return null;
}

function scriptsOf(df: ParsedDockerfile): { ins: DfInstruction; text: string }[] {
  const out: { ins: DfInstruction; text: string }[] = [];
  const declared = new Map<number, string[]>();
  for (const ins of df.instructions) {
    const names = declared.get(ins.stage) ?? (ins.stage >= 0 && df.stages[ins.stage]!.parent !== null ? [...(declared.get(df.stages[ins.stage]!.parent!) ?? [])] : []);
    declared.set(ins.stage, names);
    if (ins.keyword === 'ARG' || ins.keyword === 'ENV') names.push(...ins.pairs.map((p) => p.name));
    const run = ins.keyword === 'ONBUILD' ? ins.trigger : ins;
    if (run?.keyword !== 'RUN' || run.exec || run.script === null || run.script.trim() === '') continue;
    const bang = shebang(run.shell);
    if (!bang) continue;
    // A heredoc body with its own non-shell interpreter is not shell.
    const own = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(run.script);
    if (own && !/(^|\/)(ba|da|a|k)?sh$/.test(own[1]!.endsWith('/env') ? own[2] ?? '' : own[1]!)) continue;
    const exports = [...new Set([...PROXY_VARS, ...names])].filter((n) => /^[A-Za-z_]\w*$/.test(n)).map((n) => `export ${n}=1`);
    const body = own ? run.script.slice(run.script.indexOf('\n') + 1) : run.script;
    out.push({ ins, text: [bang, ...exports, body].join('\n') + '\n' });
  }
  return out;
}

/** Checks every shell-form RUN of `df` in one shellcheck process. */
export async function runShellcheck(df: ParsedDockerfile, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ShellcheckResult> {
  const found = await detect(env);
  const version = found?.version ?? null;
  if (!found || !version) return { version: null, findings: [], note: 'shellcheck not found; SC checks on RUN scripts were skipped' };
  const all = scriptsOf(df);
  if (all.length === 0) return { version, findings: [] };
  const scripts = all.slice(0, MAX_SCRIPTS);
  const notes: string[] = [];
  if (all.length > scripts.length) notes.push(`shellcheck checked the first ${scripts.length} of ${all.length} RUN scripts (up to line ${scripts[scripts.length - 1]!.ins.line}); the rest were not checked`);
  const dir = scratchDir();
  if (!dir) return { version, findings: [], note: `shellcheck skipped: no writable temporary folder (TMPDIR=${tmpdir()} and /tmp are not usable)` };
  const findings: RawFinding[] = [];
  const started = Date.now();
  try {
    for (let first = 0; first < scripts.length; first += BATCH) {
      const left = timeoutMs - (Date.now() - started);
      const batch = scripts.slice(first, first + BATCH);
      const upTo = batch[batch.length - 1]!.ins.line;
      if (left <= 0) {
        notes.push(`shellcheck did not finish within ${Number((timeoutMs / 1000).toFixed(1))} s: RUN scripts from line ${batch[0]!.ins.line} on were not checked`);
        break;
      }
      const jobs: Job[] = batch.map((s, k) => {
        const file = join(dir, `run-${first + k}.sh`);
        writeFileSync(file, s.text);
        return { ins: s.ins, file };
      });
      const r = await run(found.cmd, ['-f', 'json1', '-S', 'style', '--norc', '-e', EXCLUDED, ...jobs.map((j) => j.file)], env, left);
      for (const j of jobs) rmSync(j.file, { force: true });
      if (r.timedOut) {
        notes.push(`shellcheck did not finish within ${Number((timeoutMs / 1000).toFixed(1))} s: RUN scripts from line ${batch[0]!.ins.line} on were not checked`);
        break;
      }
      if (r.code !== 0 && r.code !== 1) {
        notes.push(`shellcheck failed (${r.error?.code ?? `exit ${r.code}`}) on the RUN scripts up to line ${upTo}: ${r.stderr.split('\n')[0] ?? ''}`.trim());
        break;
      }
      let parsed: { comments?: { file: string; line: number; level: string; code: number; message: string }[] };
      try {
        parsed = JSON.parse(r.stdout) as typeof parsed;
      } catch {
        notes.push('shellcheck printed output that is not JSON; SC checks were skipped');
        break;
      }
      const byFile = new Map(jobs.map((j) => [j.file, j]));
      for (const c of parsed.comments ?? []) {
        const job = byFile.get(c.file);
        if (!job || !isLevel(c.level)) continue;
        findings.push({ code: `SC${c.code}`, line: job.ins.line, column: 1, level: c.level, message: c.message });
      }
    }
    return { version, findings, ...(notes.length ? { note: notes.join('; ') } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
