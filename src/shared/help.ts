import type { FlagSpec } from './args';

/**
 * Help text laid out from the same FlagSpec lists the parser reads, so a command's help cannot
 * name a flag it does not take, or miss one it does.
 */

/** Help fits 100 columns, so it reads in a default terminal and in CI logs alike. */
export const HELP_WIDTH = 100;
/** Where flag descriptions start; a longer flag gets its description on the next line. */
const DESCRIPTION_COLUMN = 34;

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A two-column row: the left part, then its description wrapped in the right column. */
export function row(left: string, right: string, width = HELP_WIDTH, column = DESCRIPTION_COLUMN): string[] {
  const indent = ' '.repeat(column);
  const text = wrap(right, width - column);
  const head = `  ${left}`;
  if (head.length + 2 > column) return [head, ...text.map((t) => indent + t)];
  return [head.padEnd(column) + (text[0] ?? ''), ...text.slice(1).map((t) => indent + t)];
}

/** A flag's two columns: `-f, --format <tty|json|sarif>` and its description, choices and default. */
export function flagLine(spec: FlagSpec): [string, string] {
  const name = spec.type === 'boolean' ? `--${spec.flag}` : `--${spec.flag} <${spec.valueName ?? (spec.choices ? spec.choices.join('|') : 'value')}>`;
  const left = spec.short ? `-${spec.short}, ${name}` : `    ${name}`;
  const parts = [spec.description];
  if (spec.choices && spec.valueName) parts.push(`choices: ${spec.choices.join(', ')}`);
  if (spec.type === 'integer' && spec.min !== undefined && spec.max !== undefined) parts.push(`${spec.min}-${spec.max}`);
  const def = spec.defaultText ?? shownDefault(spec.default);
  if (def !== undefined) parts.push(`default: ${def}`);
  if (spec.type === 'list') parts.push('repeatable');
  return [left, parts.join('; ')];
}

function shownDefault(value: FlagSpec['default']): string | undefined {
  if (value === undefined || typeof value === 'object') return undefined;
  return String(value);
}

/** The rows of every flag in `specs`, in their order. */
export function flagRows(specs: readonly FlagSpec[], width = HELP_WIDTH): string[] {
  return specs.filter((s) => s.flag).flatMap((s) => row(...flagLine(s), width));
}

/** `-h, --help` (and `-v, --version` where the command has it), laid out as the flags are. */
export function standardRows(version: boolean, width = HELP_WIDTH): string[] {
  return [...row('-h, --help', 'show this help', width), ...(version ? row('-v, --version', 'show the version', width) : [])];
}

export interface CommandHelp {
  /** The usage lines, each starting `Usage: create-lambda-image <command>` or indented under it. */
  usage: readonly string[];
  /** What the command does, as paragraphs. */
  about: readonly string[];
  specs: readonly FlagSpec[];
  /** Whether -v/--version is one of its flags. */
  version?: boolean;
  /** Paragraphs after the flags: settings, exit codes. */
  notes: readonly string[];
}

/** A subcommand's help: usage, what it does, its flags from its specs, then notes. */
export function commandHelp(help: CommandHelp, width = HELP_WIDTH): string {
  const paragraphs = (list: readonly string[]) => list.flatMap((p, i) => [...(i ? [''] : []), ...wrap(p, width)]);
  return [
    ...help.usage,
    '',
    ...paragraphs(help.about),
    '',
    'Options:',
    ...flagRows(help.specs, width),
    ...standardRows(help.version ?? false, width),
    '',
    ...paragraphs(help.notes),
    '',
  ].join('\n');
}
