/** An in-memory Io and scratch directories for command tests. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/shared/io';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/lint');
/** The directory of the node binary, so fixture scripts can run under a reduced PATH. */
export const NODE_DIR = dirname(process.execPath);

/** A directory with no executables: neither hadolint nor shellcheck nor docker. */
export function emptyBin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-empty-bin-'));
  mkdirSync(join(dir, 'bin'));
  return join(dir, 'bin');
}

export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-cwd-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface TestIo extends Io {
  out: () => string;
  err: () => string;
}

export function testIo(opts: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string; tty?: boolean }): TestIo {
  const stdout = new Capture();
  const stderr = new Capture();
  stdout.isTTY = opts.tty ?? false;
  return {
    cwd: opts.cwd,
    env: opts.env ?? { PATH: emptyBin(), HOME: opts.cwd },
    stdin: Readable.from([opts.stdin ?? '']),
    stdout,
    stderr,
    now: () => new Date('2026-11-22T12:00:00Z'),
    out: () => stdout.text,
    err: () => stderr.text,
  };
}
