/**
 * The one adapter over dockerfile-ast. Rules see only this model; every quirk of the parser
 * is handled here:
 *  - JSON strings are decoded from their source range (getJSONValue() drops whitespace);
 *  - COPY/ADD flags come from getFlags() (getFromFlag() fails when there are several flags);
 *  - comment lines inside continuations are dropped from RUN/CMD/ENTRYPOINT text;
 *  - heredoc bodies are kept out of argument lists and comments;
 *  - `<< 'EOF'` (a space after `<<`) is not read as a heredoc by the parser: it is recorded
 *    and the text is re-parsed with the space moved behind the word, so the body does not
 *    turn into bogus instructions.
 */
import { DockerfileParser, Instruction } from 'dockerfile-ast';

/*
 * dockerfile-ast re-tokenises an instruction's text on every getter call, and its constructors
 * and getters call one another: a 25-line Dockerfile was tokenised about six times per
 * instruction, most of a generation's lint time. A parsed document never changes, so each
 * instruction's tokens are kept; callers get a copy, as some of them shift the array.
 */
type Tokeniser = { getRawArguments(this: Instruction): ReturnType<Instruction['getArguments']> };
const proto = Instruction.prototype as unknown as Tokeniser;
const rawArguments = proto.getRawArguments;
const tokens = new WeakMap<Instruction, ReturnType<Instruction['getArguments']>>();
proto.getRawArguments = function getRawArguments(this: Instruction) {
  let args = tokens.get(this);
  if (!args) {
    args = rawArguments.call(this);
    tokens.set(this, args);
  }
  return args.slice();
};

export interface DfFlag {
  name: string;
  value: string | null;
}

export interface DfHeredoc {
  name: string;
  body: string;
  /** 1-based line of the first body line (the line after the instruction when empty). */
  line: number;
}

export interface DfInstruction {
  /** Upper-case keyword as written (unknown ones too). */
  keyword: string;
  /** 1-based position of the keyword. */
  line: number;
  column: number;
  endLine: number;
  /** Argument words after the flags, heredoc bodies excluded, quotes kept as written. */
  args: string[];
  /** Argument text after the flags as Docker reads it (continuations joined, comment lines dropped). */
  argsText: string;
  flags: DfFlag[];
  /** JSON (exec) form: a valid JSON array of strings. */
  exec: boolean;
  /** Decoded JSON strings in exec form, else null. */
  json: string[] | null;
  /** For shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK: the script the shell receives. */
  script: string | null;
  heredocs: DfHeredoc[];
  /** ENV, ARG and LABEL name/value pairs (values unquoted; null for `ARG NAME`). */
  pairs: { name: string; value: string | null }[];
  /** Index of the stage the instruction belongs to; -1 before the first FROM. */
  stage: number;
  /** The instruction inside ONBUILD. */
  trigger: DfInstruction | null;
  /** The shell in effect for this instruction (SHELL, or the default /bin/sh -c). */
  shell: string[];
}

export interface DfStage {
  index: number;
  /** Stage name as written after AS, or null. */
  name: string | null;
  line: number;
  /** Image reference as written (may hold ${ARG}s). */
  image: string | null;
  /** Image reference with the global ARG defaults substituted; null when a variable stays unresolved. */
  expandedImage: string | null;
  /** --platform value as written. */
  platform: string | null;
  /** Index of the earlier stage this one builds FROM, if any. */
  parent: number | null;
  isFinal: boolean;
  from: DfInstruction;
  /** The stage's instructions, FROM first. */
  instructions: DfInstruction[];
}

export interface DfComment {
  line: number;
  /** Text after the `#`, trimmed. */
  text: string;
}

export interface DfProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedDockerfile {
  text: string;
  lines: string[];
  escape: string;
  instructions: DfInstruction[];
  stages: DfStage[];
  finalStage: DfStage | null;
  /** ARGs before the first FROM, with their defaults. */
  globalArgs: Map<string, string | null>;
  comments: DfComment[];
  directives: { name: string; value: string; line: number }[];
  /** Syntax problems Docker would reject (unknown instruction, missing arguments, empty file). */
  errors: DfProblem[];
  /** `<<` followed by a space (not a heredoc for every Dockerfile parser). */
  heredocSpaces: DfProblem[];
}

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
const JSON_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);
const SCRIPT_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const DEFAULT_SHELL = ['/bin/sh', '-c'];

/** The parts of dockerfile-ast's instruction classes the adapter uses (some are protected there). */
interface AnyAst {
  getRange(): Range;
  getKeyword(): string;
  getArguments(): { getValue(): string; getRange(): Range }[];
  getFlags?(): { getName(): string; getValue(): string | null }[];
  getOpeningBracket?(): unknown;
  getClosingBracket?(): unknown;
  getJSONStrings?(): { getJSONRange(): Range }[];
  getHeredocs?(): { getName(): string; getContentRange(): Range | null; getDelimiterRange(): Range | null; getNameRange(): Range }[];
  getProperties?(): { getName(): string; getValue(): string | null }[];
  getTriggerInstruction?(): unknown;
}
interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

const HEREDOC_SPACE = /(?<![<\d])<<(-?)([ \t]+)(["']?)([A-Za-z_][\w.-]*)\3/g;

export function parseDockerfile(input: string): ParsedDockerfile {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let df = DockerfileParser.parse(text);
  let lines = text.split(/\r?\n|\r/);
  const heredocSpaces = findHeredocSpaces(df.getInstructions() as unknown as AnyAst[], lines);
  if (heredocSpaces.length > 0) {
    // Move the space behind the word: same length, so every position stays valid.
    const patched = lines.slice();
    for (const h of heredocSpaces) {
      const l = patched[h.line - 1]!;
      patched[h.line - 1] = l.replace(HEREDOC_SPACE, (_m, dash: string, sp: string, q: string, w: string) => `<<${dash}${q}${w}${q}${sp}`);
    }
    const eols = text.match(/\r?\n|\r/g) ?? [];
    text = patched.map((l, i) => l + (eols[i] ?? '')).join('');
    df = DockerfileParser.parse(text);
    lines = text.split(/\r?\n|\r/);
  }
  const escape = df.getEscapeCharacter();
  const ctx: Ctx = { lines, escape, lineStarts: lineStarts(text), text };

  const globalArgs = new Map<string, string | null>();
  const instructions: DfInstruction[] = [];
  const stages: DfStage[] = [];
  const heredocLines = new Set<number>();
  let shell = DEFAULT_SHELL;
  const shellOfStage: string[][] = [];

  const unparsable: DfProblem[] = [];
  for (const ast of df.getInstructions() as unknown as AnyAst[]) {
    let ins: DfInstruction;
    try {
      ins = convert(ast, ctx, heredocLines);
    } catch {
      // dockerfile-ast can throw on malformed input; a file is a finding, never a crash.
      const line = safeLine(ast);
      unparsable.push({ line, column: 1, message: 'This instruction could not be parsed; Docker is unlikely to build this file.' });
      continue;
    }
    if (ins.keyword === 'FROM') {
      const index = stages.length;
      // dockerfile-ast re-tokenises the line on every getter call: read the parts from our args.
      const rawImage = ins.args[0] ?? null;
      const expanded = rawImage === null ? null : unquote(expand(rawImage, globalArgs));
      const name = ins.args[1]?.toUpperCase() === 'AS' ? ins.args[2] ?? null : null;
      const parent = expanded === null ? -1 : stages.findIndex((s) => s.name !== null && s.name.toLowerCase() === expanded.toLowerCase());
      stages.push({
        index,
        name,
        line: ins.line,
        image: rawImage,
        expandedImage: expanded,
        platform: ins.flags.find((f) => f.name === 'platform')?.value ?? null,
        parent: parent >= 0 ? parent : null,
        isFinal: false,
        from: ins,
        instructions: [],
      });
      // A stage built FROM an earlier stage inherits its SHELL.
      shell = parent >= 0 ? shellOfStage[parent] ?? DEFAULT_SHELL : DEFAULT_SHELL;
      shellOfStage[index] = shell;
    }
    ins.stage = stages.length - 1;
    ins.shell = shell;
    if (ins.trigger) {
      ins.trigger.stage = ins.stage;
      ins.trigger.shell = shell;
    }
    if (ins.keyword === 'SHELL' && ins.json && ins.json.length > 0) {
      shell = ins.json;
      shellOfStage[ins.stage] = shell;
    }
    if (ins.keyword === 'ARG' && ins.stage < 0) for (const p of ins.pairs) globalArgs.set(p.name, p.value);
    instructions.push(ins);
    stages[ins.stage]?.instructions.push(ins);
  }
  const finalStage = stages[stages.length - 1] ?? null;
  if (finalStage) finalStage.isFinal = true;

  const { comments, directives } = scanComments(lines, heredocLines);
  const errors: DfProblem[] = [...unparsable];
  if (instructions.length === 0) {
    errors.push({ line: 1, column: 1, message: 'No instructions found: the file is empty or holds only comments.' });
  }
  for (const ins of instructions) {
    if (!KEYWORDS.has(ins.keyword)) {
      errors.push({ line: ins.line, column: ins.column, message: `Unknown instruction "${printable(ins.keyword)}"; Docker cannot build this file.` });
    } else if (ins.argsText.trim() === '' && ins.heredocs.length === 0) {
      errors.push({ line: ins.line, column: ins.column, message: `${ins.keyword} needs arguments; Docker cannot build this file.` });
    }
  }
  return { text, lines, escape, instructions, stages, finalStage, globalArgs, comments, directives, errors, heredocSpaces };
}

interface Ctx {
  lines: string[];
  escape: string;
  lineStarts: number[];
  text: string;
}

function safeLine(ast: AnyAst): number {
  try {
    return ast.getRange().start.line + 1;
  } catch {
    return 1;
  }
}

/** dockerfile-ast throws from getHeredocs() on some malformed continuations; treat that as none. */
function safeHeredocs(ast: AnyAst): ReturnType<NonNullable<AnyAst['getHeredocs']>> {
  try {
    return ast.getHeredocs?.() ?? [];
  } catch {
    return [];
  }
}

function convert(ast: AnyAst, ctx: Ctx, heredocLines: Set<number>): DfInstruction {
  const range = ast.getRange();
  const keyword = ast.getKeyword();
  const astHeredocs = HEREDOC_KEYWORDS.has(keyword) ? safeHeredocs(ast) : [];
  const heredocs: DfHeredoc[] = [];
  let bodyStart = Number.POSITIVE_INFINITY;
  for (const h of astHeredocs) {
    const content = h.getContentRange();
    const delim = h.getDelimiterRange();
    const name = h.getName();
    if (!name) continue;
    const first = content?.start.line ?? delim?.start.line ?? h.getNameRange().start.line + 1;
    bodyStart = Math.min(bodyStart, first);
    const last = content?.end.line ?? first - 1;
    for (let l = first; l <= (delim?.end.line ?? last); l++) heredocLines.add(l);
    heredocs.push({ name, body: ctx.lines.slice(first, last + 1).join('\n'), line: first + 1 });
  }
  // Argument words on the instruction's own lines (heredoc bodies are data).
  const astArgs = ast.getArguments().filter((a) => a.getRange().start.line < bodyStart);
  const args = astArgs.map((a) => a.getValue());
  const flags = (ast.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue() }));
  const start = astArgs[0]?.getRange().start ?? null;
  const endLine = Number.isFinite(bodyStart) ? bodyStart - 1 : range.end.line;
  const argsText = start ? joinLines(ctx, start.line, start.character, Math.max(start.line, endLine)) : '';

  let exec = false;
  let json: string[] | null = null;
  if (JSON_FORM.has(keyword) && ast.getOpeningBracket?.() && ast.getClosingBracket?.()) {
    json = decodeJson(ast, ctx, argsText);
    exec = json !== null;
  }
  let script: string | null = null;
  if (!exec && SCRIPT_FORM.has(keyword)) {
    script = argsText;
    if (heredocs.length > 0 && keyword === 'RUN') {
      // `RUN <<EOF` runs the body; `RUN cmd <<EOF` runs cmd with the heredoc as a shell heredoc.
      script = /^<<-?["']?[^\s"']+["']?\s*$/.test(argsText.trim())
        ? heredocs[0]!.body
        : [argsText, ...heredocs.flatMap((h) => [h.body, h.name])].join('\n');
    }
  }
  const pairs = (keyword === 'ENV' || keyword === 'ARG' || keyword === 'LABEL')
    ? (ast.getProperties?.() ?? []).map((p) => ({ name: p.getName(), value: p.getValue() }))
    : [];
  const triggerAst = keyword === 'ONBUILD' ? ((ast.getTriggerInstruction?.() ?? null) as AnyAst | null) : null;
  return {
    keyword,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    args,
    argsText,
    flags,
    exec,
    json,
    script,
    heredocs,
    pairs,
    stage: -1,
    trigger: triggerAst ? convert(triggerAst, ctx, heredocLines) : null,
    shell: DEFAULT_SHELL,
  };
}

/**
 * The text Docker sees after joining continuation lines: lines that are blank or comments
 * inside a continuation are dropped, a trailing escape char (plus trailing blanks) joins.
 */
function joinLines(ctx: Ctx, first: number, startChar: number, last: number): string {
  const out: string[] = [];
  for (let l = first; l <= last; l++) {
    let s = ctx.lines[l] ?? '';
    if (l === first) s = s.slice(startChar);
    else if (/^\s*#/.test(s) || /^\s*$/.test(s)) continue;
    const t = s.replace(/\s+$/, '');
    if (t.endsWith(ctx.escape)) {
      out.push(t.slice(0, -1));
    } else {
      out.push(s);
      if (l < last) break; // no continuation: the instruction ends here
    }
  }
  return out.join('');
}

function decodeJson(ast: AnyAst, ctx: Ctx, argsText: string): string[] | null {
  // Docker's rule: exec form only if the whole text is a JSON array of strings.
  let whole: unknown;
  try {
    whole = JSON.parse(argsText);
  } catch {
    return null;
  }
  if (!Array.isArray(whole) || !whole.every((v) => typeof v === 'string')) return null;
  const strings = ast.getJSONStrings?.() ?? [];
  if (strings.length !== whole.length) return whole as string[];
  try {
    return strings.map((s) => {
      const r = s.getJSONRange();
      const raw = ctx.text.slice(offset(ctx, r.start), offset(ctx, r.end));
      if (/[\r\n]/.test(raw)) throw new Error('spans lines');
      return JSON.parse(`"${raw}"`) as string;
    });
  } catch {
    return whole as string[];
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function offset(ctx: Ctx, p: { line: number; character: number }): number {
  return (ctx.lineStarts[p.line] ?? ctx.text.length) + p.character;
}

/** Comments and parser directives, by line; heredoc bodies are neither. */
function scanComments(lines: string[], heredocLines: Set<number>): Pick<ParsedDockerfile, 'comments' | 'directives'> {
  const comments: DfComment[] = [];
  const directives: ParsedDockerfile['directives'] = [];
  let directivesOpen = true;
  lines.forEach((line, i) => {
    if (heredocLines.has(i)) return;
    const m = /^\s*#(.*)$/.exec(line);
    if (!m) {
      directivesOpen = false;
      return;
    }
    // Docker reads `# key=value` as a directive only at the very top and only for known keys.
    const d = directivesOpen ? /^\s*(syntax|escape|check)\s*=\s*(.*?)\s*$/i.exec(m[1]!) : null;
    if (d) directives.push({ name: d[1]!.toLowerCase(), value: d[2]!, line: i + 1 });
    else {
      directivesOpen = false;
      comments.push({ line: i + 1, text: m[1]!.trim() });
    }
  });
  return { comments, directives };
}

function findHeredocSpaces(instructions: AnyAst[], lines: string[]): DfProblem[] {
  const found: DfProblem[] = [];
  for (const ast of instructions) {
    const k = ast.getKeyword();
    if (k !== 'RUN' && k !== 'COPY' && k !== 'ADD') continue;
    const l = ast.getRange().start.line;
    const line = lines[l] ?? '';
    if (line.includes('((')) continue; // arithmetic shifts, not heredocs
    for (const m of line.matchAll(HEREDOC_SPACE)) {
      const word = m[4]!;
      const strip = m[1] === '-';
      // Only a real heredoc attempt: a later line closes it.
      const closes = lines.slice(l + 1).some((x) => (strip ? x.replace(/^\t+/, '') : x).replace(/\s+$/, '') === word);
      if (closes) found.push({ line: l + 1, column: (m.index ?? 0) + 1, message: word });
    }
  }
  return found;
}

/**
 * Substitutes `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alt}` from the global ARGs.
 * Returns null when a variable has no value (the reference cannot be known statically).
 */
export function expand(value: string, vars: Map<string, string | null>): string | null {
  let unresolved = false;
  const out = value.replace(/\$(?:\{([A-Za-z_]\w*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_]\w*))/g, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const v = vars.get(braced ?? bare ?? '');
    const isSet = v !== undefined && v !== null;
    const nonEmpty = isSet && v !== '';
    if (op === ':-') return nonEmpty ? v : word ?? '';
    if (op === '-') return isSet ? v : word ?? '';
    if (op === ':+') return nonEmpty ? word ?? '' : '';
    if (op === '+') return isSet ? word ?? '' : '';
    if (!isSet) unresolved = true;
    return v ?? '';
  });
  return unresolved || out.includes('$') ? null : out;
}

/**
 * Docker reads the FROM image as a shell word, so `FROM "python:3.13"` and `FROM 'python:3.13'`
 * name python:3.13: the quotes go, what they enclose stays.
 */
function unquote(word: string | null): string | null {
  return word === null ? null : word.replace(/"([^"]*)"|'([^']*)'/g, (_m, dq: string | undefined, sq: string | undefined) => dq ?? sq ?? '');
}

function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').slice(0, 40);
}

/** Value of a flag (`--from=build` → "build"); undefined when the flag is absent. */
export function flagValue(ins: DfInstruction, name: string): string | null | undefined {
  const f = ins.flags.find((x) => x.name === name);
  return f ? f.value : undefined;
}

/** `--mount=type=cache,target=/x` options as a map. */
export function mountOptions(value: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (value ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) map.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    else if (part.trim()) map.set(part.trim().toLowerCase(), 'true');
  }
  return map;
}

/** Cache-mount targets of a RUN (`--mount=type=cache,target=...`). */
export function cacheMountTargets(ins: DfInstruction): string[] {
  return ins.flags
    .filter((f) => f.name === 'mount')
    .map((f) => mountOptions(f.value))
    .filter((o) => o.get('type') === 'cache')
    .map((o) => o.get('target') ?? o.get('dst') ?? o.get('destination') ?? '')
    .filter(Boolean);
}
