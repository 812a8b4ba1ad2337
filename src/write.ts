import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError, writeError } from './errors';
import type { GeneratedFile } from './files';

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
    throw new UsageError(`refusing to write ${JSON.stringify(path)}: it is outside the target folder`);
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

export function planWrite(target: string, files: readonly GeneratedFile[]): WritePlan {
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(`${target} exists and is not a folder`);
  }
  const out: WritePlan = { write: [], identical: [], conflicts: [] };
  for (const file of files) {
    const full = insideTarget(target, file.path);
    refuseLinkedFolders(target, file.path);
    if (!existsSync(full)) {
      out.write.push(file);
    } else if (statSync(full).isDirectory()) {
      throw new UsageError(`${file.path} exists in ${target} as a folder; the generator writes a file there`);
    } else if (readFileSync(full, 'utf8') === file.content) {
      out.identical.push(file.path);
    } else {
      out.conflicts.push(file.path);
      out.write.push(file);
    }
  }
  return out;
}

/**
 * Writes each file through a temporary sibling and a rename, so an interrupted run never leaves
 * a half-written Dockerfile. Every file is staged before any is renamed into place: a failure
 * while staging (no permission, a full disk) removes the temporaries and the folders this call
 * created, and becomes a one-line error. With `backup`, a file about to be replaced is first kept
 * as <name>.orig.
 */
export function writeFiles(target: string, plan: WritePlan, options: { backup?: boolean } = {}): string[] {
  const staged: { temp: string; full: string; path: string }[] = [];
  const created: string[] = [];
  const backups: string[] = [];
  let current = target;
  try {
    for (const file of plan.write) {
      const full = insideTarget(target, file.path);
      current = full;
      refuseLinkedFolders(target, file.path);
      created.push(...makeFolders(dirname(full)));
      const temp = join(dirname(full), `.${file.path.split('/').pop()}.${process.pid}.tmp`);
      staged.push({ temp, full, path: file.path });
      writeFileSync(temp, file.content, { mode: file.mode ?? 0o644 });
      if (file.mode) chmodSync(temp, file.mode);
      if (options.backup && existsSync(full)) {
        const backup = backupPath(full);
        backups.push(backup);
        writeFileSync(backup, readFileSync(full));
      }
    }
    const written: string[] = [];
    for (const s of staged) {
      current = s.full;
      renameSync(s.temp, s.full);
      written.push(s.path);
    }
    return written;
  } catch (error) {
    for (const file of [...staged.map((s) => s.temp), ...backups]) quietly(() => rmSync(file, { force: true }));
    // Folders this call made, innermost first; one that is not empty is left alone.
    for (const dir of created.reverse()) quietly(() => rmdirSync(dir));
    throw writeError(current, error);
  }
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

/** <name>.orig, or <name>.orig.1, .2, … so an earlier backup (or the user's own file) is kept. */
export function backupPath(full: string): string {
  let candidate = `${full}.orig`;
  for (let n = 1; existsSync(candidate); n++) candidate = `${full}.orig.${n}`;
  return candidate;
}

export function conflictError(target: string, conflicts: readonly string[]): UsageError {
  return new UsageError(
    `${target} already has ${conflicts.join(', ')} with other content; pass --force to overwrite, or choose another folder`,
  );
}
