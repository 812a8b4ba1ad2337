/**
 * A small POSIX-shell splitter for RUN scripts: simple commands and their words, good enough
 * for the package-manager, cd, sudo and wget checks. It is not a full parser: it respects
 * quotes, escapes, `$(...)`, backticks, heredocs, comments, redirections and the control
 * operators, and it looks inside command substitutions and subshells.
 */

export interface Command {
  /** Words with quotes removed; redirections and leading assignments dropped. */
  words: string[];
  /** The program without its directory (`/usr/bin/apt-get` → `apt-get`); set by the parser. */
  name?: string;
  /** `NAME=value` words that preceded the command name. */
  assignments: string[];
  /** True for commands found inside `$(...)` or backticks. */
  nested: boolean;
}

export interface ShellScript {
  commands: Command[];
  /** A `|` or `|&` pipe joins two commands somewhere in the script. */
  hasPipe: boolean;
}

const RESERVED_PREFIX = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', 'time', '{']);
const RESERVED_ALONE = new Set(['fi', 'done', 'esac', '}', 'then', 'else', 'do']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

type Token = { kind: 'word'; text: string } | { kind: 'op'; text: string } | { kind: 'redir'; text: string };

export function parseShell(script: string, depth = 0): ShellScript {
  const nestedScripts: string[] = [];
  const tokens = tokenize(script, nestedScripts);
  const commands: Command[] = [];
  let hasPipe = false;
  let current: string[] = [];
  let skipNextWord = false;
  const flush = (): void => {
    const cmd = toCommand(current, depth > 0);
    if (cmd) commands.push(cmd);
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (t.text === '|' || t.text === '|&') hasPipe = true;
      flush();
      skipNextWord = false;
    } else if (t.kind === 'redir') {
      // The target of a redirection (a file, a descriptor, a heredoc word) is not an argument.
      skipNextWord = true;
    } else if (skipNextWord) {
      skipNextWord = false;
    } else {
      current.push(t.text);
    }
  }
  flush();
  if (depth < 4) {
    for (const inner of nestedScripts) {
      const sub = parseShell(inner, depth + 1);
      commands.push(...sub.commands);
      hasPipe ||= sub.hasPipe;
    }
  }
  return { commands, hasPipe };
}

function toCommand(words: string[], nested: boolean): Command | null {
  let i = 0;
  // Reserved words that open or continue compound commands do not name a program.
  while (i < words.length && RESERVED_PREFIX.has(words[i]!)) i++;
  const rest = words.slice(i);
  if (rest.length === 0) return null;
  if (rest.length === 1 && RESERVED_ALONE.has(rest[0]!)) return null;
  if (rest[0] === 'for' || rest[0] === 'case' || rest[0] === 'select' || rest[0] === 'function') return null;
  const assignments: string[] = [];
  let j = 0;
  while (j < rest.length && ASSIGNMENT.test(rest[j]!)) assignments.push(rest[j++]!);
  const cmdWords = rest.slice(j).filter((w, k, all) => !(w === '}' && k === all.length - 1 && k > 0));
  if (cmdWords.length === 0 && assignments.length === 0) return null;
  return { words: cmdWords, name: basename(cmdWords[0] ?? ''), assignments, nested };
}

function basename(w: string): string {
  return w.slice(w.lastIndexOf('/') + 1);
}

/** Splits into words, control operators and redirection operators. */
function tokenize(s: string, nested: string[]): Token[] {
  const out: Token[] = [];
  const heredocs: { word: string; strip: boolean }[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = s.length;
  const endWord = (): void => {
    if (inWord) out.push({ kind: 'word', text: word });
    word = '';
    inWord = false;
  };
  while (i < n) {
    const c = s[i]!;
    if (c === '\\') {
      if (s[i + 1] === '\n') { i += 2; continue; }
      if (i + 1 < n) { word += s[i + 1]; inWord = true; i += 2; continue; }
      i++;
      continue;
    }
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      word += s.slice(i + 1, stop);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      i++;
      inWord = true;
      while (i < n && s[i] !== '"') {
        const d = s[i]!;
        if (d === '\\' && i + 1 < n) {
          const e = s[i + 1]!;
          if (e === '\n') { i += 2; continue; }
          word += '$`"\\'.includes(e) ? e : d + e;
          i += 2;
        } else if (d === '$' && s[i + 1] === '(') {
          const end = scanParens(s, i + 1);
          collectNested(s, i, end, nested);
          word += s.slice(i, end);
          i = end;
        } else if (d === '`') {
          const end = scanBacktick(s, i);
          nested.push(s.slice(i + 1, end - 1));
          word += s.slice(i, end);
          i = end;
        } else {
          word += d;
          i++;
        }
      }
      i++;
      continue;
    }
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      const end = s[i + 1] === '(' ? scanParens(s, i + 1) : scanBraces(s, i + 1);
      if (s[i + 1] === '(') collectNested(s, i, end, nested);
      word += s.slice(i, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '`') {
      const end = scanBacktick(s, i);
      nested.push(s.slice(i + 1, end - 1));
      word += s.slice(i, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < n && s[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i++;
      continue;
    }
    if (c === '\n') {
      endWord();
      out.push({ kind: 'op', text: '\n' });
      i++;
      // Heredoc bodies follow the line that announced them; they are data, not commands.
      for (const h of heredocs.splice(0)) {
        while (i < n) {
          const eol = s.indexOf('\n', i);
          const lineEnd = eol < 0 ? n : eol;
          let line = s.slice(i, lineEnd).replace(/\r$/, '');
          if (h.strip) line = line.replace(/^\t+/, '');
          i = lineEnd + 1;
          if (line === h.word) break;
        }
      }
      continue;
    }
    if (c === '<' || c === '>' || (c === '&' && s[i + 1] === '>')) {
      // A word made only of digits right before the operator is a file descriptor.
      const fd = inWord && /^\d+$/.test(word) ? word : '';
      if (fd) { word = ''; inWord = false; } else endWord();
      const m = /^(<<<|<<-|<<|>>|&>>|&>|>&|<&|>\||<>|<|>)/.exec(s.slice(i, i + 3))!;
      const op = m[1]!;
      i += op.length;
      if (op === '<<' || op === '<<-') {
        while (s[i] === ' ' || s[i] === '\t') i++;
        const start = i;
        while (i < n && !/[\s;&|<>()]/.test(s[i]!)) i++;
        heredocs.push({ word: s.slice(start, i).replace(/["'\\]/g, ''), strip: op === '<<-' });
        out.push({ kind: 'redir', text: fd + op });
        out.push({ kind: 'word', text: '' });
        continue;
      }
      out.push({ kind: 'redir', text: fd + op });
      continue;
    }
    if (c === '&' || c === '|' || c === ';' || c === '(' || c === ')') {
      endWord();
      const two = s.slice(i, i + 2);
      const op = ['&&', '||', ';;', '|&'].includes(two) ? two : c;
      out.push({ kind: 'op', text: op });
      i += op.length;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  endWord();
  return out;
}

/** Index just past the `)` that closes the `(` at `open`, respecting quotes and nesting. */
function scanParens(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === "'") { const e = s.indexOf("'", i + 1); if (e < 0) return s.length; i = e; continue; }
    if (c === '"') { i = skipDouble(s, i) - 1; continue; }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

function scanBraces(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return s.length;
}

function skipDouble(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return s.length;
}

function scanBacktick(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '`') return i + 1;
  }
  return s.length;
}

/** `$(cmd)` holds commands; `$((expr))` is arithmetic and does not. */
function collectNested(s: string, dollar: number, end: number, nested: string[]): void {
  if (s[dollar + 2] === '(') return;
  nested.push(s.slice(dollar + 2, end - 1));
}

// ---- helpers the rules share ----

/** The program a command runs, without its directory (`/usr/bin/apt-get` → `apt-get`). */
export function programName(cmd: Command): string {
  return cmd.name ?? basename(cmd.words[0] ?? '');
}

const WRAPPERS = new Set(['sudo', 'env', 'command', 'exec', 'nohup', 'nice', 'stdbuf', 'timeout', 'doas', 'su-exec', 'gosu']);

/** Drops wrappers such as `sudo` or `env A=1` so `sudo apt-get install` is seen as apt-get. */
export function unwrap(cmd: Command): Command {
  let words = cmd.words;
  for (let guard = 0; guard < 4 && words.length > 1; guard++) {
    const name = (words[0] ?? '').slice((words[0] ?? '').lastIndexOf('/') + 1);
    if (!WRAPPERS.has(name)) break;
    let k = 1;
    while (k < words.length && (words[k]!.startsWith('-') || ASSIGNMENT.test(words[k]!) || (name === 'timeout' && /^\d/.test(words[k]!)))) k++;
    if (name === 'gosu' || name === 'su-exec') k++;
    words = words.slice(k);
  }
  return words === cmd.words ? cmd : { ...cmd, words, name: basename(words[0] ?? '') };
}

/**
 * Whether `args` carries a flag: a one-letter name matches `-y` and bundles such as `-qy`;
 * a longer name matches `--name` and `--name=value`.
 */
export function hasFlag(args: readonly string[], ...names: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    for (const name of names) {
      if (name.length === 1) {
        // Bundled short flags (-qy), possibly ending in a value (-qO-).
        const bundle = /^-([A-Za-z0-9]+)/.exec(a);
        if (bundle && !a.startsWith('--') && bundle[1]!.includes(name)) return true;
      } else if (a === `--${name}` || a.startsWith(`--${name}=`) || (name.startsWith('-') && a === name)) {
        return true;
      }
    }
  }
  return false;
}

/** Arguments that are not flags, skipping the value of each flag listed in `withValue`. */
export function operands(args: readonly string[], withValue: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a.length > 1) {
      const name = a.replace(/^--?/, '');
      if (!a.includes('=') && withValue.includes(name)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Python's pip in its usual spellings: pip, pip3, pip3.12, python -m pip, python3.12 -m pip. */
export function pipArgs(cmd: Command): string[] | null {
  const name = programName(cmd);
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return cmd.words.slice(1);
  if (/^python(\d+(\.\d+)?)?$/.test(name)) {
    const m = cmd.words.indexOf('-m');
    if (m > 0 && cmd.words[m + 1] === 'pip') return cmd.words.slice(m + 2);
  }
  return null;
}

/** Words after the first operand equal to `sub` (e.g. `install`), or null when absent. */
export function afterSubcommand(args: readonly string[], subs: readonly string[], withValue: readonly string[] = []): string[] | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (!a.includes('=') && withValue.includes(a.replace(/^--?/, ''))) i++;
      continue;
    }
    return subs.includes(a) ? args.slice(i + 1) : null;
  }
  return null;
}
