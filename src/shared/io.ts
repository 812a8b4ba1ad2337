import { fstatSync, writeSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError, writeError } from './errors';
import { quote } from './quote';

/** Where a command writes text: a stream, or the direct writer processIo() hands out. */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/**
 * Everything a command touches outside its arguments, injected so tests can run the CLI
 * in-process with a fake terminal, environment and clock.
 */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  /** "Today" for deprecation checks; never the source of text in generated files. */
  now: () => Date;
}

/** The process's own streams, each created only when a command first touches it. */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    get stdin() {
      return process.stdin;
    },
    stdout: fdOutput(1),
    stderr: fdOutput(2),
    now: () => today(process.env),
  };
}

/**
 * fd 1 or 2. A pipe, socket or file gets synchronous writes straight to the descriptor, as
 * Node's own stdio does on Linux, without building a stream (that alone costs a few ms of a run
 * that takes fifty). Terminals and anything else get process.stdout/stderr, which know colours
 * and columns. A descriptor left non-blocking by the parent (EAGAIN) hands over to the stream.
 */
export function fdOutput(fd: 1 | 2): Output {
  let direct: boolean | undefined;
  const isDirect = () => {
    if (direct === undefined) {
      try {
        const s = fstatSync(fd);
        direct = s.isFIFO() || s.isSocket() || s.isFile();
      } catch {
        direct = false;
      }
    }
    return direct;
  };
  const stream = () => stdioStream(fd);
  return {
    get isTTY() {
      return isDirect() ? false : stream().isTTY === true;
    },
    get columns() {
      return isDirect() ? undefined : stream().columns;
    },
    get rows() {
      return isDirect() ? undefined : stream().rows;
    },
    write(chunk) {
      if (!isDirect()) return stream().write(chunk);
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          direct = false;
          return stream().write(bytes.subarray(done));
        }
        if (code === 'EPIPE') return closedPipe(fd);
        // A failing stderr has nowhere left to report to; a failing stdout is the run's failure.
        if (fd === 2) return false;
        throw writeError('standard output', error);
      }
      return true;
    },
  };
}

/** `create-lambda-image list | head` closes the pipe early: that is the reader's choice, not an error. */
function closedPipe(fd: 1 | 2): boolean {
  if (fd === 1) process.exit(process.exitCode ?? 0);
  return false;
}

let guarded = false;
function stdioStream(fd: 1 | 2): NodeJS.WriteStream {
  if (fd === 2) return process.stderr;
  if (!guarded) {
    guarded = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') closedPipe(1);
      // Emitted after the write returned, so it cannot reach main(): report and end here.
      process.stderr.write(`create-lambda-image: ${writeError('standard output', error).message}\n`);
      process.exit(2);
    });
  }
  return process.stdout;
}

/**
 * The date deprecation checks use. CREATE_LAMBDA_IMAGE_TODAY=YYYY-MM-DD pins it, so a CI job can
 * ask what will break next month and tests never depend on the real date.
 */
export function today(env: NodeJS.ProcessEnv): Date {
  const pinned = env.CREATE_LAMBDA_IMAGE_TODAY;
  if (!pinned) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? new Date(`${pinned}T12:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`CREATE_LAMBDA_IMAGE_TODAY=${quote(pinned)} is not a date; write YYYY-MM-DD`);
  return date;
}

export function say(stream: Output, text = ''): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
