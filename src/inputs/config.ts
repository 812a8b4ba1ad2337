import { existsSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { DockerfileParser } from 'dockerfile-ast';
import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { AWS_RUNTIMES, findAwsRuntime } from '../catalog';
import { findLanguageRuntime, languageRuntimeIds } from '../catalog/language-runtimes';
import { patternText, STAGES } from '../config-schema';
import { configValidator } from '../config-validator';
import { UsageError } from '../errors';
import { CONFIG_FILE, noConfig } from './config-file';
import { OPTION_SPECS, type Options } from '../options';
import { isImageRef, isLabelValue, isRegistryPrefix, quote } from '../validate';

/** Lint settings from the config's `lint:` section. */
export interface LintConfig {
  failureThreshold?: 'error' | 'warning' | 'info' | 'style' | 'none';
  ignored?: string[];
  override?: Partial<Record<'error' | 'warning' | 'info' | 'style', string[]>>;
  trustedRegistries?: string[];
}

/** Team policy after every layer narrowed it. */
export interface Policy {
  allowedBases?: string[];
  /** Normalised runtime ids (nodejs22, not nodejs22.x). */
  allowedRuntimes?: string[];
  /** The mirror a config file set; nothing later may change it. */
  registryMirror?: string;
  /** The file that set each policy key, for error messages. */
  sources: Record<string, string>;
}

export interface LoadedConfig {
  /** The config file read (project file or --config), or null. */
  path: string | null;
  /** Every file read, as messages name them, lowest precedence first (extended files, then the project file). */
  files: string[];
  /** Option values from the file and the files it extends, merged in precedence order. */
  values: Record<string, unknown>;
  /** "lambda-image.yaml:4: runtime" for a key the config set, else undefined. */
  origin: (key: string) => string | undefined;
  policy: Policy;
  lint?: LintConfig;
  /** Throws UsageError when resolved options break the policy (naming the policy's file). */
  checkPolicy: (options: Options, flagValues: Record<string, unknown>) => void;
  /** Writes option values to the config file (--save). */
  save: (values: Record<string, unknown>) => void;
}

export { CONFIG_FILE };

export interface LoadConfigOptions {
  /** Messages name files relative to this folder; without `explicit` the project file is looked for here. */
  cwd: string;
  /** --config FILE, relative to cwd. It must exist. */
  explicit?: string | undefined;
}

/**
 * Reads the project config (or --config) and every file it extends, validates each against the
 * schema and the catalog, and merges them: later files over earlier ones, a file over what it
 * extends. Policy keys only narrow. Any problem is one UsageError naming file, line and key.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const path = opts.explicit ? resolve(opts.cwd, opts.explicit) : resolve(opts.cwd, CONFIG_FILE);
  if (opts.explicit && !existsSync(path)) throw new UsageError(`--config ${opts.explicit}: no such file`);
  if (!existsSync(path)) return emptyConfig(opts.cwd, path);
  if (statSync(path).isDirectory()) throw new UsageError(`${show(opts.cwd, path)} is a folder, not a config file`);
  const validate = await configValidator();
  const layers: Layer[] = [];
  await readLayers(path, { cwd: opts.cwd, validate, stack: [], seen: new Set(), layers });
  return merge(opts.cwd, path, layers);
}

function emptyConfig(cwd: string, savePath: string): LoadedConfig {
  return noConfig((values) => saveValues(cwd, savePath, values, {}));
}

// ---------------------------------------------------------------------------------------------
// Reading one file

interface Layer {
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

interface ReadContext {
  cwd: string;
  validate: ValidateFunction;
  /** Files being read (real path and name in messages), outermost first, to find cycles. */
  stack: { id: string; display: string }[];
  seen: Set<string>;
  layers: Layer[];
}

/** Appends the file's extended layers (in order, depth first) and then the file itself. */
async function readLayers(path: string, ctx: ReadContext): Promise<void> {
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
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.value)) {
      throw new UsageError(`${where}: ${quote(entry.value)} is a URL; extends takes a file path`);
    }
    const target = resolve(dirname(path), entry.value);
    if (!existsSync(target)) throw new UsageError(`${where}: ${quote(entry.value)} not found (${show(ctx.cwd, target)})`);
    const targetId = realpathSync(target);
    const open = stack.findIndex((f) => f.id === targetId);
    if (open !== -1) {
      const cycle = [...stack.slice(open).map((f) => f.display), show(ctx.cwd, target)].join(' → ');
      throw new UsageError(`${where}: ${quote(entry.value)} makes a cycle: ${cycle}`);
    }
    if (statSync(target).isDirectory()) throw new UsageError(`${where}: ${quote(entry.value)} is a folder, not a config file`);
    if (ctx.seen.has(targetId)) continue; // Already merged through another path: once is enough.
    await readLayers(target, { ...ctx, stack });
  }
  ctx.layers.push(toLayer(path, display, data, parsed));
}

interface ParsedFile {
  doc: Document;
  lines: LineCounter;
  data: Record<string, unknown>;
}

function parseFile(path: string, display: string): ParsedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${display}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? 1;
    const message = (first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new UsageError(`${display}:${line}: not valid YAML: ${message}`);
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

function extendsEntries(data: Record<string, unknown>, file: ParsedFile): { value: string; line: number }[] {
  const value = data.extends;
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : (value as string[]);
  return list.map((entry, i) => ({
    value: entry,
    line: lineOf(file, typeof value === 'string' ? ['extends'] : ['extends', String(i)]),
  }));
}

function toLayer(path: string, display: string, data: Record<string, unknown>, file: ParsedFile): Layer {
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

// ---------------------------------------------------------------------------------------------
// Validation: the schema first, then what a schema cannot say (catalog ids, references, instructions)

interface Problem {
  line: number;
  message: string;
}

function problemError(display: string, problems: Problem[]): UsageError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const first = sorted[0]!;
  const more = sorted.length > 1 ? ` (and ${sorted.length - 1} more ${sorted.length === 2 ? 'problem' : 'problems'} in this file)` : '';
  return new UsageError(`${display}:${first.line}: ${first.message}${more}`);
}

function schemaProblems(validate: ValidateFunction, data: Record<string, unknown>, file: ParsedFile): Problem[] {
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
      const key = `${problem.line}\0${problem.message}`;
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
  }
  return problems;
}

function schemaProblem(error: ErrorObject, segs: string[], data: Record<string, unknown>, file: ParsedFile): Problem {
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
      const valid = Object.keys(parent?.properties ?? {});
      return {
        line: lineOf(file, [...segs, key]),
        message: `${showPath(data, [...segs, key])}: unknown key${unknownKeyHint(key, valid, segs.length === 0)}`,
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

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map',
  number: 'a number',
  integer: 'a whole number',
  null: 'nothing',
};

function typeMessage(types: string[], value: unknown): string {
  const expected = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  const hint = types.includes('string') && (typeof value === 'number' || typeof value === 'boolean') ? `; quote it: "${String(value)}"` : '';
  return `expected ${expected}, got ${showValue(value)}${hint}`;
}

function unknownKeyHint(key: string, valid: string[], topLevel: boolean): string {
  if (topLevel) {
    const spec = OPTION_SPECS.find((s) => s.key === key || s.flag === key);
    if (spec && !spec.config) return `; ${spec.flag ? `--${spec.flag}` : key} is a run setting, not a config key`;
    if (spec && spec.key !== key) return `; did you mean ${quote(spec.key)}?`;
  }
  const close = closest(key, valid);
  if (close) return `; did you mean ${quote(close)}?`;
  return `; valid keys: ${valid.join(', ')}`;
}

/** The valid key nearest to a mistyped one, if it is close enough to be a typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase().replace(/[-_]/g, ''), candidate.toLowerCase().replace(/[-_]/g, ''));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(Math.min(word.length, best.length) / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Every runtime id a config may name: AWS runtimes (and Lambda's aliases) and language runtimes. */
function runtimeIds(): string[] {
  return [...new Set([...AWS_RUNTIMES.map((r) => r.id), ...languageRuntimeIds()])];
}

function normaliseRuntime(id: string): string | undefined {
  return findAwsRuntime(id)?.id ?? findLanguageRuntime(id)?.id;
}

/** Instructions a team may add to a stage: never the ones that decide the image's identity. */
export const ALLOWED_INSTRUCTIONS = [
  'ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR',
] as const;

function semanticProblems(data: Record<string, unknown>, file: ParsedFile): Problem[] {
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

/** Why a team instruction cannot go into a stage as written, or null when it can. */
export function instructionProblem(text: string): string | null {
  if (/[\r\n]/.test(text)) return 'must be a single line (one instruction per entry)';
  if (/\\\s*$/.test(text)) return 'must not end with a line continuation (\\)';
  if (/(?:^|[^<])<<-?\s*["']?[A-Za-z_][\w]*/.test(text)) return 'must not use a heredoc (<<EOF)';
  const instructions = DockerfileParser.parse(text).getInstructions();
  if (instructions.length === 0) return `${quote(text)} is not a Dockerfile instruction`;
  if (instructions.length > 1) return 'must be exactly one Dockerfile instruction';
  const ins = instructions[0]!;
  const keyword = ins.getKeyword().toUpperCase();
  const allowed = `; use one of ${ALLOWED_INSTRUCTIONS.join(', ')}`;
  if (!(ALLOWED_INSTRUCTIONS as readonly string[]).includes(keyword)) {
    return ['FROM', 'ENTRYPOINT', 'CMD', 'USER'].includes(keyword)
      ? `${keyword} is not allowed: the generator owns the stage's base, entrypoint, command and user${allowed}`
      : `${quote(ins.getKeyword())} is not an allowed Dockerfile instruction${allowed}`;
  }
  if (ins.getArguments().length === 0) return `${keyword} needs arguments`;
  if (keyword === 'ONBUILD') {
    const trigger = (ins as unknown as { getTrigger(): string | null }).getTrigger()?.toUpperCase() ?? '';
    if (!(ALLOWED_INSTRUCTIONS as readonly string[]).includes(trigger) || trigger === 'ONBUILD') {
      return `ONBUILD ${trigger || '(nothing)'} is not allowed${allowed}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Merging layers

function merge(cwd: string, path: string, layers: Layer[]): LoadedConfig {
  const values: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  const policy: Policy = { sources: {} };
  const pins: Record<string, { value: unknown; at: string }> = {};
  let mirror: { value: string; at: string; display: string } | undefined;
  let lint: LintConfig | undefined;

  for (const layer of layers) {
    const at = (key: string) => `${layer.display}:${layer.where[key]!.line}`;
    for (const [key, value] of Object.entries(layer.values)) {
      switch (key) {
        case 'registryMirror': {
          const mirrorValue = value as string;
          if (mirror && mirror.value !== mirrorValue) {
            throw new UsageError(
              `${at(key)}: registryMirror: ${quote(mirrorValue)} cannot replace the registry mirror set by ${mirror.at} (${mirror.value}); a later file cannot change it`,
            );
          }
          mirror ??= { value: mirrorValue, at: at(key), display: layer.display };
          values[key] = mirrorValue;
          break;
        }
        case 'pin': {
          const merged = { ...((values.pin as Record<string, unknown> | undefined) ?? {}) };
          for (const [ref, digest] of Object.entries(value as Record<string, unknown>)) {
            const earlier = pins[ref];
            const here = `${layer.display}:${layer.pinLines[ref]}`;
            if (earlier && !deepEqual(earlier.value, digest)) {
              throw new UsageError(`${here}: pin[${quote(ref)}]: cannot change the digest pinned by ${earlier.at}; a later file may only pin other references`);
            }
            pins[ref] ??= { value: digest, at: here };
            merged[ref] = digest;
          }
          values.pin = merged;
          break;
        }
        case 'labels':
          values.labels = { ...((values.labels as Record<string, string> | undefined) ?? {}), ...(value as Record<string, string>) };
          break;
        case 'instructions': {
          const merged: Record<string, string[]> = { ...((values.instructions as Record<string, string[]> | undefined) ?? {}) };
          for (const [stage, lines] of Object.entries(value as Record<string, string[]>)) merged[stage] = [...(merged[stage] ?? []), ...lines];
          values.instructions = merged;
          break;
        }
        default:
          values[key] = value;
      }
      origins[key] = `${at(key)}: ${layer.where[key]!.key}`;
    }
    for (const key of ['allowedBases', 'allowedRuntimes'] as const) {
      const mine = layer[key];
      if (!mine) continue;
      const earlier = policy[key];
      if (earlier) {
        const wider = mine.list.filter((x) => !earlier.includes(x));
        if (wider.length > 0) {
          throw new UsageError(
            `${layer.display}:${mine.line}: ${key}: ${wider.join(', ')} ${wider.length === 1 ? 'is' : 'are'} not allowed by ${policy.sources[key]} (${key}: ${earlier.join(', ')}); a later file can only narrow the list`,
          );
        }
      }
      policy[key] = [...new Set(mine.list)];
      policy.sources[key] = layer.display;
    }
    if (layer.lint) lint = mergeLint(lint, layer.lint);
  }
  if (mirror) {
    policy.registryMirror = mirror.value;
    policy.sources.registryMirror = mirror.display;
  }
  for (const [ref, pin] of Object.entries(pins)) policy.sources[`pin:${ref}`] = pin.at;

  const checkPolicy = (options: Options, flagValues: Record<string, unknown>) => {
    const came = (key: string, flag: string) => (key in flagValues ? flag : origins[key]?.replace(/: \S+$/, '') ?? 'a prompt or the default');
    if (mirror) {
      const given = flagValues.registryMirror;
      const normalised = typeof given === 'string' ? given.replace(/\/$/, '') : undefined;
      if ((normalised !== undefined && normalised !== mirror.value) || options.registryMirror !== mirror.value) {
        throw new UsageError(
          `--registry-mirror ${quote(String(given ?? options.registryMirror ?? ''))}: the registry mirror is set by ${mirror.at} (registryMirror: ${mirror.value}) and cannot be changed`,
        );
      }
    }
    if (policy.allowedBases && !policy.allowedBases.includes(options.base)) {
      throw new UsageError(
        `base ${options.base} is not allowed by ${policy.sources.allowedBases} (allowedBases: ${policy.allowedBases.join(', ')}); set by ${came('base', '--base')}`,
      );
    }
    if (policy.allowedRuntimes && !policy.allowedRuntimes.includes(options.runtime)) {
      throw new UsageError(
        `runtime ${options.runtime} is not allowed by ${policy.sources.allowedRuntimes} (allowedRuntimes: ${policy.allowedRuntimes.join(', ')}); set by ${came('runtime', '--runtime')}`,
      );
    }
    for (const [ref, pin] of Object.entries(pins)) {
      if (!deepEqual(options.pin[ref], pin.value)) throw new UsageError(`pin[${quote(ref)}]: the digest pinned by ${pin.at} cannot be changed`);
    }
  };

  return {
    path,
    files: layers.map((l) => l.display),
    values,
    origin: (key) => origins[key],
    policy,
    ...(lint ? { lint } : {}),
    checkPolicy,
    save: (saved) => saveValues(cwd, path, saved, values),
  };
}

/** A later file's threshold replaces; ignored rules add up; a rule's latest override wins. */
function mergeLint(earlier: LintConfig | undefined, later: LintConfig): LintConfig {
  const out: LintConfig = { ...earlier };
  if (later.failureThreshold) out.failureThreshold = later.failureThreshold;
  if (later.trustedRegistries) out.trustedRegistries = [...later.trustedRegistries];
  if (later.ignored) out.ignored = [...new Set([...(earlier?.ignored ?? []), ...later.ignored])];
  if (later.override) {
    const levels = new Map<string, string>();
    for (const source of [earlier?.override, later.override]) {
      for (const [level, rules] of Object.entries(source ?? {})) for (const rule of rules ?? []) levels.set(rule, level);
    }
    const override: NonNullable<LintConfig['override']> = {};
    for (const [rule, level] of levels) (override[level as keyof typeof override] ??= []).push(rule);
    out.override = override;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// --save

/**
 * Writes the run's answers to the project config: option keys only, in OPTION_SPECS order, and
 * only values the config files do not already give. An existing file keeps its comments, its
 * other keys and the stage-map form of osPackages.
 */
function saveValues(cwd: string, path: string, values: Record<string, unknown>, fromConfig: Record<string, unknown>): void {
  const order = OPTION_SPECS.filter((s) => s.config).map((s) => s.key);
  const changed = order.filter((key) => values[key] !== undefined && !deepEqual(values[key], fromConfig[key]));
  const exists = existsSync(path);
  if (exists && changed.length === 0) return;
  const display = show(cwd, path);
  let doc: Document;
  if (exists) {
    doc = parseDocument(readFileSync(path, 'utf8'), { uniqueKeys: true });
    if (doc.errors.length > 0) throw new UsageError(`${display}: not valid YAML; nothing was saved`);
  } else {
    doc = new Document({});
    doc.commentBefore = ' create-lambda-image options; see docs/config.md for the keys';
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) throw new UsageError(`${display}: expected a map of keys to values; nothing was saved`);
  const map = doc.contents as YAMLMap;
  const keyOf = (node: unknown) => (isScalar(node) ? String(node.value) : undefined);
  const stageMap = map.get('osPackages', true);

  for (const key of changed) {
    const value = values[key];
    if ((key === 'osPackages' || key === 'buildOsPackages') && isMap(stageMap)) {
      stageMap.set(key === 'osPackages' ? 'final' : 'build', doc.createNode(value));
      continue;
    }
    const pair = map.items.find((p) => keyOf(p.key) === key);
    if (pair) {
      if (isScalar(pair.value) && (value === null || typeof value !== 'object')) pair.value.value = value;
      else pair.value = doc.createNode(value);
      continue;
    }
    // After the last option key that comes earlier in OPTION_SPECS, else before the first later one.
    const rank = order.indexOf(key);
    const ranks = map.items.map((p) => order.indexOf(keyOf(p.key) ?? ''));
    const after = ranks.findLastIndex((r) => r !== -1 && r < rank);
    const before = ranks.findIndex((r) => r > rank);
    const at = after !== -1 ? after + 1 : before !== -1 ? before : map.items.length;
    map.items.splice(at, 0, doc.createPair(key, value));
  }
  const temp = join(dirname(path), `.${CONFIG_FILE}.${process.pid}.tmp`);
  writeFileSync(temp, doc.toString());
  renameSync(temp, path);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A file as messages name it: relative to the cwd when that is shorter. */
function show(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || isAbsolute(rel) || rel.length > path.length ? path : rel;
}

function pointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `labels["org.opencontainers.image.source"]`, `instructions.final[0]`. */
function showPath(data: unknown, segs: readonly string[]): string {
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

/** The 1-based line of the node at a path: the key's line for a map entry, the item's for a list item. */
function lineOf(file: ParsedFile, segs: readonly string[]): number {
  let node: unknown = file.doc.contents;
  let line = 1;
  const lineAt = (n: unknown) => {
    const range = (n as YamlNode | null)?.range;
    return range ? file.lines.linePos(range[0]).line : undefined;
  };
  for (const seg of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : undefined) === seg);
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

function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}
