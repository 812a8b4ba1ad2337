/**
 * Colours and symbols for terminal output, without a dependency. Decided per stream and per
 * environment (never from process globals), so prompts, next steps and `lint`'s tty report can
 * share it and tests can force either way:
 *
 * - NO_COLOR set to a non-empty value (no-color.org): no colours, whatever else is set.
 * - FORCE_COLOR set and not `0`/`false`: colours even when the stream is not a terminal.
 *   FORCE_COLOR=0 or false: no colours.
 * - Otherwise: colours only on a terminal whose TERM is not `dumb`.
 *
 * Symbols (✔ ❯ …) are used only on a terminal (or with FORCE_COLOR) that can show them;
 * elsewhere their ASCII forms keep logs and old consoles readable.
 */
import { stripVTControlCharacters } from 'node:util';

export interface StyleStream {
  isTTY?: boolean;
}

export type Paint = (text: string) => string;

export interface Symbols {
  tick: string;
  cross: string;
  pointer: string;
  bullet: string;
  warning: string;
  info: string;
  arrow: string;
  line: string;
  enter: string;
  upDown: string;
}

export interface Style {
  /** Colours are emitted. */
  color: boolean;
  /** Unicode symbols are used. */
  unicode: boolean;
  bold: Paint;
  dim: Paint;
  italic: Paint;
  underline: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  blue: Paint;
  magenta: Paint;
  cyan: Paint;
  gray: Paint;
  symbols: Symbols;
}

export const UNICODE_SYMBOLS: Symbols = {
  tick: '✔',
  cross: '✖',
  pointer: '❯',
  bullet: '•',
  warning: '⚠',
  info: 'ℹ',
  arrow: '→',
  line: '─',
  enter: '⏎',
  upDown: '↑↓',
};

export const ASCII_SYMBOLS: Symbols = {
  tick: 'v',
  cross: 'x',
  pointer: '>',
  bullet: '*',
  warning: '!',
  info: 'i',
  arrow: '->',
  line: '-',
  enter: 'enter',
  upDown: 'up/down',
};

function isForced(env: NodeJS.ProcessEnv): boolean | undefined {
  const force = env.FORCE_COLOR;
  if (force === undefined) return undefined;
  return !(force === '0' || force.toLowerCase() === 'false');
}

/** Whether to colour text written to `stream` under `env` (see the module comment). */
export function supportsColor(stream: StyleStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const forced = isForced(env);
  if (forced !== undefined) return forced;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Whether the terminal can show Unicode symbols (the rules of is-unicode-supported). */
export function supportsUnicode(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (env.TERM === 'dumb') return false;
  if (platform !== 'win32') return env.TERM !== 'linux';
  return Boolean(
    env.WT_SESSION ||
      env.TERMINUS_SUBLIME ||
      env.ConEmuTask === '{cmd::Cmder}' ||
      env.TERM_PROGRAM === 'Terminus-Sublime' ||
      env.TERM_PROGRAM === 'vscode' ||
      env.TERM === 'xterm-256color' ||
      env.TERM === 'alacritty' ||
      env.TERMINAL_EMULATOR === 'JetBrains-JediTerm',
  );
}

function paint(open: number, close: number): Paint {
  const start = `\u001b[${open}m`;
  const end = `\u001b[${close}m`;
  // Re-open after any nested close of the same kind, so bold(`a ${dim('b')} c`) stays bold.
  return (text) => (text === '' ? '' : start + text.split(end).join(end + start) + end);
}

const plain: Paint = (text) => text;

function build(color: boolean, unicode: boolean): Style {
  const p = (open: number, close: number): Paint => (color ? paint(open, close) : plain);
  return {
    color,
    unicode,
    bold: p(1, 22),
    dim: p(2, 22),
    italic: p(3, 23),
    underline: p(4, 24),
    red: p(31, 39),
    green: p(32, 39),
    yellow: p(33, 39),
    blue: p(34, 39),
    magenta: p(35, 39),
    cyan: p(36, 39),
    gray: p(90, 39),
    symbols: unicode ? UNICODE_SYMBOLS : ASCII_SYMBOLS,
  };
}

/** No colours, ASCII symbols: for files, pipes and tests. */
export const PLAIN: Style = build(false, false);

/** The style for text written to `stream`. */
export function createStyle(stream: StyleStream, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Style {
  const color = supportsColor(stream, env);
  const terminal = Boolean(stream.isTTY) || isForced(env) === true;
  return build(color, terminal && supportsUnicode(env, platform));
}

/** Removes colour and other terminal control sequences (for width maths and tests). */
export function unstyle(text: string): string {
  return stripVTControlCharacters(text);
}
