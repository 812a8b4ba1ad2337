/**
 * Errors the CLI turns into one line on stderr and an exit code.
 * Anything else escaping a command is a bug and is reported with its stack.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Ctrl-C at a prompt: "Cancelled", exit 130, nothing written. */
export class CancelledError extends Error {
  readonly exitCode = 130;
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}
