import { OPTION_SPECS, type OptionGroup, type OptionSpec } from './index';
import { VERSION } from '../shared/version';

const GROUP_TITLES: Record<OptionGroup, string> = {
  create: 'What to generate',
  deploy: 'Deploy artefacts',
  run: 'How to run',
  lint: 'Linting',
};

function flagLine(spec: OptionSpec): [string, string] {
  const name = spec.type === 'boolean' ? `--${spec.flag}` : `--${spec.flag} <${spec.valueName ?? (spec.choices ? spec.choices.join('|') : 'value')}>`;
  const left = spec.short ? `-${spec.short}, ${name}` : `    ${name}`;
  const parts = [spec.description];
  if (spec.choices && spec.valueName) parts.push(`choices: ${spec.choices.join(', ')}`);
  const def = spec.defaultText ?? (spec.default === undefined || (Array.isArray(spec.default) && spec.default.length === 0) ? undefined : String(spec.default));
  if (def !== undefined) parts.push(`default: ${def}`);
  if (spec.type === 'list') parts.push('repeatable');
  return [left, parts.join('; ')];
}

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
function row(left: string, right: string, width: number, column = DESCRIPTION_COLUMN): string[] {
  const indent = ' '.repeat(column);
  const text = wrap(right, width - column);
  const head = `  ${left}`;
  if (head.length + 2 > column) return [head, ...text.map((t) => indent + t)];
  return [head.padEnd(column) + (text[0] ?? ''), ...text.slice(1).map((t) => indent + t)];
}

/** --help, generated from the same specs the parser uses, so it cannot drift from them. */
export function createHelp(width = HELP_WIDTH): string {
  const lines = [
    `create-lambda-image ${VERSION}: multi-stage Dockerfiles for AWS Lambda container images`,
    '',
    'Usage:',
    ...row('create-lambda-image [dir] [flags]', 'write a function folder (asks at a terminal for what is missing)', width, 40),
    ...row('create-lambda-image list [--json]', 'the catalog: runtimes, bases, families', width, 40),
    ...row('create-lambda-image lint [FILE|-]...', 'check Dockerfiles for Lambda compatibility', width, 40),
    ...row('create-lambda-image check [dir]', 'compare generated files with their options (CI drift check)', width, 40),
    ...row('create-lambda-image verify IMAGE', 'run a built image the way Lambda would', width, 40),
    ...row('create-lambda-image help [command]', 'this help, or a command\'s', width, 40),
    '  npm create lambda-image@latest my-fn -- --runtime python3.13',
    '',
    'A folder named like a command is created with ./lint or --dir lint.',
  ];
  for (const group of Object.keys(GROUP_TITLES) as OptionGroup[]) {
    const specs = OPTION_SPECS.filter((s) => s.group === group && s.flag);
    lines.push('', `${GROUP_TITLES[group]}:`);
    for (const [left, right] of specs.map(flagLine)) lines.push(...row(left, right, width));
  }
  lines.push(
    '',
    'Other:',
    ...row('-h, --help', 'show this help', width),
    ...row('-v, --version', 'show the version', width),
    '',
    ...wrap('Exit codes: 0 success; 1 lint finding at or above the threshold, drift (check), or a function error (verify); 2 usage, input or config error (nothing written); 130 cancelled.', width),
  );
  return lines.join('\n');
}
