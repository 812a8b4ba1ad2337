import { closeSync, constants, copyFileSync, existsSync, fchmodSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InterruptedError, UsageError, writeError } from '../shared/errors';
import { MAX_PROJECT_FILE, readTextFile } from '../shared/read';
import type { GeneratedFile } from '../shared/files';
import { quote } from '../shared/quote';

export interface WritePlan {
  /** Files to create or replace. */
  write: GeneratedFile[];
  /** Files already on disk with exactly this content. */
  identical: string[];
  /** Files on disk with other content. */
  conflicts: string[];
}

/** Resolves a generated path inside the target, refusing anything that would escape it. */
export function insideTarget(target: string, path: string): string {
  const full = resolve(target, path);
  const rel = relative(target, full);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) || isAbsolute(path)) {
    throw new UsageError(`refusing to write ${quote(path)}: it is outside the target folder`);
  }
  return full;
}

/**
 * A folder inside the target that is a symbolic link would carry a generated file elsewhere
 * (a checked-out `src -> /somewhere`): refuse it rather than follow it.
 */
function refuseLinkedFolders(target: string, path: string): void {
  const parts = path.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const folder = join(target, ...parts.slice(0, i));
    let linked = false;
    try {
      linked = lstatSync(folder).isSymbolicLink();
    } catch {
      return; // Missing: the write creates it as a real folder.
    }
    if (linked) throw new UsageError(`refusing to write ${path}: ${parts.slice(0, i).join('/')} is a symbolic link`);
  }
}

export function planWrite(target: string, files: readonly GeneratedFile[], shown = target): WritePlan {
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(`${target} exists and is not a folder`);
  }
  const out: WritePlan = { write: [], identical: [], conflicts: [] };
  for (const file of files) {
    const full = insideTarget(target, file.path);
    refuseLinkedFolders(target, file.path);
    const here = lstatOrNull(full);
    if (!here) {
      out.write.push(file);
    } else if (here.isDirectory()) {
      throw new UsageError(`${file.path} exists in ${target} as a folder; the generator writes a file there`);
    } else if (here.isSymbolicLink() || (here.isFile() && here.size > MAX_PROJECT_FILE)) {
      // Never read through a link the generator did not make; replacing it replaces the link.
      out.conflicts.push(file.path);
      out.write.push(file);
    } else if (readTextFile(full, join(shown, file.path), { limit: MAX_PROJECT_FILE, noFollow: true }) === file.content) {
      out.identical.push(file.path);
    } else {
      out.conflicts.push(file.path);
      out.write.push(file);
    }
  }
  return out;
}

function lstatOrNull(path: string): import('node:fs').Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    // Missing, or a part of the path is a file: either way nothing is there (the write says why).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  }
}

export interface WriteOptions {
  /** Keep each replaced file as <name>.orig (or .orig.1, …). */
  backup?: boolean;
}

export interface WriteResult {
  written: string[];
  /** Backups made, relative to the target. */
  backups: string[];
}

/**
 * Writes each file through a temporary sibling and a rename, so an interrupted run never leaves
 * a half-written Dockerfile. Each temporary is created exclusively under a random name (a
 * symbolic link planted there makes the create fail rather than be followed), and every file
 * is staged before any is renamed into place. A failure while staging (no permission, a full
 * disk) or SIGINT/SIGTERM before the renames removes the temporaries, the backups and the
 * folders this call created; the failure becomes a one-line error. A backup is a second name
 * for the replaced file (a hard link), so nothing is read through a link.
 */
export async function writeFiles(target: string, plan: WritePlan, options: WriteOptions = {}): Promise<WriteResult> {
  const staged: { temp: string; full: string; path: string }[] = [];
  const created: string[] = [];
  const backups: { full: string; path: string }[] = [];
  const signals = watchSignals();
  let current = target;
  let renamed = 0;
  try {
    // Staging touches only temporaries: one look for a signal before the renames is enough.
    for (const file of plan.write) {
      const full = insideTarget(target, file.path);
      current = full;
      refuseLinkedFolders(target, file.path);
      created.push(...makeFolders(dirname(full)));
      const temp = stageFile(full, file);
      staged.push({ temp, full, path: file.path });
      if (options.backup && lstatOrNull(full)) {
        const backup = keepBackup(full);
        backups.push({ full: backup, path: relative(target, backup).split(sep).join('/') });
      }
    }
    await signals.check('nothing was written');
    for (const s of staged) {
      current = s.full;
      renameSync(s.temp, s.full);
      renamed++;
    }
  } catch (error) {
    // Once a file has replaced the user's, its backup is all that is left of theirs: keep them.
    const leftover = [...staged.slice(renamed).map((s) => s.temp), ...(renamed === 0 ? backups.map((b) => b.full) : [])];
    for (const file of leftover) quietly(() => rmSync(file, { force: true }));
    // Folders this call made, innermost first; one that is not empty is left alone.
    for (const dir of created.reverse()) quietly(() => rmdirSync(dir));
    signals.stop();
    throw writeError(current, error);
  }
  // A signal that came while the files were renamed: they are all in place, and the run ends.
  const written = staged.map((s) => s.path);
  try {
    await signals.check(`${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written in full`);
  } finally {
    signals.stop();
  }
  return { written, backups: backups.map((b) => b.path) };
}

/** One file written through an exclusive temporary and a rename (the config's --save). */
export function replaceFile(full: string, content: string): void {
  const temp = stageFile(full, { path: full.split(sep).pop()!, content, owned: false });
  try {
    renameSync(temp, full);
  } catch (error) {
    quietly(() => rmSync(temp, { force: true }));
    throw error;
  }
}

/** Creates the temporary beside `full` with O_EXCL (which never follows a link) and writes it. */
function stageFile(full: string, file: GeneratedFile): string {
  const base = file.path.split('/').pop()!;
  for (let attempt = 0; ; attempt++) {
    // O_EXCL|O_NOFOLLOW is the protection; the random part only makes a collision unlikely (and
    // node:crypto would cost start-up time for no gain).
    const temp = join(dirname(full), `.${base}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    let fd: number;
    try {
      fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, file.mode ?? 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
      throw error;
    }
    try {
      const bytes = Buffer.from(file.content);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      // The umask may have narrowed the mode given to open.
      if (file.mode) fchmodSync(fd, file.mode);
    } catch (error) {
      closeSync(fd);
      quietly(() => rmSync(temp, { force: true }));
      throw error;
    }
    closeSync(fd);
    return temp;
  }
}

/**
 * Keeps the file at `full` as <name>.orig (or the first free .orig.N): a hard link where the
 * file system allows one, else an exclusive copy of a regular file.
 */
function keepBackup(full: string): string {
  for (let n = 0; ; n++) {
    const backup = n === 0 ? `${full}.orig` : `${full}.orig.${n}`;
    if (lstatOrNull(backup)) continue;
    try {
      linkSync(full, backup);
      return backup;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    }
    if (!lstatSync(full).isFile()) throw new UsageError(`cannot keep a backup of ${full}: it is not a regular file`);
    try {
      copyFileSync(full, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Records SIGINT and SIGTERM while files are written. Node delivers a signal between turns of
 * the event loop, so check() yields once to let a pending one arrive, and throws if it did.
 */
function watchSignals(): { check: (detail: string) => Promise<void>; stop: () => void } {
  let got: 'SIGINT' | 'SIGTERM' | undefined;
  const onInt = () => (got ??= 'SIGINT');
  const onTerm = () => (got ??= 'SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    async check(detail) {
      await new Promise((done) => setImmediate(done));
      if (got) throw new InterruptedError(got, detail);
    },
    stop() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}

function quietly(clean: () => void): void {
  try {
    clean();
  } catch {
    // Clean-up after a failure must not hide the failure.
  }
}

/**
 * Creates `dir` and any missing parents, returning the folders it created, outermost first.
 * Node's own recursive mkdir loops forever where mkdir answers ENOENT for an existing parent
 * (/proc, some FUSE mounts); one level at a time fails instead.
 */
export function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  const made: string[] = [];
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (error) {
      for (const m of made.reverse()) quietly(() => rmdirSync(m));
      throw writeError(d, error);
    }
    made.push(d);
  }
  return made;
}

export function conflictError(target: string, conflicts: readonly string[]): UsageError {
  return new UsageError(
    `${target} already has ${conflicts.join(', ')} with other content; pass --force to overwrite, or choose another folder`,
  );
}
