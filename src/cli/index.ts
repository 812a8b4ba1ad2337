import { CancelledError, InterruptedError, UsageError } from '../shared/errors';
import { processIo, say, type Io } from '../shared/io';
import { escapeLine } from '../shared/quote';

const COMMANDS = ['list', 'lint', 'check', 'verify', 'help'] as const;

/**
 * A first argument one edit from a command (`lnit`, `lits`, `chek`) is more likely a typo than a
 * folder name: at a terminal the user is asked; otherwise it is an error naming the command.
 * `./lnit` and `--dir lnit` still create such a folder. Returns the command to run instead, or
 * undefined to go on creating the folder.
 */
async function mistypedCommand(first: string | undefined, argv: string[], io: Io): Promise<string | undefined> {
  if (first === undefined || first.startsWith('-') || /[/\\.]/.test(first)) return undefined;
  const { ranked } = await import('../shared/suggest');
  // Not help: `hello` is a likelier folder name than a typo.
  const command = ranked(first, COMMANDS.filter((c) => c !== 'help')).find((c) => c !== first);
  if (!command || first.length < 3) return undefined;
  const { isInteractive } = await import('../commands/create');
  // Read as create reads them; flags create would refuse are refused later, by create.
  let values: Record<string, unknown> = {};
  try {
    values = (await import('../inputs/flags')).parseFlags(argv).values;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
  }
  if (isInteractive(values, io)) {
    const { askMistyped } = await import('../inputs/prompts');
    return (await askMistyped(first, command, io)) ? command : undefined;
  }
  throw new UsageError(`${JSON.stringify(first)} is not a command; did you mean ${command}? To create a folder with that name, use ./${first} or --dir ${first}`);
}

/**
 * Dispatches to a command. Each command module is loaded only when it runs, so `lint` never
 * loads the prompts and `create` never loads Docker helpers.
 */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [given, ...rest] = argv;
    const first = COMMANDS.includes(given as (typeof COMMANDS)[number]) ? given : ((await mistypedCommand(given, argv, io)) ?? given);
    switch (first as (typeof COMMANDS)[number] | undefined) {
      case 'help':
        // `help lint` is `lint --help`.
        if (rest[0] !== undefined && rest[0] !== 'help' && COMMANDS.includes(rest[0] as (typeof COMMANDS)[number])) return await main([rest[0], '--help'], io);
        say(io.stdout, (await import('../options/help')).createHelp());
        return 0;
      case 'list':
        return (await import('../commands/list')).runList(rest, io);
      case 'lint':
        return await (await import('../commands/lint')).runLint(rest, io);
      case 'check':
        return await (await import('../commands/check')).runCheck(rest, io);
      case 'verify':
        return await (await import('../verify')).runVerify(rest, io);
      default:
        return await (await import('../commands/create')).runCreate(argv, io);
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
