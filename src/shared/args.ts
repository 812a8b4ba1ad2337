import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import { quote } from './quote';
import { didYouMean, editDistance } from './suggest';

/**
 * The one command-line parser. Every command (create, check, lint, list, verify) declares its
 * flags as a list of FlagSpec and gets the same grammar and the same refusals: `--flag value`,
 * `--flag=value`, `--no-<flag>` for booleans, repeated list flags, short flags such as `-y`,
 * `--` to end the flags; an unknown flag is an error naming the nearest one, never ignored.
 */

export type FlagType = 'string' | 'boolean' | 'list' | 'integer' | 'object';
export type FlagValue = string | boolean | number | string[];
export type DefaultValue = string | boolean | number | readonly string[] | Readonly<Record<string, never>>;

export interface FlagSpec {
  /** camelCase: the key the parsed value is stored under. */
  key: string;
  /** kebab-case long flag without dashes; absent for values that only a config file sets. */
  flag?: string;
  short?: string;
  type: FlagType;
  /** What help shows as the value: `--image <ref>`. */
  valueName?: string;
  /** The values the flag accepts; anything else is refused with the nearest choice. */
  choices?: readonly string[];
  default?: DefaultValue;
  /** How help shows the default when it is not a plain value. */
  defaultText?: string;
  description: string;
  /** integer: the accepted range, inclusive. */
  min?: number;
  max?: number;
  /** list: one value may also hold several items separated by commas (`--ignore DL3008,DL3009`). */
  commaList?: boolean;
  /**
   * A value's own check beyond its choices (of each item, for a list): the words saying what is
   * wrong with it, or undefined when it is fine. The parser and resolve both call it.
   */
  check?: (value: string) => string | undefined;
}

export interface ParsedArgs {
  /** Values keyed by spec key, only for flags actually given. */
  values: Record<string, FlagValue>;
  positionals: string[];
  help: boolean;
  version: boolean;
}

export interface ParseSettings {
  /** Named in the unknown-flag message of a subcommand: "unknown flag --x for lint". */
  command?: string;
  /** Whether -v/--version is a flag of this command. */
  version?: boolean;
}

/** The refusal of a value outside its choices, the same for a flag and a config key. */
export function choiceError(where: string, value: unknown, choices: readonly string[]): UsageError {
  const hint = typeof value === 'string' ? didYouMean(value, choices) : '';
  return new UsageError(`${where}: invalid value ${quote(String(value))}${hint}; choose one of: ${choices.join(', ')}`);
}

export function parseCommandArgs(argv: readonly string[], specs: readonly FlagSpec[], settings: ParseSettings = {}): ParsedArgs {
  const flagged = specs.filter((s): s is FlagSpec & { flag: string } => s.flag !== undefined);
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
    ...(settings.version ? { version: { type: 'boolean', short: 'v' } } : {}),
  };
  for (const s of flagged) {
    options[s.flag] = { type: s.type === 'boolean' ? 'boolean' : 'string', ...(s.short ? { short: s.short } : {}), ...(s.type === 'list' ? { multiple: true } : {}) };
  }
  // Not strict: the tokens are checked below, so every refusal has this file's wording.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const out: ParsedArgs = { values: {}, positionals: [], help: false, version: false };
  const names = [...flagged.map((s) => `--${s.flag}`), '--help', ...(settings.version ? ['--version'] : [])];
  // --help answers whatever else was given: the first refusal waits until that is known.
  let refusal: UsageError | undefined;
  for (const token of tokens) {
    try {
      readToken(token);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      refusal ??= error;
    }
  }
  if (refusal && !out.help) throw refusal;
  return out;

  function readToken(token: (typeof tokens)[number]): void {
    if (token.kind === 'positional') {
      out.positionals.push(token.value);
      return;
    }
    if (token.kind === 'option-terminator') return;
    const { name, rawName } = token;
    const value = token.value;
    if (name === 'help' || (name === 'version' && settings.version)) {
      if (value !== undefined) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
      return;
    }
    let spec = flagged.find((s) => s.flag === name);
    let negated = false;
    if (!spec && name.startsWith('no-')) {
      spec = flagged.find((s) => s.flag === name.slice(3) && s.type === 'boolean');
      negated = spec !== undefined;
    }
    if (!spec || (rawName.length === 2 && rawName !== `-${spec.short}`)) throw unknownFlag(rawName, names, settings.command);
    const shown = `--${spec.flag}`;
    if (spec.type === 'boolean') {
      if (negated && value !== undefined) throw new UsageError(`--${name} takes no value`);
      out.values[spec.key] = negated ? false : value === undefined ? true : booleanValue(shown, value);
      return;
    }
    // parseArgs takes the next word as the value whatever it is; a flag there means none was given.
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-') && value !== '-')) {
      throw new UsageError(`${shown} needs a value${valueHint(spec)}`);
    }
    if (spec.type === 'list') {
      const items = spec.commaList ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value];
      for (const item of items) checkChoice(spec, item);
      out.values[spec.key] = [...((out.values[spec.key] as string[] | undefined) ?? []), ...items];
      return;
    }
    if (spec.key in out.values) throw new UsageError(`${shown} was given twice`);
    out.values[spec.key] = spec.type === 'integer' ? integerValue(spec, value) : checkChoice(spec, value);
  }
}

function checkChoice(spec: FlagSpec, value: string): string {
  // A spec's own check speaks first: it can say more than "not one of the choices".
  const problem = spec.check?.(value);
  if (problem !== undefined) throw new UsageError(`--${spec.flag}: ${problem}`);
  if (spec.choices && !spec.choices.includes(value)) throw choiceError(`--${spec.flag}`, value, spec.choices);
  return value;
}

function booleanValue(shown: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`${shown} takes true or false, not ${quote(value)}`);
}

function integerValue(spec: FlagSpec, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${spec.flag} must be a whole number, got ${value}`);
  const n = Number(value);
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    throw new UsageError(`--${spec.flag} must be between ${spec.min ?? 0} and ${spec.max ?? Number.MAX_SAFE_INTEGER}, got ${value}`);
  }
  return n;
}

function valueHint(spec: FlagSpec): string {
  return spec.choices ? ` (one of: ${spec.choices.join(', ')})` : spec.valueName ? ` <${spec.valueName}>` : '';
}

function unknownFlag(given: string, names: readonly string[], command: string | undefined): UsageError {
  // The nearest flag, not the first one within reach: --arc is --arch, not --base.
  const close =
    given.length <= 64
      ? names
          .map((n, i) => ({ n, i, d: editDistance(n, given) }))
          .filter((c) => c.d <= 2)
          .sort((a, b) => a.d - b.d || a.i - b.i)[0]?.n
      : undefined;
  const hint = close ? `did you mean ${close}? ` : '';
  const shown = /^[\w-]{1,64}$/.test(given) ? given : quote(given);
  return new UsageError(`unknown flag ${shown}${command ? ` for ${command}` : ''}; ${hint}valid flags: ${names.join(', ')}`);
}

/** The parsed values over the specs' defaults: what a command runs with. */
export function withDefaults(values: Readonly<Record<string, FlagValue>>, specs: readonly FlagSpec[]): Record<string, unknown> {
  const defaults = specs.filter((s) => s.default !== undefined).map((s) => [s.key, Array.isArray(s.default) ? [...s.default] : s.default] as const);
  return { ...Object.fromEntries(defaults), ...values };
}
