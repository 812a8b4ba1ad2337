import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { Document, LineCounter, isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { UsageError } from '../../shared/errors';
import { CONFIG_FILE } from './file';
import { OPTION_SPECS } from '../../options';
import { MAX_CONFIG_FILE, readTextFile } from '../../shared/read';
import { quote } from '../../shared/quote';
import { lineOf, normaliseRuntime, problemError, schemaProblems, semanticProblems } from './problems';
import { isPlainObject, show } from './util';
import type { LintConfig, ParsedFile } from './types';

/** Reading one config file and, depth first, the files it extends: one layer per file. */

export interface Layer {
  path: string;
  /** The file as messages name it. */
  display: string;
  /** Option values (osPackages' stage map already split into osPackages/buildOsPackages). */
  values: Record<string, unknown>;
  /** Option key → line and the key as written in the file. */
  where: Record<string, { line: number; key: string }>;
  pinLines: Record<string, number>;
  allowedBases?: { list: string[]; line: number };
  allowedRuntimes?: { list: string[]; line: number };
  lint?: LintConfig;
}

export interface ReadContext {
  cwd: string;
  validate: ValidateFunction;
  /** Files being read (real path and name in messages), outermost first, to find cycles. */
  stack: { id: string; display: string }[];
  seen: Set<string>;
  layers: Layer[];
  /**
   * Real path of the folder tree the file being read may extend into: the project (the
   * repository holding the config, else the config's folder), or the npm package it came from.
   */
  root: string;
}

/** The repository holding `dir` (the nearest folder with .git), else `dir` itself. */
export function projectRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return dir;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** An npm package name, optionally followed by a file inside it: @team/lambda-config/strict.yaml. */
const PACKAGE_SPEC = /^((?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*)(?:\/(.+))?$/;

/**
 * Where an `extends` entry leads. A path relative to the extending file must stay inside the
 * tree that file belongs to (its real path, so a link cannot lead out); otherwise the entry may
 * name an installed npm package (its lambda-image.yaml) or a file inside one, as shareable
 * ESLint configs do. Absolute paths and URLs are refused, and nothing outside is ever read.
 */
function extendedFile(value: string, from: string, ctx: ReadContext, where: string): { target: string; root: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^(?:file|https?|ftp|data|git|ssh):/i.test(value)) {
    throw new UsageError(`${where}: ${quote(value)} is a URL; extends takes a file inside the project or an installed npm package`);
  }
  if (isAbsolute(value) || /^[a-z]:[\\/]/i.test(value)) {
    throw new UsageError(`${where}: ${quote(value)} is an absolute path; extends takes a path relative to this file, inside the project, or an installed npm package`);
  }
  const target = resolve(dirname(from), value);
  const fileLike = value.startsWith('./index') || value.split(/[\\/]/).includes('..') || value === '.';
  if (fileLike || existsSync(target)) {
    const real = existsSync(target) ? realpathSync(target) : target;
    if (!isInside(ctx.root, resolve(realpathSync(dirname(from)), value)) || !isInside(ctx.root, real)) {
      throw new UsageError(`${where}: ${quote(value)} is outside the project (${show(ctx.cwd, ctx.root)}); extends takes a file inside it or an installed npm package`);
    }
    if (!existsSync(target)) throw new UsageError(`${where}: ${quote(value)} not found (${show(ctx.cwd, target)})`);
    return { target, root: ctx.root };
  }
  const spec = PACKAGE_SPEC.exec(value);
  const found = spec ? findPackage(spec[1]!, dirname(from)) : null;
  if (!spec || !found) throw new UsageError(`${where}: ${quote(value)} not found (${show(ctx.cwd, target)})`);
  const file = resolve(found, spec[2] ?? CONFIG_FILE);
  const root = realpathSync(found);
  if (!isInside(found, file) || (existsSync(file) && !isInside(root, realpathSync(file)))) {
    throw new UsageError(`${where}: ${quote(value)} leads outside the package ${spec[1]}`);
  }
  if (!existsSync(file)) throw new UsageError(`${where}: ${quote(value)}: the package ${spec[1]} has no ${spec[2] ?? CONFIG_FILE}`);
  return { target: file, root };
}

/** node_modules/<name> in `dir` or the nearest folder above it that has one, as Node finds packages. */
function findPackage(name: string, dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(d) === d) return null;
  }
}

/** Appends the file's extended layers (in order, depth first) and then the file itself. */
export async function readLayers(path: string, ctx: ReadContext): Promise<void> {
  const display = show(ctx.cwd, path);
  const parsed = parseFile(path, display);
  const data = parsed.data;
  const problems = schemaProblems(ctx.validate, data, parsed);
  if (problems.length === 0) problems.push(...semanticProblems(data, parsed));
  if (problems.length > 0) throw problemError(display, problems);

  // Files are compared by their real path, so a symlink cannot hide a cycle.
  const id = realpathSync(path);
  ctx.seen.add(id);
  const stack = [...ctx.stack, { id, display }];
  for (const entry of extendsEntries(data, parsed)) {
    const where = `${display}:${entry.line}: extends`;
    const { target, root } = extendedFile(entry.value, path, ctx, where);
    const targetId = realpathSync(target);
    const open = stack.findIndex((f) => f.id === targetId);
    if (open !== -1) {
      const cycle = [...stack.slice(open).map((f) => f.display), show(ctx.cwd, target)].join(' → ');
      throw new UsageError(`${where}: ${quote(entry.value)} makes a cycle: ${cycle}`);
    }
    if (statSync(target).isDirectory()) throw new UsageError(`${where}: ${quote(entry.value)} is a folder, not a config file`);
    if (ctx.seen.has(targetId)) continue; // Already merged through another path: once is enough.
    await readLayers(target, { ...ctx, stack, root });
  }
  ctx.layers.push(toLayer(path, display, data, parsed));
}

export function parseFile(path: string, display: string): ParsedFile {
  const text = readTextFile(path, display, { limit: MAX_CONFIG_FILE });
  const lines = new LineCounter();
  // yaml's own uniqueKeys check compares each key with every earlier one (quadratic in the
  // number of keys); duplicateKey() below does the same check with a set.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? 1;
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new UsageError(`${display}:${line}: not valid YAML: ${message}`);
  }
  const duplicate = duplicateKey(doc);
  if (duplicate) {
    throw new UsageError(`${display}:${lines.linePos(duplicate.range?.[0] ?? 0).line}: not valid YAML: map keys must be unique (${quote(String(duplicate.value))} is given twice)`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(`${display}: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`${display}:1: expected a map of keys to values (see docs/config.md)`);
  }
  return { doc, lines, data: data as Record<string, unknown> };
}

export function extendsEntries(data: Record<string, unknown>, file: ParsedFile): { value: string; line: number }[] {
  const value = data.extends;
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : (value as string[]);
  return list.map((entry, i) => ({
    value: entry,
    line: lineOf(file, typeof value === 'string' ? ['extends'] : ['extends', String(i)]),
  }));
}

export function toLayer(path: string, display: string, data: Record<string, unknown>, file: ParsedFile): Layer {
  const layer: Layer = { path, display, values: {}, where: {}, pinLines: {} };
  const set = (key: string, value: unknown, at: string[], written: string) => {
    layer.values[key] = value;
    layer.where[key] = { line: lineOf(file, at), key: written };
  };
  for (const spec of OPTION_SPECS) {
    if (!spec.config || !(spec.key in data)) continue;
    const value = data[spec.key];
    if (spec.key === 'osPackages' && isPlainObject(value)) {
      const stages = value as { build?: string[]; final?: string[] };
      if (stages.final) set('osPackages', stages.final, ['osPackages', 'final'], 'osPackages.final');
      if (stages.build) set('buildOsPackages', stages.build, ['osPackages', 'build'], 'osPackages.build');
      continue;
    }
    if (spec.key === 'registryMirror') {
      set(spec.key, (value as string).replace(/\/$/, ''), [spec.key], spec.key);
      continue;
    }
    set(spec.key, value, [spec.key], spec.key);
  }
  if (isPlainObject(data.pin)) {
    for (const ref of Object.keys(data.pin)) layer.pinLines[ref] = lineOf(file, ['pin', ref]);
  }
  if (Array.isArray(data.allowedBases)) {
    layer.allowedBases = { list: data.allowedBases as string[], line: lineOf(file, ['allowedBases']) };
  }
  if (Array.isArray(data.allowedRuntimes)) {
    layer.allowedRuntimes = {
      list: (data.allowedRuntimes as string[]).map((r) => normaliseRuntime(r)!),
      line: lineOf(file, ['allowedRuntimes']),
    };
  }
  if (isPlainObject(data.lint)) layer.lint = data.lint as LintConfig;
  return layer;
}

/** The first key that repeats an earlier key of the same map, in one pass over the document. */
function duplicateKey(doc: Document): Scalar | null {
  let found: Scalar | null = null;
  visit(doc, {
    Map(_, map) {
      const keys = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        // As toJS() would name it: 1 and "1" are the same key of the resulting object.
        const key = String(pair.key.value);
        if (keys.has(key)) {
          found = pair.key;
          return visit.BREAK;
        }
        keys.add(key);
      }
      return undefined;
    },
  });
  return found;
}
