import { OPTION_SPECS, type OptionGroup, type OptionModel } from './index';
import { flagRows, HELP_WIDTH, row, standardRows, wrap } from '../shared/help';

export { HELP_WIDTH, wrap };
import { VERSION } from '../shared/version';

const GROUP_TITLES: Record<OptionGroup, string> = {
  create: 'What to generate',
  deploy: 'Deploy artefacts',
  run: 'How to run',
  lint: 'Linting',
};

/** --help, generated from the same specs the parser uses, so it cannot drift from them. */
export function createHelp(width = HELP_WIDTH, model: OptionModel = OPTION_SPECS): string {
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
    lines.push('', `${GROUP_TITLES[group]}:`, ...flagRows(model.filter((s) => s.group === group), width));
  }
  lines.push(
    '',
    'Other:',
    ...standardRows(true, width),
    '',
    ...wrap('Exit codes: 0 success; 1 lint finding at or above the threshold, drift (check), or a function error (verify); 2 usage, input or config error (nothing written); 130 cancelled.', width),
  );
  return lines.join('\n');
}
