import { OPTION_SPECS, type OptionGroup, type OptionSpec } from './options';
import { VERSION } from './version';

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

/** --help, generated from the same specs the parser uses, so it cannot drift from them. */
export function createHelp(): string {
  const lines = [
    `create-lambda-image ${VERSION}: multi-stage Dockerfiles for AWS Lambda container images`,
    '',
    'Usage:',
    '  create-lambda-image [dir] [flags]        write a function folder (prompts for what is missing on a terminal)',
    '  create-lambda-image list [--json]        the catalog: runtimes, bases, families',
    '  create-lambda-image lint [FILE|-]...     check Dockerfiles for Lambda compatibility',
    '  create-lambda-image check [dir]          compare generated files with their options (CI drift check)',
    '  create-lambda-image verify IMAGE         run a built image the way Lambda would',
    '  npm create lambda-image@latest my-fn -- --runtime python3.13',
    '',
    'A folder named like a command is created with ./lint or --dir lint.',
  ];
  for (const group of Object.keys(GROUP_TITLES) as OptionGroup[]) {
    const specs = OPTION_SPECS.filter((s) => s.group === group && s.flag);
    lines.push('', `${GROUP_TITLES[group]}:`);
    const rows = specs.map(flagLine);
    const width = Math.max(...rows.map(([l]) => l.length)) + 2;
    for (const [left, right] of rows) lines.push(`  ${left.padEnd(width)}${right}`);
  }
  lines.push(
    '',
    'Other:',
    '  -h, --help     show this help',
    '  -v, --version  show the version',
    '',
    'Exit codes: 0 success; 1 lint finding at or above the threshold, drift (check), or a function error (verify);',
    '            2 usage, input or config error (nothing written); 130 cancelled.',
  );
  return lines.join('\n');
}
