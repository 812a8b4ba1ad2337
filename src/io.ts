import type { Readable, Writable } from 'node:stream';
import { UsageError } from './errors';

/**
 * Everything a command touches outside its arguments, injected so tests can run the CLI
 * in-process with a fake terminal, environment and clock.
 */
export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  /** "Today" for deprecation checks; never the source of text in generated files. */
  now: () => Date;
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => today(process.env),
  };
}

/**
 * The date deprecation checks use. CREATE_LAMBDA_IMAGE_TODAY=YYYY-MM-DD pins it, so a CI job can
 * ask what will break next month and tests never depend on the real date.
 */
export function today(env: NodeJS.ProcessEnv): Date {
  const pinned = env.CREATE_LAMBDA_IMAGE_TODAY;
  if (!pinned) return new Date();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? new Date(`${pinned}T12:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`CREATE_LAMBDA_IMAGE_TODAY=${JSON.stringify(pinned)} is not a date; write YYYY-MM-DD`);
  return date;
}

export function say(stream: Writable, text = ''): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
