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

/** A failed write as the one line a user can act on (exit 2), instead of a stack trace. */
export function writeError(what: string, error: unknown): Error {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  // Only the system's refusals; a coded programming error (ERR_INVALID_ARG_TYPE…) stays a bug.
  if (error instanceof UsageError || !code || !syscall) return error instanceof Error ? error : new Error(String(error));
  return new UsageError(`cannot write ${what}: ${SYSTEM_ERRORS[code] ?? code}`);
}
