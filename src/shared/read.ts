import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readError, UsageError } from './errors';

/*
 * Every file create, check and the config loader read goes through here: a regular file of at
 * most a documented size. A FIFO would block the read forever and /dev/zero never ends, so the
 * file is opened without blocking and its type checked on the open descriptor (no window
 * between a check and the read).
 */

/** Dockerfiles, .dockerignore and entry scripts the generator compares (docs/security.md). */
export const MAX_PROJECT_FILE = 1024 * 1024;
/** lambda-image.yaml and the files it extends: hand-written files of a few hundred lines. */
export const MAX_CONFIG_FILE = 256 * 1024;

const MIB = 1024 * 1024;

export interface ReadOptions {
  /** Largest size accepted, in bytes. */
  limit: number;
  /** Refuse a symbolic link as the last part of the path instead of following it. */
  noFollow?: boolean;
}

/** The file's text, or a one-line UsageError naming `display` (the path as the user knows it). */
export function readTextFile(path: string, display: string, options: ReadOptions): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY | (options.noFollow ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' && options.noFollow) {
      throw new UsageError(`refusing to read ${display}: it is a symbolic link`);
    }
    throw readError(display, error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError(`cannot read ${display}: it is a folder`);
    if (!stat.isFile()) throw new UsageError(`refusing to read ${display}: it is ${kindOf(stat)}, not a regular file`);
    if (stat.size > options.limit) throw tooLarge(display, options.limit);
    // Read until the end, whatever the size said (the file may be growing), but never past the limit.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, options.limit + 1 - length));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > options.limit) throw tooLarge(display, options.limit);
    }
    return Buffer.concat(chunks, length).toString('utf8');
  } catch (error) {
    throw readError(display, error);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(display: string, limit: number): UsageError {
  return new UsageError(`refusing to read ${display}: it is larger than ${limit >= MIB ? `${limit / MIB} MiB` : `${limit / 1024} KiB`}`);
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'a special file';
}
