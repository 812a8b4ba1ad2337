/**
 * `create-lambda-image lint [FILE|-]...`: exit 1 when a finding reaches the failure threshold
 * (`none` never fails), 0 otherwise; usage errors and unreadable files throw UsageError (2).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_FILE } from '../inputs/config/file';
import { UsageError } from '../shared/errors';
import { parseCommandArgs, withDefaults, type FlagSpec } from '../shared/args';
import { ARCHES } from '../options';
import { commandHelp } from '../shared/help';
import { say, type Io } from '../shared/io';
import { lintText, type LintResult } from '../lint';
import { MAX_CONFIG_BYTES, MAX_DOCKERFILE_BYTES, readLimited, readStreamLimited } from '../lint/read';
import { FORMATS, formatReport, type Format } from '../lint/report';
import { resolveSettings, type SettingsLayer } from '../lint/settings';
import { HADOLINT_MODES, LEVELS, type Finding, type HadolintMode, type Threshold } from '../lint/types';

/** lint's flags, read by the one parser and listed in its help. */
export const LINT_SPECS: readonly FlagSpec[] = [
  { key: 'format', flag: 'format', short: 'f', type: 'string', choices: FORMATS, default: 'tty', description: "output format (json is hadolint's shape)" },
  { key: 'failureThreshold', flag: 'failure-threshold', short: 't', type: 'string', valueName: 'level', choices: [...LEVELS, 'none'], defaultText: 'warning', description: 'exit 1 when a finding is at or above this level (none never fails)' },
  { key: 'hadolint', flag: 'hadolint', type: 'string', choices: HADOLINT_MODES, default: 'auto', description: 'real hadolint from $HADOLINT or PATH (auto), the hadolint/hadolint:v2.15.1 image (docker), or never (off)' },
  { key: 'config', flag: 'config', short: 'c', type: 'string', valueName: 'file', defaultText: 'searched as hadolint does', description: 'a .hadolint.yaml' },
  { key: 'ignore', flag: 'ignore', type: 'list', valueName: 'code', commaList: true, description: 'ignore a rule (or several, comma-separated)' },
  { key: 'arch', flag: 'arch', type: 'string', choices: ARCHES, description: "the function's architecture (checks FROM --platform, tags)" },
  { key: 'allowDeprecated', flag: 'allow-deprecated', type: 'boolean', default: false, description: 'report a deprecated runtime as a warning, not an error' },
  { key: 'registryMirror', flag: 'registry-mirror', type: 'list', valueName: 'prefix', description: 'a registry prefix that mirrors public.ecr.aws; images under it are judged as the AWS images they mirror' },
  { key: 'lambdaRules', flag: 'lambda-rules', type: 'boolean', default: true, description: 'run the Lambda rules; --no-lambda-rules runs only the DL/SC rules (for Dockerfiles that are not Lambda images)' },
];

export const lintHelp = commandHelp({
  usage: ['Usage: create-lambda-image lint [FILE|-]... [options]'],
  about: [
    'Lint Dockerfiles for AWS Lambda: hadolint-compatible DL rules (or a real hadolint when one is installed), ShellCheck on RUN scripts when shellcheck is installed, and Lambda rules (LAM). FILE defaults to ./Dockerfile; "-" reads standard input.',
  ],
  specs: LINT_SPECS,
  notes: [
    'Settings precedence: flags > lambda-image.yaml "lint:" > .hadolint.yaml > defaults. lambda-image.yaml is read from the current folder; its registryMirror counts as a mirror. Files over 16 MB (configs over 1 MB), FIFOs and devices are refused (exit 2).',
    'Suppress in the file: "# hadolint ignore=DL3008" (DL/SC codes, next line) and "# lambda-lint ignore=LAM004" (LAM codes, next instruction); "global ignore=" for the file.',
    'Exit codes: 0 clean, 1 a finding at or above the threshold (or a parse error), 2 usage error.',
  ],
});

interface ParsedArgs {
  files: string[];
  format: Format;
  threshold?: Threshold;
  hadolint: HadolintMode;
  config?: string;
  ignore: string[];
  arch?: 'x86_64' | 'arm64';
  allowDeprecated: boolean;
  registryMirrors: string[];
  lambdaRules: boolean;
  help: boolean;
}

export function parseLintArgs(args: string[]): ParsedArgs {
  const parsed = parseCommandArgs(args, LINT_SPECS, { command: 'lint' });
  const { positionals: files, help } = parsed;
  const values = withDefaults(parsed.values, LINT_SPECS);
  if (help) return { files, format: values.format as Format, hadolint: values.hadolint as HadolintMode, ignore: [], allowDeprecated: false, registryMirrors: [], lambdaRules: true, help };
  const registryMirrors = ((values.registryMirror as string[] | undefined) ?? []).map((given) => {
    const mirror = given.trim().replace(/\/+$/, '');
    if (!/^[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._-]+)*$/.test(mirror)) throw new UsageError(`--registry-mirror must be a registry host with an optional path, such as registry.example.com/ecr-public (got ${JSON.stringify(mirror.slice(0, 80))})`);
    return mirror;
  });
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  return {
    files,
    format: values.format as Format,
    ...(values.failureThreshold ? { threshold: values.failureThreshold as Threshold } : {}),
    hadolint: values.hadolint as HadolintMode,
    ...(values.config ? { config: values.config as string } : {}),
    ignore: (values.ignore as string[] | undefined) ?? [],
    ...(values.arch ? { arch: values.arch as 'x86_64' | 'arm64' } : {}),
    allowDeprecated: values.allowDeprecated === true,
    registryMirrors,
    lambdaRules: values.lambdaRules === true,
    help,
  };
}

/** The project's lambda-image.yaml in `cwd`, when there is one: its `lint:` section and mirror. */
async function projectConfig(cwd: string): Promise<{ lint?: SettingsLayer; mirror?: string }> {
  const path = resolve(cwd, CONFIG_FILE);
  if (!existsSync(path)) return {};
  // The same type and size limit as every other file lint reads, before the YAML parser sees it.
  readLimited(path, CONFIG_FILE, MAX_CONFIG_BYTES);
  const { loadConfig } = await import('../inputs/config');
  const config = await loadConfig({ cwd });
  return { ...(config.lint ? { lint: config.lint } : {}), ...(config.policy.registryMirror ? { mirror: config.policy.registryMirror } : {}) };
}

export interface RunLintOptions {
  /** The `lint:` section of lambda-image.yaml, when the CLI loaded one. */
  project?: SettingsLayer;
}

export async function runLint(args: string[], io: Io, opts: RunLintOptions = {}): Promise<number> {
  const parsed = parseLintArgs(args);
  if (parsed.help) {
    io.stdout.write(lintHelp);
    return 0;
  }
  const files = parsed.files.length ? parsed.files : ['Dockerfile'];
  // Read everything first: an unreadable file is a usage error and nothing is reported.
  const texts: string[] = [];
  for (const f of files) {
    texts.push(f === '-' ? await readStreamLimited(io.stdin, 'standard input', MAX_DOCKERFILE_BYTES) : readLimited(resolve(io.cwd, f), f, MAX_DOCKERFILE_BYTES));
  }
  const project = opts.project ? { lint: opts.project } : await projectConfig(io.cwd);
  const registryMirrors = [...parsed.registryMirrors, ...(project.mirror ? [project.mirror] : [])];
  const flags: SettingsLayer = {
    ...(parsed.threshold ? { failureThreshold: parsed.threshold } : {}),
    ignored: parsed.ignore,
  };
  const { settings, configPath } = await resolveSettings({ cwd: io.cwd, env: io.env, configPath: parsed.config, project: project.lint, flags });
  const results: LintResult[] = [];
  for (const [k, file] of files.entries()) {
    results.push(await lintText(texts[k]!, {
      file,
      today: io.now(),
      ...(parsed.arch ? { arch: parsed.arch } : {}),
      allowDeprecated: parsed.allowDeprecated,
      hadolint: parsed.hadolint,
      lambdaRules: parsed.lambdaRules,
      registryMirrors,
      resolved: settings,
      ...(configPath && parsed.config ? { configPath } : {}),
      cwd: io.cwd,
      env: io.env,
    }));
  }
  const findings: Finding[] = results.flatMap((r) => r.findings);
  const engine = [...new Set(results.map((r) => r.engine))].join('; ');
  // Which engine judged the files, on stderr so json and sarif output stay clean.
  say(io.stderr, `lint: ${files.length} ${files.length === 1 ? 'file' : 'files'} checked by ${engine}`);
  for (const note of [...new Set(results.flatMap((r) => r.notes))]) say(io.stderr, `lint: ${note}`);
  if (parsed.format === 'tty' && parsed.lambdaRules) {
    // Once per file: the LAM findings of a Dockerfile that is not a Lambda image are noise.
    for (const [k, r] of results.entries()) {
      if (!r.lambdaImage) say(io.stderr, `lint: ${files[k]} does not look like a Lambda image (no AWS base, runtime interface client or Web Adapter); --no-lambda-rules checks it with the DL rules only`);
    }
  }
  io.stdout.write(formatReport(parsed.format, { findings, engine, files }, io.stdout, io.env));
  return results.some((r) => r.failed) ? 1 : 0;
}
