import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors';
import { generate, type Generated } from '../generate';
import { createHelp } from '../help';
import { parseFlags } from '../inputs/flags';
import { say, type Io } from '../io';
import { nextSteps } from '../next-steps';
import type { ProjectFacts } from '../plan';
import { defaultRuntime, resolveOptions, runtimeChoices, type Resolved } from '../resolve';
import { projectName } from '../samples';
import { isSafePath } from '../validate';
import { VERSION } from '../version';
import { conflictError, planWrite, writeFiles } from '../write';

/** Values that are run settings rather than options: they never reach the plan. */
const RUN_KEYS = ['dir', 'stdout', 'force', 'yes', 'interactive', 'config', 'save', 'lint', 'hadolint'];

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
  return { files: new Set(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)) };
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
    throw new UsageError(`expected at most one folder, got ${flags.positionals.map((p) => JSON.stringify(p)).join(' ')}`);
  }
  const values: Record<string, unknown> = { ...flags.values };
  const positional = flags.positionals[0];
  if (positional !== undefined) {
    if (values.dir !== undefined && values.dir !== positional) {
      throw new UsageError(`the folder was given twice: ${JSON.stringify(positional)} and --dir ${JSON.stringify(values.dir)}`);
    }
    values.dir = positional;
  }

  const today = io.now();
  const interactive = isInteractive(values, io);
  if (!interactive) {
    const base = typeof values.base === 'string' ? values.base : 'aws';
    if (values.yes === true) {
      values.runtime ??= defaultRuntime(base, today);
      if (values.dir === undefined && values.stdout !== true) values.dir = 'my-function';
    } else {
      const missing: string[] = [];
      if (values.dir === undefined && values.stdout !== true) missing.push('folder ([dir], --dir or --stdout)');
      if (values.runtime === undefined) {
        const choices = base === 'aws' || base === 'os-only' || base === 'image' ? runtimeChoices(base, today) : [];
        missing.push(`--runtime${choices.length ? ` (one of: ${choices.join(', ')})` : ''}`);
      }
      if (missing.length > 0) {
        throw new UsageError(`missing required values: ${missing.join('; ')}; pass them as flags, or --yes for defaults`);
      }
    }
  } else {
    throw new UsageError('interactive mode is not available in this build; pass --no-interactive with flags');
  }

  const optionValues = Object.fromEntries(Object.entries(values).filter(([k]) => !RUN_KEYS.includes(k)));
  const resolved = resolveOptions(optionValues, today);
  const stdout = values.stdout === true;
  const dir = typeof values.dir === 'string' ? values.dir : '.';
  if (!stdout && !isSafePath(dir)) {
    throw new UsageError(`the folder ${JSON.stringify(dir)} has characters a folder name should not have (quotes, $, ;, |, <, >, *, ?, control characters)`);
  }
  const target = resolve(io.cwd, dir);
  const name = resolved.options.functionName ?? projectName(dir === '.' ? io.cwd : dir);
  const generated = generate(resolved, stdout ? { files: new Set() } : scanFolder(target), name);

  for (const warning of [...resolved.warnings, ...generated.plan.warnings]) say(io.stderr, `warning: ${warning}`);
  if (stdout) {
    io.stdout.write(generated.dockerfile);
    return 0;
  }
  return writeOutput(io, target, dir, name, generated, resolved, values.force === true);
}

function writeOutput(io: Io, target: string, dir: string, name: string, generated: Generated, _resolved: Resolved, force: boolean): number {
  const plan = planWrite(target, generated.files);
  if (plan.conflicts.length > 0 && !force) throw conflictError(dir, plan.conflicts);
  const written = writeFiles(target, plan);
  say(io.stdout, `Wrote ${written.length ? written.join(', ') : 'nothing (all files already up to date)'} in ${dir}`);
  say(io.stdout, '\nNext steps:');
  for (const line of nextSteps(generated.plan, dir, name, io.env)) say(io.stdout, `  ${line}`);
  return 0;
}
