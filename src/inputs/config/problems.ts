import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { AWS_RUNTIMES, findAwsRuntime } from '../../catalog';
import { findLanguageRuntime, languageRuntimeIds } from '../../catalog/language-runtimes';
import { patternText, STAGES } from './schema';
import { UsageError } from '../../shared/errors';
import { instructionProblem } from '../../options/instructions';
import { closest } from '../../shared/suggest';
import { OPTION_SPECS } from '../../options';
import { isImageRef, isLabelValue, isRegistryPrefix } from '../../options/validate';
import { quote } from '../../shared/quote';
import type { ParsedFile } from './types';
import { isPlainObject } from './util';

/**
 * Validation of one config file: the JSON Schema first, then what a schema cannot say (catalog
 * ids, references, instructions); every problem names its file, line and key.
 */

export interface Problem {
  line: number;
  message: string;
}

export function problemError(display: string, problems: Problem[]): UsageError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const first = sorted[0]!;
  const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more ${sorted.length === 2 ? 'problem' : 'problems'} in this file)` : '';
  return new UsageError(`${display}:${first.line}: ${first.message}${more}`);
}

export function schemaProblems(validate: ValidateFunction, data: Record<string, unknown>, file: ParsedFile): Problem[] {
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'propertyNames');
  // Group by top-level key; in each keep the most specific errors (deepest, then most telling).
  const groups = new Map<string, { error: ErrorObject; segs: string[]; depth: number; rank: number }[]>();
  for (const error of errors) {
    const segs = pointer(error.instancePath);
    const child = error.keyword === 'additionalProperties' || error.propertyName !== undefined;
    const rank = error.keyword === 'oneOf' || error.keyword === 'anyOf' ? 0 : error.keyword === 'type' ? 1 : 2;
    const group = segs[0] ?? (error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : '');
    const list = groups.get(group) ?? [];
    list.push({ error, segs, depth: segs.length + (child ? 1 : 0), rank });
    groups.set(group, list);
  }
  const problems: Problem[] = [];
  for (const list of groups.values()) {
    const depth = Math.max(...list.map((e) => e.depth));
    const deepest = list.filter((e) => e.depth === depth);
    const rank = Math.max(...deepest.map((e) => e.rank));
    const best = deepest.filter((e) => e.rank === rank);
    if (rank === 1) {
      // Several branches wanted different types: say them all at once.
      const byPath = new Map<string, typeof best>();
      for (const e of best) byPath.set(e.error.instancePath, [...(byPath.get(e.error.instancePath) ?? []), e]);
      for (const same of byPath.values()) {
        const types = [...new Set(same.map((e) => String(e.error.params.type)))];
        const segs = same[0]!.segs;
        problems.push({ line: lineOf(file, segs), message: `${showPath(data, segs)}: ${typeMessage(types, same[0]!.error.data)}` });
      }
      continue;
    }
    const seen = new Set<string>();
    for (const { error, segs } of best) {
      const problem = schemaProblem(error, segs, data, file);
      // An unknown key is one problem per key; others may repeat in different words.
      const key = error.keyword === 'additionalProperties'
        ? `${error.instancePath}\0${String(error.params.additionalProperty)}`
        : `${problem.line}\0${problem.message}`;
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
  }
  return problems;
}

export function schemaProblem(error: ErrorObject, segs: string[], data: Record<string, unknown>, file: ParsedFile): Problem {
  const here = () => showPath(data, segs);
  const value = error.data;
  if (error.propertyName !== undefined) {
    const text = error.keyword === 'pattern' ? patternText(String(error.params.pattern)) : undefined;
    return {
      line: lineOf(file, [...segs, error.propertyName]),
      message: `${here()}: ${quote(error.propertyName)} is not ${text ?? 'a valid key'}`,
    };
  }
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      // Built only when shown: a file with thousands of unknown keys shows one of them.
      let message: string | undefined;
      return {
        line: lineOf(file, [...segs, key]),
        get message() {
          const valid = Object.keys(parent?.properties ?? {});
          return (message ??= `${showPath(data, [...segs, key])}: unknown key${unknownKeyHint(key, valid, segs.length === 0)}`);
        },
      };
    }
    case 'enum':
      return {
        line: lineOf(file, segs),
        message: `${here()}: ${showValue(value)} is not one of ${(error.params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'pattern': {
      const text = patternText(String(error.params.pattern)) ?? `text matching ${String(error.params.pattern)}`;
      return { line: lineOf(file, segs), message: `${here()}: ${showValue(value)} is not ${text}` };
    }
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return { line: lineOf(file, segs), message: `${here()}: must not be empty` };
    case 'uniqueItems': {
      const j = Number(error.params.j);
      return { line: lineOf(file, [...segs, String(j)]), message: `${here()}: lists ${showValue((value as unknown[])[j])} twice` };
    }
    case 'oneOf':
    case 'anyOf':
      return { line: lineOf(file, segs), message: `${here()}: has the wrong shape (see docs/config.md)` };
    default:
      return { line: lineOf(file, segs), message: `${here()}: ${error.message ?? 'is not valid'}` };
  }
}

export const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
  number: 'a number',
  integer: 'a whole number',
  null: 'nothing',
};

export function typeMessage(types: string[], value: unknown): string {
  const expected = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  const hint = types.includes('string') && (typeof value === 'number' || typeof value === 'boolean') ? `; quote it: "${String(value)}"` : '';
  return `expected ${expected}, got ${showValue(value)}${hint}`;
}

export function unknownKeyHint(key: string, valid: string[], topLevel: boolean): string {
  if (topLevel) {
    const spec = OPTION_SPECS.find((s) => s.key === key || s.flag === key);
    if (spec && spec.run) return `; ${spec.flag ? `--${spec.flag}` : key} is a run setting, not a config key`;
    if (spec && spec.key !== key) return `; did you mean ${quote(spec.key)}?`;
  }
  const close = closest(key, valid);
  if (close) return `; did you mean ${quote(close)}?`;
  return `; valid keys: ${valid.join(', ')}`;
}

/** Every runtime id a config may name: AWS runtimes (and Lambda's aliases) and language runtimes. */
export function runtimeIds(): string[] {
  return [...new Set([...AWS_RUNTIMES.map((r) => r.id), ...languageRuntimeIds()])];
}

export function normaliseRuntime(id: string): string | undefined {
  return findAwsRuntime(id)?.id ?? findLanguageRuntime(id)?.id;
}

export function semanticProblems(data: Record<string, unknown>, file: ParsedFile): Problem[] {
  const problems: Problem[] = [];
  const add = (segs: string[], message: string) =>
    problems.push({ line: lineOf(file, segs), message: `${showPath(data, segs)}: ${message}` });

  if (typeof data.runtime === 'string' && !normaliseRuntime(data.runtime)) {
    add(['runtime'], `${quote(data.runtime)} is not a runtime; choose one of: ${runtimeIds().join(', ')}`);
  }
  if (Array.isArray(data.allowedRuntimes)) {
    (data.allowedRuntimes as string[]).forEach((id, i) => {
      if (!normaliseRuntime(id)) add(['allowedRuntimes', String(i)], `${quote(id)} is not a runtime; choose from: ${runtimeIds().join(', ')}`);
    });
  }
  for (const key of ['image', 'syntax'] as const) {
    const value = data[key];
    if (typeof value === 'string' && !isImageRef(value)) add([key], `${quote(value)} is not an image reference (registry/name:tag[@sha256:digest])`);
  }
  if (typeof data.registryMirror === 'string' && !isRegistryPrefix(data.registryMirror.replace(/\/$/, ''))) {
    add(['registryMirror'], `${quote(data.registryMirror)} is not a registry prefix (host[:port][/path])`);
  }
  if (isPlainObject(data.pin)) {
    for (const ref of Object.keys(data.pin)) {
      if (!isImageRef(ref) || ref.includes('@')) {
        add(['pin', ref], `${quote(ref)} is not an image reference without a digest (registry/name:tag)`);
      }
    }
  }
  if (isPlainObject(data.labels)) {
    for (const [key, value] of Object.entries(data.labels)) {
      if (typeof value === 'string' && !isLabelValue(value)) add(['labels', key], 'the value must be text without quotes, backslashes, $ or line breaks');
    }
  }
  if (isPlainObject(data.osPackages) && 'buildOsPackages' in data) {
    add(['buildOsPackages'], 'give build-stage packages once: either osPackages.build or buildOsPackages');
  }
  if (isPlainObject(data.instructions)) {
    for (const stage of STAGES) {
      const lines = (data.instructions as Record<string, string[] | undefined>)[stage] ?? [];
      lines.forEach((text, i) => {
        const problem = instructionProblem(text);
        if (problem) add(['instructions', stage, String(i)], problem);
      });
    }
  }
  return problems;
}

export function pointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `labels["org.opencontainers.image.source"]`, `instructions.final[0]`. */
export function showPath(data: unknown, segs: readonly string[]): string {
  let out = '';
  let cur: unknown = data;
  for (const seg of segs) {
    if (Array.isArray(cur)) out += `[${seg}]`;
    else if (out === '' && /^[\w$.-]+$/.test(seg)) out = seg;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += `.${seg}`;
    else out += `[${quote(seg)}]`;
    cur = isPlainObject(cur) || Array.isArray(cur) ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return out === '' ? '(top level)' : out;
}

/** Each map's pairs by key, built once: a file with many problems looks up many keys. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name !== undefined && !index.has(name)) index.set(name, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** The 1-based line of the node at a path: the key's line for a map entry, the item's for a list item. */
export function lineOf(file: ParsedFile, segs: readonly string[]): number {
  let node: unknown = file.doc.contents;
  let line = 1;
  const lineAt = (n: unknown) => {
    const range = (n as YamlNode | null)?.range;
    return range ? file.lines.linePos(range[0]).line : undefined;
  };
  for (const seg of segs) {
    if (isMap(node)) {
      const pair = pairOf(node as YAMLMap, seg);
      if (!pair) return line;
      line = lineAt(pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return line;
      line = lineAt(item) ?? line;
      node = item;
    } else {
      return line;
    }
  }
  return line;
}

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}
