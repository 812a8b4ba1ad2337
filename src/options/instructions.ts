import { quote } from '../shared/quote';

/*
 * Team instructions (`instructions.build`, `instructions.final`) go into the generated
 * Dockerfile verbatim, one line each. A line that opens a heredoc or continues onto the next
 * line would swallow the generator's own lines, so each is read the way BuildKit reads it:
 * split into shell words (quotes and escapes kept, as its parser does), then every unquoted
 * `<<` that is not a here-string `<<<` is refused, whatever delimiter follows it.
 */

/** Instructions a team may add to a stage: never the ones that decide the image's identity. */
export const ALLOWED_INSTRUCTIONS = [
  'ADD', 'ARG', 'COPY', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR',
] as const;

interface Word {
  text: string;
  /** Offsets (into text) of `<` characters outside quotes and not escaped. */
  redirects: number[];
}

/** Shell words of a line: whitespace outside quotes separates them; `\` escapes one character. */
export function shellWords(line: string): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  let quoteChar: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoteChar === null && (c === ' ' || c === '\t')) {
      if (current) words.push(current);
      current = null;
      continue;
    }
    current ??= { text: '', redirects: [] };
    if (c === '\\' && quoteChar !== "'" && i + 1 < line.length) {
      current.text += c + line[i + 1]!;
      i++;
      continue;
    }
    if (quoteChar === null && (c === '"' || c === "'")) quoteChar = c;
    else if (c === quoteChar) quoteChar = null;
    else if (quoteChar === null && c === '<') current.redirects.push(current.text.length);
    current.text += c;
  }
  if (current) words.push(current);
  return words;
}

/** True when some word has an unquoted `<<` that is not part of `<<<`: a heredoc in any form. */
export function opensHeredoc(line: string): boolean {
  for (const word of shellWords(line)) {
    const at = new Set(word.redirects);
    for (const i of word.redirects) {
      // A run of unquoted `<`: exactly two open a heredoc (`<<`, `<<-`); three are a here-string.
      if (at.has(i - 1)) continue;
      let n = 1;
      while (at.has(i + n)) n++;
      if (n === 2) return true;
    }
  }
  return false;
}

/** Why a team instruction cannot go into a stage as written, or null when it can. */
export function instructionProblem(text: string): string | null {
  if (/[\r\n\u2028\u2029\u0085\f\v]/.test(text)) return 'must be a single line (one instruction per entry)';
  if (/\\[ \t]*$/.test(text)) return 'must not end with a line continuation (\\)';
  const line = text.replace(/^[ \t]+/, '');
  const match = /^([A-Za-z]+)(?:[ \t]+(.*))?$/.exec(line);
  if (line === '' || line.startsWith('#') || !match) return `${quote(text)} is not a Dockerfile instruction`;
  const keyword = match[1]!.toUpperCase();
  const args = (match[2] ?? '').trim();
  const allowed = `; use one of ${ALLOWED_INSTRUCTIONS.join(', ')}`;
  if (!(ALLOWED_INSTRUCTIONS as readonly string[]).includes(keyword)) {
    return ['FROM', 'ENTRYPOINT', 'CMD', 'USER'].includes(keyword)
      ? `${keyword} is not allowed: the generator owns the stage's base, entrypoint, command and user${allowed}`
      : `${quote(match[1]!)} is not an allowed Dockerfile instruction${allowed}`;
  }
  if (args === '') return `${keyword} needs arguments`;
  if (keyword === 'ONBUILD') {
    const trigger = /^([A-Za-z]+)(?:[ \t]|$)/.exec(args)?.[1]?.toUpperCase() ?? '';
    if (!(ALLOWED_INSTRUCTIONS as readonly string[]).includes(trigger) || trigger === 'ONBUILD') {
      return `ONBUILD ${trigger || '(nothing)'} is not allowed${allowed}`;
    }
  }
  if (opensHeredoc(args)) return 'must not use a heredoc (<<EOF): its body would take the lines that follow';
  return null;
}
