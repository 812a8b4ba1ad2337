/**
 * Reading the files `lint` is given, with a type and a size limit: a FIFO, a device such as
 * /dev/zero or a folder is refused before any byte is read (opened non-blocking, so a FIFO
 * without a writer cannot hang the open), and a file over the limit is refused whole. Standard
 * input is read up to the same limit. Every refusal is one UsageError line (exit 2).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError } from '../shared/errors';

/** The largest Dockerfile `lint` reads (a 120,000-line Dockerfile is about 4 MB). */
export const MAX_DOCKERFILE_BYTES = 16 * 1024 * 1024;
/** The largest .hadolint.yaml or lambda-image.yaml read for lint settings. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const mb = (n: number): string => `${n / (1024 * 1024)} MB`;

function kindOf(mode: number): string {
  switch (mode & constants.S_IFMT) {
    case constants.S_IFDIR: return 'a folder';
    case constants.S_IFIFO: return 'a FIFO (named pipe)';
    case constants.S_IFCHR: return 'a character device';
    case constants.S_IFBLK: return 'a block device';
    case constants.S_IFSOCK: return 'a socket';
    default: return 'not a regular file';
  }
}

/** Reads a regular file of at most `limit` bytes as UTF-8; `what` names it in messages. */
export function readLimited(path: string, what: string, limit: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${what}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? (e as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UsageError(`cannot read ${what}: it is ${kindOf(st.mode)}, not a regular file`);
    if (st.size > limit) throw new UsageError(`cannot read ${what}: it is larger than ${mb(limit)}`);
    // Read to the end (the size can change while reading), never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > limit) throw new UsageError(`cannot read ${what}: it is larger than ${mb(limit)}`);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Standard input up to `limit` bytes. */
export async function readStreamLimited(stream: Readable, what: string, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > limit) {
      stream.destroy();
      throw new UsageError(`cannot read ${what}: it is larger than ${mb(limit)}`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
