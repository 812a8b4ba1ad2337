/**
 * Questions for whatever flags and config left open, on a terminal only (create.ts decides).
 * Every choice comes from the option schema (OPTION_SPECS and its lists) and the catalog, never
 * from a list kept here. The prompt functions sit behind the small `Ask` interface so tests can
 * answer by key, and the real one (@inquirer/prompts) reads io.stdin and writes io.stdout.
 *
 * Ctrl-C: @inquirer rejects with ExitPromptError; `cancellable` (the one place) turns it into
 * CancelledError, which the CLI prints as "Cancelled", exit 130. Nothing is written before then.
 */
import confirm from '@inquirer/confirm';
import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import {
  AWS_RUNTIMES,
  FAMILIES,
  LANGUAGES,
  findAwsRuntime,
  osOnlyBase,
  scheduleStatus,
  type Arch,
  type FamilyId,
  type Language,
  type OsId,
  type Schedule,
} from '../catalog';
import { recogniseImage } from '../catalog/images';
import { findLanguageRuntime, languageSchedule } from '../catalog/language-runtimes';
import { ricFor } from '../catalog/rics';
import { CancelledError, UsageError } from '../shared/errors';
import type { Io } from '../shared/io';
import { recogniseBase } from '../catalog/bases';
import { imageTarget, osOnlyTarget, type TargetResult } from '../catalog/targets';
import { ARCHES, BASE_KINDS, BUILD_TOOLS, defaultOf, FAMILY_IDS, OPTION_SPECS, OS_IDS, specByKey, type BaseKind, type OptionModel, type OptionSpec } from '../options';
import { runtimeChoices } from '../options/resolve';
import { projectName, isImageRef, isSafePath, isSafeText } from '../options/validate';
import { quote } from '../shared/quote';
import type { Policy } from './config';
import { createCommand } from './package-manager';
import { describeDetected, detectedValues, type Detected } from './detect';
import { createStyle, PLAIN, type Style } from '../shared/style';

// ---------------------------------------------------------------------------------------------
// The prompt interface

export interface Choice<T extends string = string> {
  value: T;
  /** The line shown in the list. */
  name: string;
  /** Shown under the list while the choice is highlighted. */
  description?: string;
  /** Shown after the question once answered; defaults to the value. */
  short?: string;
  /** Shown but not selectable, with this reason. */
  disabled?: string;
  /** Listed only when a search term matches it (a runtime another base provides). */
  searchOnly?: boolean;
}

interface Question {
  /** The option key asked for (`runtime`, `arch`, …): what a test answers by. */
  key: string;
  message: string;
}

export interface TextQuestion extends Question {
  default?: string;
  /** true, or the message to show. */
  validate?: (value: string) => true | string;
}

export interface ChoiceQuestion<T extends string = string> extends Question {
  choices: readonly Choice<T>[];
  default?: T;
}

export interface ConfirmQuestion extends Question {
  default: boolean;
}

/** The four prompt kinds the flow needs; `inquirerAsk` is the real one. */
export interface Ask {
  text(q: TextQuestion): Promise<string>;
  select<T extends string>(q: ChoiceQuestion<T>): Promise<T>;
  /** A list with type-to-filter (see `filterChoices`). */
  search<T extends string>(q: ChoiceQuestion<T>): Promise<T>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
}

export interface PromptContext {
  io: Io;
  today: Date;
  /** Pre-selected architecture in prompts only; non-interactive runs default to x86_64. */
  hostArch: Arch;
  policy: Policy;
  /** Substitute prompts (tests); defaults to @inquirer/prompts on io.stdin/io.stdout. */
  ask?: Ask;
  /** Colours and symbols; defaults to what io.stdout and io.env support. */
  style?: Style;
  /** Reads a chosen folder's existing code, whose findings become the defaults. */
  detect?: (dir: string) => Detected | undefined;
  /** The options to ask for (default: the real model). */
  model?: OptionModel;
}

export type ConflictChoice = { action: 'overwrite' } | { action: 'cancel' } | { action: 'other'; dir: string };

// ---------------------------------------------------------------------------------------------
// Cancellation: the one place ExitPromptError is caught

/** @inquirer/core's ExitPromptError (Ctrl-C, or the process being closed), matched by name so
 * that no second copy of @inquirer/core (or a direct dependency on it) is needed. */
export function isExitPromptError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

async function cancellable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isExitPromptError(error)) throw new CancelledError();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The real prompts

/**
 * A writable that forwards to `out` but is never ended by it: each @inquirer prompt pipes its
 * output through a stream it ends when done, which would otherwise end io.stdout after the
 * first question (process.stdout is exempt, a PassThrough in tests is not).
 */
function forwardTo(out: Io['stdout']): Writable {
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      out.write(chunk);
      callback();
    },
  });
  Object.defineProperties(stream, {
    isTTY: { get: () => out.isTTY },
    columns: { get: () => out.columns },
    rows: { get: () => (out as { rows?: number }).rows },
  });
  return stream;
}

/** @inquirer's theme, in our colours and symbols (so NO_COLOR and FORCE_COLOR hold from io.env). */
function inquirerTheme(s: Style, moreKeys: [string, string][] = []) {
  const key = (k: string) => (k === '↑↓' ? s.symbols.upDown : k === '⏎' ? s.symbols.enter : k);
  return {
    prefix: { idle: s.blue('?'), done: s.green(s.symbols.tick) },
    spinner: {
      interval: 80,
      frames: (s.unicode ? ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] : ['-', '\\', '|', '/']).map((f) => s.yellow(f)),
    },
    icon: { cursor: s.symbols.pointer },
    style: {
      answer: s.cyan,
      message: (text: string) => s.bold(text),
      error: (text: string) => s.red(`> ${text}`),
      defaultAnswer: (text: string) => s.dim(`(${text})`),
      help: s.dim,
      highlight: s.cyan,
      key: (text: string) => s.cyan(s.bold(`<${text}>`)),
      disabled: (text: string) => s.dim(`- ${text}`),
      description: s.dim,
      searchTerm: s.cyan,
      keysHelpTip: (keys: [string, string][]) => [...keys, ...moreKeys].map(([k, action]) => `${s.bold(key(k))} ${s.dim(action)}`).join(s.dim(' · ')),
    },
  };
}

/** The real prompts on io's streams. */
export function inquirerAsk(io: Pick<Io, 'stdin' | 'stdout'>, style: Style): Ask {
  const context = () => ({ input: io.stdin, output: forwardTo(io.stdout) });
  const theme = inquirerTheme(style);
  const searchTheme = inquirerTheme(style, [['type', 'to filter']]);
  const toInquirer = <T extends string>(choices: readonly Choice<T>[]) =>
    choices.map((c) => ({
      value: c.value,
      name: c.name,
      short: c.short ?? c.value,
      ...(c.description ? { description: c.description } : {}),
      ...(c.disabled ? { disabled: c.disabled } : {}),
    }));
  return {
    text: (q) =>
      input(
        { message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), ...(q.validate ? { validate: q.validate } : {}), theme },
        context(),
      ),
    select: (q) =>
      select(
        { message: q.message, choices: toInquirer(q.choices), ...(q.default !== undefined ? { default: q.default } : {}), loop: false, theme },
        context(),
      ),
    search: <T extends string>(q: ChoiceQuestion<T>) => {
      const all = toInquirer(q.choices);
      return search<T>(
        {
          message: q.message,
          source: (term) => {
            const found = filterChoices(q.choices, term);
            if (found.length > 0) return found.map((c) => all.find((x) => x.value === c.value)!);
            // Never a dead end: say nothing matched and keep every choice on offer.
            const none = { value: '' as T, name: `nothing matches "${term ?? ''}"; all choices:`, disabled: ' ' };
            return [none, ...filterChoices(q.choices, '').map((c) => all.find((x) => x.value === c.value)!)];
          },
          pageSize: 10,
          theme: searchTheme,
        },
        context(),
      );
    },
    confirm: (q) => confirm({ message: q.message, default: q.default, theme }, context()),
  };
}

/** Search terms that should find a language by a name users type. */
const LANGUAGE_ALIASES: Partial<Record<Language, string>> = {
  nodejs: 'node js javascript typescript ts',
  python: 'py',
  dotnet: '.net net c# csharp',
  ruby: 'rb',
  go: 'golang',
  rust: 'rs cargo',
  custom: 'shell bash bootstrap provided',
};

interface RuntimeWords {
  /** Words a term should start (the id, the language, its title). */
  names: string[];
  /** Every name joined to the version, with and without dots: node22, py313, python3.13. */
  compact: string[];
  /** The same for the language's own names only (not aliases): a prefix of these fits well. */
  ownCompact: string[];
  /** Everything searchable, aliases included. */
  hay: string;
}

function runtimeWords(id: string): RuntimeWords {
  const aws = findAwsRuntime(id);
  const other = aws ? undefined : findLanguageRuntime(id);
  const language = aws?.language ?? other?.language;
  if (!language) return { names: [id.toLowerCase()], compact: [], ownCompact: [], hay: id.toLowerCase() };
  const version = aws?.languageVersion ?? other?.version ?? '';
  const title = LANGUAGES[language].title.toLowerCase();
  const aliases = (LANGUAGE_ALIASES[language] ?? '').split(' ').filter(Boolean);
  const names = [id.toLowerCase(), aws?.lambdaId ?? id, language, title, title.replace(/[^a-z0-9#]/g, '')];
  const join = (list: string[]) => (version ? list.flatMap((n) => [`${n}${version}`, `${n}${version.replace(/\./g, '')}`]) : []);
  const ownCompact = join(names.slice(2));
  const compact = [...ownCompact, ...join(aliases)];
  return { names, compact, ownCompact, hay: [...names, version, ...aliases, ...compact].join(' ') };
}

/** How well one typed word fits: 0 exact, 1 a prefix of a name, 2 anywhere; undefined: no match. */
function wordRank(word: string, w: RuntimeWords): number | undefined {
  if (w.names[0] === word || w.names[1] === word || w.compact.includes(word)) return 0;
  if (w.names.some((n) => n.startsWith(word)) || w.ownCompact.some((c) => c.startsWith(word))) return 1;
  return w.hay.includes(word) ? 2 : undefined;
}

/**
 * Type-to-filter: every word of the term must appear in the choice's value or its keywords
 * (case-insensitive; for runtimes: language, its title, aliases, version, and the two joined, so
 * `node22` and `py313` work). Better fits come first: `java` lists Java before Node.js, which
 * only matches it through the alias "javascript". Dates and notes in the visible line are left
 * out so "node 22" cannot match a date. An empty term keeps all in order, except `searchOnly`
 * choices, which appear only when typed for.
 */
export function filterChoices<T extends string>(choices: readonly Choice<T>[], term: string | undefined): Choice<T>[] {
  const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return choices.filter((c) => !c.searchOnly);
  const ranked: { choice: Choice<T>; rank: number; index: number }[] = [];
  choices.forEach((choice, index) => {
    const w = runtimeWords(choice.value);
    let rank = 0;
    for (const word of words) {
      const r = wordRank(word, w);
      if (r === undefined) return;
      rank += r;
    }
    ranked.push({ choice, rank: rank + (choice.searchOnly ? 10 : 0), index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.choice);
}

// ---------------------------------------------------------------------------------------------
// Choices, from the schema and the catalog

/** Team policy lists hold normalised ids (nodejs22, aws); a runtime may also match by its Lambda id. */
export function policyAllows(list: readonly string[] | undefined, ...ids: string[]): boolean {
  return !list || ids.some((id) => list.includes(id));
}

const BASE_TEXT: Record<BaseKind, { title: string; when: string }> = {
  aws: { title: 'AWS runtime image', when: 'the runtime is built in; the usual choice' },
  'os-only': { title: 'AWS OS-only image', when: 'provided:al2023, for Go, Rust or your own runtime' },
  image: { title: 'Another image', when: 'Debian, Alpine or a company base, plus the runtime client' },
};

/** The runtime's language on a base kind, or undefined when the base does not offer it. */
export function runtimeLanguage(base: string, runtime: string): Language | undefined {
  if (base === 'aws') return findAwsRuntime(runtime)?.language;
  if (base === 'os-only' || base === 'image') return findLanguageRuntime(runtime)?.language;
  return undefined;
}

interface Mark {
  hidden: boolean;
  text?: string;
}

function scheduleMark(schedule: Schedule, today: Date, allowDeprecated: boolean, s: Style): Mark {
  const status = scheduleStatus(schedule, today);
  if (status.state === 'deprecated') {
    return allowDeprecated ? { hidden: false, text: s.red(`deprecated since ${schedule.deprecation}`) } : { hidden: true };
  }
  if (status.state === 'soon') return { hidden: false, text: s.yellow(`deprecation ${schedule.deprecation}`) };
  return { hidden: false };
}

function pad(rows: [string, string | undefined][]): string[] {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => (b ? `${a.padEnd(width)}  ${b}` : a));
}

/** What the catalog can build for a runtime on an OS-only base (os defaults to al2023). */
export function osOnlyFits(runtime: string, os: OsId = 'al2023', arch: Arch = 'x86_64'): TargetResult {
  return osOnlyTarget(os, runtime, arch);
}

/**
 * What the catalog can build for a runtime on an image base: with the image (and family) given, or
 * with an official image of some family when not. An image whose family is not certain works
 * when any family would.
 */
export function imageFits(runtime: string, image: string | undefined, family: FamilyId | undefined, arch: Arch = 'x86_64'): TargetResult {
  const request = { runtime, arch, ...(image ? { image } : {}) };
  if (family || (image && recogniseImage(image).wellKnown)) return imageTarget({ ...request, ...(family ? { family } : {}) });
  const results = FAMILY_IDS.map((f) => imageTarget({ ...request, family: f }));
  return results.find((r) => r.ok) ?? (image ? { ok: false, reason: `${runtime} cannot be set up on ${image} whatever its OS family; choose another image, or leave it blank for the official one` } : results[0]!);
}

export interface RuntimeOptionsOptions {
  allowDeprecated?: boolean;
  style?: Style;
  /** Only runtimes the chosen base can provide (default: all the catalog lists for the kind). */
  fits?: (runtime: string) => boolean;
}

/** Runtimes offered on a base: deprecated hidden (shown marked with allowDeprecated), soon marked. */
export function runtimeOptions(base: BaseKind, today: Date, policy: Policy, opts: RuntimeOptionsOptions = {}): Choice[] {
  const { allowDeprecated = false, style: s = PLAIN, fits = () => true } = opts;
  const ids = base === 'aws' && allowDeprecated ? AWS_RUNTIMES.map((r) => r.id) : runtimeChoices(base, today);
  const rows: { id: string; label: string; mark?: string; description: string }[] = [];
  for (const id of ids) {
    if (!fits(id)) continue;
    if (base === 'aws') {
      const r = findAwsRuntime(id);
      if (!r || !policyAllows(policy.allowedRuntimes, r.id, r.lambdaId)) continue;
      const mark = scheduleMark(r, today, allowDeprecated, s);
      if (mark.hidden) continue;
      const os = FAMILIES.find((f) => f.id === r.os)?.title ?? r.os;
      rows.push({
        id: r.id,
        label: `${LANGUAGES[r.language].title} ${r.languageVersion}${r.os === 'al2' ? ' on Amazon Linux 2' : ''}`,
        ...(mark.text ? { mark: mark.text } : {}),
        description: `${r.image}:${r.tag} · ${os} · deprecation ${r.deprecation}`,
      });
    } else {
      const r = findLanguageRuntime(id);
      if (!r || !policyAllows(policy.allowedRuntimes, r.id)) continue;
      const schedule = languageSchedule(r);
      const mark = schedule ? scheduleMark(schedule, today, allowDeprecated, s) : { hidden: false };
      if (mark.hidden) continue;
      const title = LANGUAGES[r.language].title;
      const client = ricFor(r.language, r.version);
      rows.push({
        id: r.id,
        label: r.version ? `${title} ${r.version}` : title,
        ...(mark.text ? { mark: mark.text } : {}),
        description: client ? `adds the runtime interface client ${client.package} ${client.version}` : 'your own bootstrap script answers the Runtime API',
      });
    }
  }
  const width = Math.max(0, ...rows.map((r) => r.id.length));
  return rows.map((r) => ({
    value: r.id,
    name: `${r.id.padEnd(width)}  ${r.label}${r.mark ? `  ${r.mark}` : ''}`,
    short: r.id,
    description: r.description,
  }));
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const familyValue = (v: unknown): FamilyId | undefined =>
  typeof v === 'string' && (FAMILY_IDS as readonly string[]).includes(v) ? (v as FamilyId) : undefined;
const osValue = (v: unknown): OsId | undefined => (typeof v === 'string' && (OS_IDS as readonly string[]).includes(v) ? (v as OsId) : undefined);

/** Whether a base kind can run a runtime given by flag or config. */
function baseFits(base: BaseKind, runtime: string, values: Record<string, unknown>): boolean {
  if (base === 'aws') return findAwsRuntime(runtime) !== undefined;
  if (!findLanguageRuntime(runtime)) return false;
  if (base === 'os-only') return OS_IDS.some((os) => osOnlyFits(runtime, os).ok);
  return imageFits(runtime, str(values.image), familyValue(values.family)).ok;
}

function baseOptions(policy: Policy, values: Record<string, unknown>, s: Style): Choice<BaseKind>[] {
  const runtime = str(values.runtime);
  const kinds = BASE_KINDS.filter((k) => policyAllows(policy.allowedBases, k) && (runtime === undefined || baseFits(k, runtime, values)));
  const lines = pad(kinds.map((k) => [BASE_TEXT[k].title, s.dim(BASE_TEXT[k].when)]));
  return kinds.map((k, i) => ({ value: k, name: lines[i]!, short: k }));
}

/** Language runtimes no AWS runtime image provides (Go, Rust, custom), offered on the OS-only base. */
function otherBaseRuntimes(today: Date, policy: Policy, arch: Arch): Choice[] {
  return runtimeOptions('os-only', today, policy, { fits: (id) => !findAwsRuntime(id) && !languageSchedule(findLanguageRuntime(id)!) && osOnlyFits(id, 'al2023', arch).ok }).map((c) => ({
    ...c,
    name: `${c.name}  (on the OS-only base)`,
    description: `no AWS runtime image has it; this switches to the AWS OS-only base provided:al2023`,
    searchOnly: true,
  }));
}

function osOptions(today: Date, allowDeprecated: boolean, runtime: string | undefined, s: Style): Choice[] {
  const out: Choice[] = [];
  for (const id of OS_IDS) {
    const base = osOnlyBase(id);
    if (!base || (runtime !== undefined && !osOnlyFits(runtime, id).ok)) continue;
    const mark = scheduleMark(base, today, allowDeprecated, s);
    if (mark.hidden) continue;
    const title = FAMILIES.find((f) => f.id === id)?.title ?? id;
    out.push({ value: id, name: `${title} (provided:${base.tag})${mark.text ? `  ${mark.text}` : ''}`, short: id, description: `${base.image}:${base.tag}` });
  }
  return out;
}

/** Every family (a fact about the image, so always asked); those that cannot provide the runtime are shown disabled. */
function familyOptions(runtime: string | undefined, image: string): Choice[] {
  return FAMILY_IDS.map((id) => {
    const f = FAMILIES.find((x) => x.id === id);
    const fits = runtime === undefined || imageFits(runtime, image, id).ok;
    return { value: id, name: f ? `${f.title} (${f.packageManager})` : id, short: id, ...(fits ? {} : { disabled: `(cannot provide ${runtime})` }) };
  });
}

function archOptions(hostArch: Arch, s: Style): Choice[] {
  const text: Record<Arch, string> = { x86_64: 'Intel and AMD', arm64: 'AWS Graviton' };
  return ARCHES.map((a) => ({
    value: a,
    name: `${a.padEnd(6)}  ${text[a]}${a === hostArch ? s.dim('  (this machine)') : ''}`,
    short: a,
    description: a === hostArch ? 'builds natively here' : 'builds here through emulation (QEMU/binfmt), which is slower',
  }));
}

// ---------------------------------------------------------------------------------------------
// Validation (the same grammars resolve.ts and create.ts apply)

/** A folder to write into: a safe relative or absolute path that is not an existing file. */
export function validateFolder(value: string, cwd: string): true | string {
  const dir = value.trim();
  if (dir === '') return 'Enter a folder name (. for the current folder)';
  if (!isSafePath(dir)) {
    return `${quote(dir)} has characters a folder name should not have (quotes, $, ;, |, <, >, *, ?, control characters)`;
  }
  const full = resolve(cwd, dir);
  if (existsSync(full) && !statSync(full).isDirectory()) return `${dir} exists and is not a folder`;
  return true;
}

export function validateHandler(language: Language, value: string): true | string {
  const info = LANGUAGES[language];
  const handler = value.trim();
  if (!info.handler.pattern.test(handler) || !isSafeText(handler) || /(^|\/)\.\.?(\/|$)|\/\//.test(handler)) {
    return `${quote(handler)} is not a ${info.title} handler; expected ${info.handler.description}`;
  }
  return true;
}

/** Blank (the language's official image) or a reference with an explicit tag or digest. */
export function validateImage(value: string): true | string {
  const ref = value.trim();
  if (ref === '') return true;
  if (!isImageRef(ref)) return `${quote(ref)} is not an image reference (registry/name:tag[@sha256:digest])`;
  const recognised = recogniseBase(ref);
  if (!recognised.ref.tag && !recognised.ref.digest) return `give a tag (e.g. ${ref}:1.2) so every build uses the same base`;
  if (recognised.ref.tag === 'latest' && !recognised.ref.digest) return 'pin a version tag rather than latest, so every build uses the same base';
  if (recognised.windows) return 'Lambda runs Linux images only';
  return true;
}

// ---------------------------------------------------------------------------------------------
// The flow

/**
 * The questions the flow below asks itself, because their choices and defaults depend on other
 * answers and on the catalog. Any other option with a question in the model is asked after
 * them, from its spec alone (its static choices and default).
 */
export const FLOW_KEYS: ReadonlySet<string> = new Set(['dir', 'base', 'os', 'runtime', 'image', 'family', 'arch', 'buildTool', 'typescript', 'sample', 'handler', 'rie']);

/** The option's question from the model, with `{language}` and `{image}` filled in. */
function question(key: string, fill: Record<string, string> = {}, model: OptionModel = OPTION_SPECS): string {
  const prompt = specByKey(key, model)?.prompt;
  if (!prompt) throw new Error(`the option model has no question for ${key}`);
  return prompt.message.replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? name);
}

function answeredLine(s: Style, message: string, answer: string, note: string): string {
  return `${s.green(s.symbols.tick)} ${s.bold(message)} ${s.cyan(answer)} ${s.dim(note)}\n`;
}

function policyError(policy: Policy, key: 'allowedBases' | 'allowedRuntimes', what: string): UsageError {
  const where = policy.sources[key] ?? 'the team config';
  return new UsageError(`${where} (${key}: ${(policy[key] ?? []).join(', ')}) allows no ${what}; choose another value with a flag, or ask the file's owner`);
}

/**
 * Asks for each value flags and config left open (a key already in `values` is never asked) and
 * returns the completed values, `dir` included. Prints a summary and the equivalent command line.
 */
export async function promptForMissing(values: Record<string, unknown>, ctx: PromptContext): Promise<Record<string, unknown>> {
  const { io, today, policy } = ctx;
  const model = ctx.model ?? OPTION_SPECS;
  // With --stdout the Dockerfile owns stdout; questions and the summary go to stderr.
  const out = values.stdout === true ? io.stderr : io.stdout;
  const style = ctx.style ?? createStyle(out, io.env);
  const ask = ctx.ask ?? inquirerAsk({ stdin: io.stdin, stdout: out }, style);
  const result: Record<string, unknown> = { ...values };
  const open = (key: string) => result[key] === undefined;
  const allowDeprecated = result.allowDeprecated === true;

  /** Asks a choice, or takes the only one there is (saying so). */
  const choose = async (key: string, message: string, choices: Choice[], how: 'select' | 'search', fallback?: string) => {
    if (choices.length === 1) {
      out.write(answeredLine(style, message, choices[0]!.short ?? choices[0]!.value, '(the only choice)'));
      return choices[0]!.value;
    }
    const has = fallback !== undefined && choices.some((c) => c.value === fallback);
    // A search list has no default: the proposed choice goes first, so Enter takes it.
    const ordered = how === 'search' && has ? [...choices.filter((c) => c.value === fallback), ...choices.filter((c) => c.value !== fallback)] : choices;
    const q: ChoiceQuestion = { key, message, choices: ordered, ...(has ? { default: fallback } : {}) };
    return how === 'search' ? ask.search(q) : ask.select(q);
  };
  /** What the folder's existing code proposes (empty for a new folder). */
  let proposed: Record<string, unknown> = {};

  await cancellable(async () => {
    // 1. Where.
    if (open('dir') && result.stdout !== true) {
      const dir = await ask.text({ key: 'dir', message: question('dir'), default: projectName(undefined), validate: (v) => validateFolder(v, io.cwd) });
      result.dir = dir.trim();
    }
    const found = typeof result.dir === 'string' && result.stdout !== true ? ctx.detect?.(result.dir) : undefined;
    if (found) {
      proposed = detectedValues(found);
      out.write(`${style.cyan(style.symbols.info)} Found a ${describeDetected(found)}: its settings are the defaults below\n`);
      for (const note of found.notes) out.write(`  ${style.dim(note)}\n`);
    }

    // 2. What kind of base.
    if (open('base')) {
      const choices = baseOptions(policy, result, style);
      if (choices.length === 0) throw policyError(policy, 'allowedBases', `base kind for runtime ${String(result.runtime)}`);
      result.base = await choose('base', question('base'), choices, 'select', str(proposed.base) ?? (defaultOf('base') as string));
    }
    const base = result.base as string;
    if (!(BASE_KINDS as readonly string[]).includes(base)) return; // resolve reports the bad value
    const arch = (typeof result.arch === 'string' ? result.arch : ctx.hostArch) as Arch;

    // 3. OS-only: which Amazon Linux (before the runtime: it decides which languages install).
    if (base === 'os-only' && open('os')) {
      const choices = osOptions(today, allowDeprecated, str(result.runtime), style);
      if (choices.length > 0) result.os = await choose('os', question('os'), choices, 'select', OS_IDS[0]);
    }

    // 4. Runtime (type to filter): only what the chosen base can provide.
    if (open('runtime')) {
      const os = osValue(result.os);
      const image = str(result.image);
      const fam = familyValue(result.family);
      const fits =
        base === 'os-only' ? (id: string) => osOnlyFits(id, os, arch).ok : base === 'image' ? (id: string) => imageFits(id, image, fam, arch).ok : undefined;
      const choices = runtimeOptions(base as BaseKind, today, policy, { allowDeprecated, style, ...(fits ? { fits } : {}) });
      if (choices.length === 0) throw policyError(policy, 'allowedRuntimes', `runtime that --base ${base} can run`);
      // Typing go or rust after choosing the AWS base finds them on the OS-only base instead.
      const elsewhere = base === 'aws' && !values.base && policyAllows(policy.allowedBases, 'os-only') ? otherBaseRuntimes(today, policy, arch) : [];
      result.runtime = await choose('runtime', question('runtime'), [...choices, ...elsewhere], 'search', str(proposed.runtime));
      if (base === 'aws' && !findAwsRuntime(String(result.runtime))) result.base = 'os-only';
    }
    const runtime = str(result.runtime);
    const language = runtime ? runtimeLanguage(String(result.base), runtime) : undefined;

    // 5. Image bases: the image, and its family only when the image does not tell.
    if (base === 'image' && open('image')) {
      const title = language ? LANGUAGES[language].title : 'language';
      const fam = familyValue(result.family);
      const ref = await ask.text({
        key: 'image',
        message: question('image', { language: title }),
        validate: (v) => {
          const basic = validateImage(v);
          if (basic !== true || !language || !runtime) return basic;
          const fit = imageFits(runtime, v.trim() || undefined, fam, arch);
          return fit.ok ? true : fit.reason;
        },
      });
      if (ref.trim() !== '') result.image = ref.trim();
    }
    const image = str(result.image);
    if (base === 'image' && open('family') && image && !recogniseImage(image).wellKnown) {
      result.family = await ask.select({ key: 'family', message: question('family', { image }), choices: familyOptions(language ? runtime : undefined, image) });
    }

    // 6. Architecture: this machine's, pre-selected.
    if (open('arch')) result.arch = await choose('arch', question('arch'), archOptions(ctx.hostArch, style), 'select', ctx.hostArch);

    if (!language) return; // an unknown runtime: resolve reports it
    // Detected details only fit the language they were found for.
    const fitting = found && found.language === language ? proposed : {};
    // 7. Language specifics, the sample and the handler.
    if (language === 'java' && open('buildTool')) {
      result.buildTool = await choose('buildTool', question('buildTool'), BUILD_TOOLS.map((t) => ({ value: t, name: t })), 'select', str(fitting.buildTool) ?? BUILD_TOOLS[0]);
    }
    if (language === 'nodejs' && open('typescript')) {
      result.typescript = await ask.confirm({ key: 'typescript', message: question('typescript'), default: fitting.typescript === true || defaultOf('typescript') === true });
    }
    // The package manager is not asked: the folder's lockfile (or package.json) says it.
    if (language === 'nodejs' && open('packageManager') && typeof fitting.packageManager === 'string') result.packageManager = fitting.packageManager;
    if (open('sample') && found) {
      // Never a sample over existing code.
      result.sample = false;
      out.write(answeredLine(style, question('sample').replace(/ \(.*\)$/, ''), 'no', '(the folder already has code)'));
    } else if (open('sample')) {
      result.sample = await ask.confirm({ key: 'sample', message: question('sample'), default: defaultOf('sample') !== false });
    }
    if (open('handler')) {
      const info = LANGUAGES[language];
      const handler = await ask.text({ key: 'handler', message: question('handler'), default: str(fitting.handler) ?? info.defaultHandler, validate: (v) => validateHandler(language, v) });
      result.handler = handler.trim();
    }
    // 8. The emulator, where the base lacks it.
    if (base === 'image' && open('rie')) {
      result.rie = await ask.confirm({ key: 'rie', message: question('rie'), default: defaultOf('rie') === true });
    }
    // 9. Options whose question needs nothing but their spec.
    for (const spec of prompted(model)) {
      if (FLOW_KEYS.has(spec.key) || !open(spec.key)) continue;
      const message = question(spec.key, {}, model);
      const fallback = spec.default;
      if (spec.prompt.kind === 'confirm') {
        result[spec.key] = await ask.confirm({ key: spec.key, message, default: fallback === true });
      } else if (spec.prompt.kind === 'text') {
        const text = (await ask.text({ key: spec.key, message, ...(typeof fallback === 'string' ? { default: fallback } : {}) })).trim();
        if (text !== '') result[spec.key] = text;
      } else if (spec.choices) {
        const choices = spec.choices.map((c) => ({ value: c, name: c }));
        result[spec.key] = await choose(spec.key, message, choices, spec.prompt.kind, typeof fallback === 'string' ? fallback : undefined);
      }
    }
  });

  out.write(`\n${summary(result, style, model)}\n${style.dim('Next time, without questions:')}\n  ${equivalentCommand(result, io.env)}\n\n`);
  return result;
}

/** `lnit` at a terminal: run `lint` (the default), or create a folder with that name? */
export async function askMistyped(given: string, command: string, io: Io, ask?: Ask): Promise<boolean> {
  const asker = ask ?? inquirerAsk(io, createStyle(io.stdout, io.env));
  return cancellable(() => asker.confirm({ key: 'command', message: `${given} is not a command. Did you mean ${command}? (no: create a folder named ${given})`, default: true }));
}

/** Cancel (the default), overwrite with `.orig` copies, or another folder. */
export async function resolveConflict(dir: string, conflicts: string[], io: Io, ask?: Ask, style?: Style): Promise<ConflictChoice> {
  const s = style ?? createStyle(io.stdout, io.env);
  const asker = ask ?? inquirerAsk(io, s);
  const target = resolve(io.cwd, dir);
  const clobbered = conflicts.filter((c) => existsSync(resolve(target, `${c}.orig`)));
  io.stdout.write(
    `${s.yellow(s.symbols.warning)} ${s.bold(dir)} already has ${conflicts.length === 1 ? 'a file' : 'files'} this tool writes, with other content:\n` +
      conflicts.map((c) => `    ${c}\n`).join(''),
  );
  return cancellable(async () => {
    const action = await asker.select<ConflictChoice['action']>({
      key: 'conflict',
      message: 'What now?',
      default: 'cancel',
      choices: [
        { value: 'cancel', name: 'Cancel: change nothing', short: 'cancel' },
        {
          value: 'overwrite',
          name: conflicts.length === 1 ? `Overwrite it, keeping the old one as ${conflicts[0]}.orig` : 'Overwrite them, keeping each old one as <name>.orig',
          short: 'overwrite',
          ...(clobbered.length ? { description: `${clobbered.map((c) => `${c}.orig`).join(', ')} already exist${clobbered.length === 1 ? 's' : ''} and would be replaced` } : {}),
        },
        { value: 'other', name: 'Write to another folder', short: 'another folder' },
      ],
    });
    if (action !== 'other') return { action };
    const other = await asker.text({
      key: 'dir',
      message: question('dir'),
      validate: (v) => {
        const ok = validateFolder(v, io.cwd);
        if (ok !== true) return ok;
        return resolve(io.cwd, v.trim()) === target ? `that is ${dir} again; choose another folder` : true;
      },
    });
    return { action: 'other', dir: other.trim() };
  });
}

// ---------------------------------------------------------------------------------------------
// Summary and the equivalent command

/** Run settings that never belong in a repeatable command line (--yes is added to every one). */
const NOT_REPEATED = new Set(['dir', 'stdout', 'yes', 'interactive', 'save']);

/** The options a question asks for, in the order they are asked. */
function prompted(model: OptionModel): (OptionSpec & { prompt: NonNullable<OptionSpec['prompt']> })[] {
  return model.filter((s): s is OptionSpec & { prompt: NonNullable<OptionSpec['prompt']> } => s.prompt !== undefined).sort((a, b) => a.prompt.step - b.prompt.step);
}

function show(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.join(', ');
  if (value !== null && typeof value === 'object') return Object.keys(value).join(', ');
  return String(value);
}

/** The choices as aligned lines: the prompted ones first, then any other option set. */
export function summary(values: Record<string, unknown>, style: Style = PLAIN, model: OptionModel = OPTION_SPECS): string {
  const rows: [string, string][] = [];
  const asked = prompted(model);
  if (values.stdout === true) rows.push(['Output', 'the Dockerfile on stdout']);
  const base = typeof values.base === 'string' ? values.base : String(defaultOf('base', model));
  for (const { key, prompt } of asked) {
    if (key === 'dir') {
      if (values.stdout !== true && values.dir !== undefined) rows.push([prompt.label, show(values.dir)]);
    } else if (key === 'base') {
      const text = BASE_TEXT[base as BaseKind];
      rows.push([prompt.label, text ? `${text.title} (${base})` : base]);
    } else if (key === 'image' && values.image === undefined && base === 'image') {
      rows.push([prompt.label, 'the official image for the runtime']);
    } else if (values[key] !== undefined) {
      rows.push([prompt.label, show(values[key])]);
    }
  }
  for (const spec of model) {
    if (spec.prompt || spec.run || values[spec.key] === undefined) continue;
    const value = values[spec.key];
    if (Array.isArray(value) && value.length === 0) continue;
    rows.push([spec.flag ? `--${spec.flag}` : spec.key, show(value)]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return [style.bold('Your choices'), ...rows.map(([label, value]) => `  ${style.dim(label.padEnd(width))}  ${style.cyan(value)}`)].join('\n');
}

/**
 * The command that does the same without questions, in the invoking package manager's form:
 * `npm create lambda-image@latest my-fn -- --runtime python3.13 --arch arm64 --yes`. Every value
 * the run settled (asked, given or detected) is spelt out, so the line reproduces the run exactly
 * even where a default or a detection would later decide differently; --yes keeps it from asking.
 */
export function equivalentCommand(values: Record<string, unknown>, env: NodeJS.ProcessEnv): string {
  const positionals: string[] = [];
  const flags: string[] = [];
  const dir = typeof values.dir === 'string' ? values.dir : undefined;
  if (values.stdout === true) flags.push('--stdout');
  else if (dir !== undefined && dir.startsWith('-')) flags.push(`--dir=${dir}`);
  else if (dir !== undefined) positionals.push(dir);
  for (const spec of OPTION_SPECS) {
    const value = values[spec.key];
    if (!spec.flag || value === undefined || NOT_REPEATED.has(spec.key)) continue;
    if (spec.type === 'boolean') {
      flags.push(value === true ? `--${spec.flag}` : `--no-${spec.flag}`);
    } else if (spec.type === 'list' && Array.isArray(value)) {
      for (const item of value) flags.push(`--${spec.flag}`, String(item));
    } else if (spec.type === 'string') {
      flags.push(`--${spec.flag}`, String(value));
    }
  }
  flags.push('--yes');
  return createCommand(env, positionals, flags);
}
