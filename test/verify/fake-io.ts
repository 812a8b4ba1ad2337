import { PassThrough, Readable } from 'node:stream';
import type { Io } from '../../src/shared/io';

export interface CapturedIo extends Io {
  out: () => string;
  err: () => string;
}

/** An Io whose stdout/stderr are captured as text; env defaults to the real one (PATH, docker). */
export function captureIo(opts: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string | Readable } = {}): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  return {
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? process.env,
    stdin: opts.stdin instanceof Readable ? opts.stdin : Readable.from(opts.stdin !== undefined ? [Buffer.from(opts.stdin)] : []),
    stdout,
    stderr,
    now: () => new Date('2025-01-01T00:00:00Z'),
    out: () => out,
    err: () => err,
  };
}
