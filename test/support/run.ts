import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli';
import type { Io } from '../../src/shared/io';

/** A fixed "today" so no test depends on the real date. */
export const TODAY = new Date('2026-11-22T12:00:00Z');
/** A day on which no catalog runtime is deprecated yet. */
export const BEFORE_ANY_DEPRECATION = new Date('2024-12-01T12:00:00Z');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  cwd: string;
}

export function tempDir(prefix = 'cli-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the CLI in-process with a non-interactive fake terminal. */
export async function run(
  argv: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; now?: Date; tty?: boolean; stdin?: string } = {},
): Promise<RunResult> {
  const cwd = opts.cwd ?? tempDir();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  if (opts.tty) {
    stdin.isTTY = true;
    (stdout as PassThrough & { isTTY?: boolean }).isTTY = true;
  }
  stdin.end(opts.stdin ?? '');
  const io: Io = { cwd, env: opts.env ?? {}, stdin, stdout, stderr, now: () => opts.now ?? TODAY };
  const code = await main(argv, io);
  return { code, stdout: out, stderr: err, cwd };
}

/** Every file under dir (relative paths) with its content: a fingerprint of the disk. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}
