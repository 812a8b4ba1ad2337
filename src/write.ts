import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from './errors';
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

export function planWrite(target: string, files: readonly GeneratedFile[]): WritePlan {
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(`${target} exists and is not a folder`);
  }
  const out: WritePlan = { write: [], identical: [], conflicts: [] };
  for (const file of files) {
    const full = insideTarget(target, file.path);
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
 * a half-written Dockerfile. With `backup`, a file about to be replaced is first kept as <name>.orig.
 */
export function writeFiles(target: string, plan: WritePlan, options: { backup?: boolean } = {}): string[] {
  const written: string[] = [];
  for (const file of plan.write) {
    const full = insideTarget(target, file.path);
    mkdirSync(dirname(full), { recursive: true });
    if (options.backup && existsSync(full)) writeFileSync(backupPath(full), readFileSync(full));
    const temp = join(dirname(full), `.${file.path.split('/').pop()}.${process.pid}.tmp`);
    writeFileSync(temp, file.content, { mode: file.mode ?? 0o644 });
    if (file.mode) chmodSync(temp, file.mode);
    renameSync(temp, full);
    written.push(file.path);
  }
  return written;
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
