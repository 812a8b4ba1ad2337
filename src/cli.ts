import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CancelledError, InterruptedError, UsageError } from './errors';
import { processIo, say, type Io } from './io';
import { escapeLine } from './validate';

const COMMANDS = ['list', 'lint', 'check', 'verify'] as const;

/**
 * Dispatches to a command. Each command module is loaded only when it runs, so `lint` never
 * loads the prompts and `create` never loads Docker helpers.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [first, ...rest] = argv;
    switch (first as (typeof COMMANDS)[number] | undefined) {
      case 'list':
        return (await import('./commands/list')).runList(rest, io);
      case 'lint':
        return await (await import('./lint/command')).runLint(rest, io);
      case 'check':
        return await (await import('./commands/check')).runCheck(rest, io);
      case 'verify':
        return await (await import('./verify')).runVerify(rest, io);
      default:
        return await (await import('./commands/create')).runCreate(argv, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof InterruptedError) {
      // One line whatever a message quoted: a line break or an escape code in it is shown escaped.
      say(io.stderr, `create-lambda-image: ${escapeLine(error.message)}`);
      return error.exitCode;
    }
    if (error instanceof CancelledError) {
      say(io.stderr, 'Cancelled');
      return error.exitCode;
    }
    throw error;
  }
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** Runs the CLI on this process: the launcher (bin/) calls it, and so does `node dist/cli.cjs`. */
export function runCli(): void {
  let io: Io;
  try {
    io = processIo();
  } catch (error) {
    // process.cwd() fails when the folder the shell sits in was deleted.
    process.stderr.write(`create-lambda-image: cannot read the current folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      say(io.stderr, `create-lambda-image: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 70;
    },
  );
}

if (isEntryPoint()) runCli();
