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

const SYSTEM_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder cannot be created there',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

/** The system's refusal in words, e.g. "permission denied". */
export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
  return SYSTEM_ERRORS[code] ?? code;
}

/** A failed write as the one line a user can act on (exit 2), instead of a stack trace. */
export function writeError(what: string, error: unknown): Error {
  return systemError('write', what, error);
}

/** A failed read, likewise. */
export function readError(what: string, error: unknown): Error {
  return systemError('read', what, error);
}

function systemError(verb: string, what: string, error: unknown): Error {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  // Only the system's refusals; a coded programming error (ERR_INVALID_ARG_TYPE…) stays a bug.
  if (error instanceof UsageError || error instanceof InterruptedError || !code || !syscall) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const reason = verb === 'read' && code === 'ENOENT' ? 'no such file' : verb === 'read' && code === 'ELOOP' ? 'too many symbolic links' : (SYSTEM_ERRORS[code] ?? code);
  return new UsageError(`cannot ${verb} ${what}: ${reason}`);
}

/** SIGINT or SIGTERM while files were being written: the staged files were removed. */
export class InterruptedError extends Error {
  readonly exitCode: number;
  constructor(readonly signal: 'SIGINT' | 'SIGTERM', detail: string) {
    super(`interrupted by ${signal}; ${detail}`);
    this.name = 'InterruptedError';
    // 128 + the signal's number, as a shell reports a process the signal ended.
    this.exitCode = signal === 'SIGINT' ? 130 : 143;
  }
}
