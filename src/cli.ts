import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CancelledError, UsageError } from './errors';
import { processIo, say, type Io } from './io';

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
    if (error instanceof UsageError) {
      say(io.stderr, `create-lambda-image: ${error.message}`);
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
  // `create-lambda-image list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`create-lambda-image: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

if (isEntryPoint()) runCli();
