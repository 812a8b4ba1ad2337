import { UsageError } from '../shared/errors';
import { OPTION_SPECS, type OptionSpec } from '../options';
import { editDistance } from '../shared/suggest';
import { quote } from '../shared/quote';

export type FlagValue = string | boolean | string[];

export interface ParsedFlags {
  /** Values keyed by option key (camelCase), only for flags actually given. */
  values: Record<string, FlagValue>;
  positionals: string[];
  help: boolean;
  version: boolean;
}

/**
 * A strict parser driven by OPTION_SPECS: `--flag value`, `--flag=value`, `--no-flag`, repeatable
 * lists, `-y`, and `--` to end flags. Unknown flags are errors, never ignored.
 */
export function parseFlags(argv: readonly string[], specs: readonly OptionSpec[] = OPTION_SPECS): ParsedFlags {
  const out: ParsedFlags = { values: {}, positionals: [], help: false, version: false };
  const flagged = specs.filter((s) => s.flag);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      out.help = true;
      continue;
    }
    if (arg === '-v' || arg === '--version') {
      out.version = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const spec = flagged.find((s) => s.short === arg.slice(1));
      if (!spec) throw unknownFlag(arg, flagged);
      name = spec.flag!;
    }
    let spec = flagged.find((s) => s.flag === name);
    let negated = false;
    if (!spec && name.startsWith('no-')) {
      spec = flagged.find((s) => s.flag === name.slice(3) && s.type === 'boolean');
      negated = spec !== undefined;
    }
    if (!spec) throw unknownFlag(`--${name}`, flagged);
    if (spec.type === 'boolean') {
      if (negated && inline !== undefined) throw new UsageError(`--${name} takes no value`);
      const value = negated ? false : inline === undefined ? true : parseBool(spec, inline);
      out.values[spec.key] = value;
      continue;
    }
    if (negated) throw unknownFlag(`--${name}`, flagged);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`--${spec.flag} needs a value${choicesText(spec)}`);
      }
      value = next;
      i++;
    }
    if (spec.type === 'list') {
      const list = (out.values[spec.key] as string[] | undefined) ?? [];
      list.push(value);
      out.values[spec.key] = list;
    } else {
      if (spec.key in out.values) throw new UsageError(`--${spec.flag} was given twice`);
      out.values[spec.key] = value;
    }
  }
  return out;
}

function parseBool(spec: OptionSpec, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`--${spec.flag} takes true or false, not ${quote(value)}`);
}

function choicesText(spec: OptionSpec): string {
  return spec.choices ? ` (one of: ${spec.choices.join(', ')})` : spec.valueName ? ` <${spec.valueName}>` : '';
}

function unknownFlag(given: string, specs: readonly OptionSpec[]): UsageError {
  const names = specs.map((s) => `--${s.flag}`);
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
  return new UsageError(`unknown flag ${shown}; ${hint}valid flags: ${names.join(', ')}`);
}
