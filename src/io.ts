import type { Readable, Writable } from 'node:stream';

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
    now: () => new Date(),
  };
}

export function say(stream: Writable, text = ''): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
