import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DeployInput } from '../deploy';
import { UsageError } from '../shared/errors';
import type { GeneratedFile } from '../shared/files';
import { generate, type Generated } from './generate';
import { createHelp } from '../options/help';
import { defaultOf, OPTION_SPECS, runKeys, specByKey, type OptionModel } from '../options';
import type { LoadedConfig } from '../inputs/config';
import { CONFIG_FILE, noConfig } from '../inputs/config/file';
import { describeDetected, detectedValues, detectProject, handlerProblem, realFolder } from '../inputs/detect';
import { parseFlags } from '../inputs/flags';
import { shellQuote } from '../inputs/package-manager';
import { say, type Io } from '../shared/io';
import { nextSteps } from './next-steps';
import type { ProjectFacts } from '../plan';
import { PROJECT_DIRS } from '../plan/common';
import { findAwsRuntime } from '../catalog';
import { findLanguageRuntime } from '../catalog/language-runtimes';
import { flagOrigin, resolveOptions, type Origin, type Resolved } from '../options/resolve';
import { projectName, isSafePath } from '../options/validate';
import { quote } from '../shared/quote';
import { VERSION } from '../shared/version';
import { conflictError, planWrite, writeFiles, type WritePlan } from '../write';


export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** Prompts only for a person at a terminal: both ends a TTY and not CI, unless forced. */
export function isInteractive(values: Record<string, unknown>, io: Io): boolean {
  if (values.yes === true || values.interactive === false) return false;
  if (values.interactive === true) return true;
  return Boolean(io.stdin.isTTY) && Boolean(io.stdout.isTTY) && !isCi(io.env);
}

/** Top-level files of an existing folder, for lockfile and project detection. */
export function scanFolder(dir: string): ProjectFacts {
  if (!existsSync(dir)) return { files: new Set() };
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a folder`);
  const files = new Set(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name));
  const dirs = new Set(PROJECT_DIRS.filter((d) => realFolder(dir, d)));
  return { files, dirs };
}

/** The language of the runtime given (on the base given), if the catalog knows it. */
function runtimeLanguageOf(values: Record<string, unknown>): string | undefined {
  const runtime = String(values.runtime);
  if (values.base === undefined || values.base === 'aws') return findAwsRuntime(runtime)?.language ?? (values.base === undefined ? findLanguageRuntime(runtime)?.language : undefined);
  return findLanguageRuntime(runtime)?.language;
}

/** Where the docker CLI looks for system-wide plugins on Linux and macOS. */
export const SYSTEM_PLUGIN_DIRS = ['/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];

/**
 * Whether the docker CLI has the buildx plugin, so the printed build command is one that works
 * here: the plugin binary in the user's ($DOCKER_CONFIG or ~/.docker) or a system plugin folder,
 * where the CLI itself looks. Read from disk rather than by running docker, which keeps a create
 * run free of child processes. Undefined where those folders do not apply (Windows).
 */
export function hasBuildx(env: NodeJS.ProcessEnv, systemDirs: readonly string[] = SYSTEM_PLUGIN_DIRS): boolean | undefined {
  if (process.platform === 'win32') return undefined;
  const config = env.DOCKER_CONFIG || (env.HOME ? join(env.HOME, '.docker') : undefined);
  const dirs = [...(config ? [join(config, 'cli-plugins')] : []), ...systemDirs];
  return dirs.some((d) => existsSync(join(d, 'docker-buildx')));
}

/** The values that are options, without the run settings (which never reach the plan). */
export function optionValues(values: Record<string, unknown>, model: OptionModel = OPTION_SPECS): Record<string, unknown> {
  const run = runKeys(model);
  return Object.fromEntries(Object.entries(values).filter(([k]) => !run.includes(k)));
}

/** The function's default name and the deploy artefacts' input. */
export function deployInput(resolved: Resolved, generated: Generated, name: string): DeployInput {
  const { options } = resolved;
  return {
    kind: options.deploy,
    arch: options.arch,
    functionName: name,
    repositoryName: name.toLowerCase(),
    ...(options.imageConfig ? { imageConfig: generated.plan.settings } : {}),
    needsBuildKit: generated.plan.needsBuildKit,
    ecrPolicy: options.ecrPolicy,
    allowAccounts: options.allowAccounts,
    ...(options.region ? { region: options.region } : {}),
  };
}

/** The YAML parser and schema validator load only when there is a config file to read. */
async function loadConfigIfAny(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  if (explicit || existsSync(resolve(cwd, CONFIG_FILE))) return (await import('../inputs/config')).loadConfig({ cwd, explicit });
  // --save with no file yet goes through the loader, which knows where to create it.
  return noConfig(() => {
    throw new Error('save through the config loader');
  });
}

export async function runCreate(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv);
  if (flags.help) {
    say(io.stdout, createHelp());
    return 0;
  }
  if (flags.version) {
    say(io.stdout, VERSION);
    return 0;
  }
  if (flags.positionals.length > 1) {
    throw new UsageError(`expected at most one folder, got ${flags.positionals.map((p) => quote(p)).join(' ')}`);
  }
  const flagValues: Record<string, unknown> = { ...flags.values };
  const positional = flags.positionals[0];
  if (positional !== undefined) {
    if (flagValues.dir !== undefined && flagValues.dir !== positional) {
      throw new UsageError(`the folder was given twice: ${quote(positional)} and --dir ${quote(String(flagValues.dir))}`);
    }
    flagValues.dir = positional;
  }

  // Precedence: flags > project config > extended configs > prompts > defaults.
  const config = await loadConfigIfAny(io.cwd, typeof flagValues.config === 'string' ? flagValues.config : undefined);
  let values: Record<string, unknown> = { ...config.values, ...flagValues };
  // A value neither a flag nor the config gave came from the folder: only package.json's
  // "packageManager" field can be wrong there, so it is named as such.
  const origin: Origin = (key) => (key in flagValues ? flagOrigin(key) : (config.origin(key) ?? (key === 'packageManager' ? 'package.json "packageManager"' : key)));

  const today = io.now();
  const interactive = isInteractive(values, io);
  const detect = (dir: string) => detectProject(resolve(io.cwd, dir), today);
  if (interactive) {
    const prompts = await import('../inputs/prompts');
    values = await prompts.promptForMissing(values, { io, today, hostArch: process.arch === 'arm64' ? 'arm64' : 'x86_64', policy: config.policy, detect });
  } else {
    if (values.yes === true && values.dir === undefined && values.stdout !== true) values.dir = 'my-function';
    // Existing code in the folder proposes the runtime (with --yes), its details and no sample.
    const found = typeof values.dir === 'string' && values.stdout !== true ? detect(values.dir) : undefined;
    if (found) {
      const proposed = detectedValues(found);
      const sameLanguage = values.runtime === undefined ? values.yes === true : runtimeLanguageOf(values) === found.language;
      const take = sameLanguage ? Object.keys(proposed) : ['sample'];
      const runtimeGiven = values.runtime !== undefined;
      for (const key of take) if (values[key] === undefined && !(key === 'base' && runtimeGiven)) values[key] = proposed[key];
      // `--package-manager pnpm` in a project whose package.json names pnpm@9.15.4 takes that release.
      const pm = proposed.packageManager;
      if (typeof values.packageManager === 'string' && typeof pm === 'string' && pm.startsWith(`${values.packageManager}@`)) {
        const problem = specByKey('packageManager')!.check?.(pm);
        if (problem !== undefined) throw new UsageError(`package.json "packageManager": ${problem}`);
        values.packageManager = pm;
      }
      say(io.stderr, `Found a ${describeDetected(found)}${sameLanguage ? '; using what it says' : ''}`);
      for (const note of found.notes) say(io.stderr, `note: ${note}`);
    }
  }
  if (!interactive && values.yes === true) {
    // Defaults the catalog decides (the newest supported runtime for the base).
    for (const spec of OPTION_SPECS) {
      if (spec.catalogDefault && values[spec.key] === undefined) values[spec.key] = spec.catalogDefault({ values, today });
    }
  } else if (!interactive) {
    const missing: string[] = [];
    if (values.dir === undefined && values.stdout !== true) missing.push('folder ([dir], --dir or --stdout)');
    const runtime = specByKey('runtime')!;
    if (values.runtime === undefined) missing.push(`--${runtime.flag} (one of: ${runtime.catalogChoices!({ values, today }).join(', ')})`);
    if (missing.length > 0) {
      throw new UsageError(`missing required values: ${missing.join('; ')}; pass them as flags, or --yes for defaults`);
    }
  }

  const resolved = resolveOptions(optionValues(values), today, origin);
  config.checkPolicy(resolved.options, flagValues);
  const stdout = values.stdout === true;
  const dir = typeof values.dir === 'string' ? values.dir : '.';
  if (!stdout && !isSafePath(dir)) {
    throw new UsageError(`the folder ${quote(dir)} has characters a folder name should not have (quotes, $, ;, |, <, >, *, ?, control characters)`);
  }
  const target = resolve(io.cwd, dir);
  const name = resolved.options.functionName ?? projectName(dir === '.' ? io.cwd : dir);
  const generated = generate(resolved, stdout ? { files: new Set() } : scanFolder(target), name);
  let deploy: GeneratedFile[] = [];
  let deploySteps: string[] = [];
  if (resolved.options.deploy !== 'none' || resolved.options.ecrPolicy !== 'none') {
    const { deployFiles, deployNextSteps } = await import('../deploy');
    const input = deployInput(resolved, generated, name);
    deploy = deployFiles(input);
    deploySteps = deployNextSteps(input);
  }

  if (values.lint !== false) await lintBeforeWrite(io, generated, resolved, values, config);
  // With existing code, a handler that names nothing in it would fail at the first invoke.
  const handlerWarning = !stdout && !resolved.options.sample ? handlerProblem(target, resolved.language, resolved.options.handler, resolved.options.typescript) : undefined;
  for (const warning of [...resolved.warnings, ...generated.plan.warnings, ...(handlerWarning ? [handlerWarning] : [])]) say(io.stderr, `warning: ${warning}`);
  if (stdout) {
    io.stdout.write(generated.dockerfile);
    return 0;
  }
  const files = [...generated.files, ...deploy];
  await writeOutput(io, { target, dir, name, files, generated, deploySteps, force: values.force === true, interactive, config, values });
  return 0;
}

/**
 * The generator lints its own output: an error-level finding is a bug in the generator (or a
 * team instruction) and nothing is written. A deprecation the user accepted is only reported.
 */
async function lintBeforeWrite(io: Io, generated: Generated, resolved: Resolved, values: Record<string, unknown>, config: LoadedConfig): Promise<void> {
  const { lintText } = await import('../lint');
  const result = await lintText(generated.dockerfile, {
    file: 'Dockerfile',
    today: io.now(),
    arch: resolved.options.arch,
    allowDeprecated: resolved.options.allowDeprecated,
    hadolint: (values.hadolint ?? defaultOf('hadolint')) as 'auto' | 'docker' | 'off',
    ...(config.lint ? { settings: config.lint } : {}),
    cwd: io.cwd,
    env: io.env,
  });
  const errors = result.findings.filter((f) => f.level === 'error');
  // LAM008 repeats the deprecation warning resolve already printed.
  for (const f of result.findings.filter((x) => x.level === 'warning' && x.code !== 'LAM008')) {
    say(io.stderr, `lint: Dockerfile:${f.line} ${f.code} ${f.level}: ${f.message}`);
  }
  if (errors.length > 0) {
    const list = errors.map((f) => `Dockerfile:${f.line} ${f.code} ${f.message}`).join('; ');
    throw new UsageError(`the generated Dockerfile fails lint (${result.engine}): ${list}; nothing was written (--no-lint writes it anyway)`);
  }
}

interface WriteRequest {
  target: string;
  dir: string;
  name: string;
  files: GeneratedFile[];
  generated: Generated;
  deploySteps: string[];
  force: boolean;
  interactive: boolean;
  config: LoadedConfig;
  values: Record<string, unknown>;
}

async function writeOutput(io: Io, req: WriteRequest): Promise<void> {
  let { target, dir } = req;
  let plan: WritePlan = planWrite(target, req.files, dir);
  // --force replaces, like the interactive overwrite, but never loses what the user wrote.
  let backup = req.force;
  let savedTo: string | undefined;
  if (plan.conflicts.length > 0 && !req.force) {
    if (!req.interactive) throw conflictError(dir, plan.conflicts);
    const prompts = await import('../inputs/prompts');
    const choice = await prompts.resolveConflict(dir, plan.conflicts, io);
    if (choice.action === 'cancel') throw new (await import('../shared/errors')).CancelledError();
    if (choice.action === 'other') {
      dir = choice.dir;
      target = resolve(io.cwd, dir);
      plan = planWrite(target, req.files, dir);
      if (plan.conflicts.length > 0) throw conflictError(dir, plan.conflicts);
    } else {
      backup = true;
    }
  }
  const { written, backups } = await writeFiles(target, plan, { backup });
  if (req.values.save === true) {
    // With no config file yet, the loader's empty config knows where --save creates one.
    const config = req.config.path ? req.config : await (await import('../inputs/config')).loadConfig({ cwd: io.cwd });
    config.save(optionValues(req.values));
    savedTo = config.path ?? resolve(io.cwd, CONFIG_FILE);
  }
  say(io.stdout, `Wrote ${written.length ? written.join(', ') : 'nothing (all files already up to date)'} in ${dir}`);
  if (backups.length > 0) say(io.stdout, `Kept the replaced ${backups.length === 1 ? 'file' : 'files'} as ${backups.join(', ')}`);
  if (savedTo) {
    // check reads lambda-image.yaml in the folder, else in the current folder; anything else needs --config.
    const shown = relative(io.cwd, savedTo) || CONFIG_FILE;
    const found = savedTo === resolve(io.cwd, CONFIG_FILE) && !existsSync(resolve(target, CONFIG_FILE));
    const check = `create-lambda-image check${dir === '.' ? '' : ` ${shellQuote(dir)}`}${found ? '' : ` --config ${shellQuote(shown)}`}`;
    say(io.stdout, `Saved the options to ${shown}; \`${check}\` compares the folder with it`);
  }
  say(io.stdout, '\nNext steps:');
  const region = typeof req.values.region === 'string' ? req.values.region : undefined;
  for (const line of nextSteps(req.generated.plan, dir, req.name, io.env, { buildx: hasBuildx(io.env), ...(region ? { region } : {}) })) say(io.stdout, `  ${line}`);
  if (req.deploySteps.length > 0) {
    say(io.stdout, '\nDeploy:');
    for (const line of req.deploySteps) say(io.stdout, `  ${line}`);
  }
}
