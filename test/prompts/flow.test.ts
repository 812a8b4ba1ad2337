import { ExitPromptError } from '@inquirer/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES, LANGUAGES, scheduleStatus } from '../../src/catalog';
import { findLanguageRuntime, languageRuntimeIds, languageSchedule } from '../../src/catalog/language-runtimes';
import { CancelledError, UsageError } from '../../src/shared/errors';
import type { Policy } from '../../src/inputs/config';
import {
  filterChoices,
  imageFits,
  osOnlyFits,
  policyAllows,
  promptForMissing,
  resolveConflict,
  runtimeOptions,
  validateFolder,
  validateHandler,
  validateImage,
  type PromptContext,
} from '../../src/inputs/prompts';
import { PLAIN } from '../../src/shared/style';
import type { Io } from '../../src/shared/io';
import { ARCHES, BUILD_TOOLS, FAMILY_IDS } from '../../src/options';
import { resolveOptions, runtimeChoices } from '../../src/options/resolve';
import { optionValues } from '../../src/commands/create';
import { detectProject } from '../../src/inputs/detect';
import { BEFORE_ANY_DEPRECATION, TODAY, tempDir } from '../support/run';
import { fakeAsk, FakeTerminal, KEY, sink, type Asked } from './helpers';

const NO_POLICY: Policy = { sources: {} };

function ctx(ask: ReturnType<typeof fakeAsk>, opts: { today?: Date; policy?: Policy; hostArch?: 'x86_64' | 'arm64'; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const stdout = sink(true);
  const stderr = sink();
  const io: Io = { cwd: opts.cwd ?? tempDir('prompts-'), env: opts.env ?? {}, stdin: sink(true), stdout, stderr, now: () => opts.today ?? TODAY };
  const context: PromptContext = { io, today: opts.today ?? TODAY, hostArch: opts.hostArch ?? 'x86_64', policy: opts.policy ?? NO_POLICY, ask, style: PLAIN };
  return { context, stdout, stderr };
}

function question(ask: ReturnType<typeof fakeAsk>, key: string): Asked {
  const found = ask.asked.find((a) => a.q.key === key);
  if (!found) throw new Error(`${key} was not asked; asked: ${ask.keys().join(', ')}`);
  return found;
}

function choicesOf(ask: ReturnType<typeof fakeAsk>, key: string): string[] {
  const a = question(ask, key);
  if (a.kind !== 'select' && a.kind !== 'search') throw new Error(`${key} is a ${a.kind} question`);
  return a.q.choices.map((c) => c.value);
}

describe('promptForMissing: AWS base', () => {
  it('asks folder, base, runtime (search), architecture, TypeScript, sample and handler for Node.js', async () => {
    const ask = fakeAsk({ dir: 'hello', base: 'aws', runtime: 'nodejs24', arch: 'arm64', typescript: true, sample: true, handler: 'index.handler' });
    const { context, stdout } = ctx(ask);
    const values = await promptForMissing({}, context);
    expect(ask.keys()).toEqual(['dir', 'base', 'runtime', 'arch', 'typescript', 'sample', 'handler']);
    expect(question(ask, 'runtime').kind).toBe('search');
    expect(values).toMatchObject({ dir: 'hello', base: 'aws', runtime: 'nodejs24', arch: 'arm64', typescript: true, sample: true, handler: 'index.handler' });
    // Never asked on an AWS base.
    for (const key of ['os', 'image', 'family', 'rie', 'buildTool']) expect(values[key]).toBeUndefined();
    expect(stdout.text()).toContain('Your choices');
    expect(stdout.text()).toContain('npm create lambda-image@latest hello -- --base aws --runtime nodejs24 --arch arm64 --handler index.handler --typescript --sample --yes');
  });

  it('a folder with a pnpm project: the package manager and its version come from it, unasked, and the next-time line repeats them', async () => {
    const cwd = tempDir('prompts-pnpm-');
    mkdirSync(join(cwd, 'orders'));
    writeFileSync(join(cwd, 'orders', 'package.json'), JSON.stringify({ name: 'orders', packageManager: 'pnpm@9.15.4' }));
    writeFileSync(join(cwd, 'orders', 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    writeFileSync(join(cwd, 'orders', 'index.mjs'), 'export const handler = async () => 1;\n');
    const ask = fakeAsk({ dir: 'orders', base: 'aws', runtime: 'nodejs24', arch: 'x86_64', typescript: false, handler: 'index.handler' });
    const { context, stdout } = ctx(ask, { cwd });
    context.detect = (dir) => detectProject(join(cwd, dir), TODAY);
    const values = await promptForMissing({}, context);
    expect(ask.keys()).not.toContain('packageManager');
    expect(values.packageManager).toBe('pnpm@9.15.4');
    expect(stdout.text()).toMatch(/--package-manager pnpm@9\.15\.4 .*--yes/);
  });

  it('takes defaults from the schema and the catalog', async () => {
    const ask = fakeAsk({
      dir: (a) => (a.kind === 'text' ? a.q.default! : ''),
      base: (a) => (a.kind === 'select' ? a.q.default! : ''),
      runtime: 'python3.13',
      arch: (a) => (a.kind === 'select' ? a.q.default! : ''),
      sample: (a) => (a.kind === 'confirm' ? a.q.default : false),
      handler: (a) => (a.kind === 'text' ? a.q.default! : ''),
    });
    const { context } = ctx(ask, { hostArch: 'arm64' });
    const values = await promptForMissing({}, context);
    expect(values).toMatchObject({ dir: 'my-function', base: 'aws', arch: 'arm64', sample: true, handler: LANGUAGES.python.defaultHandler });
    expect(choicesOf(ask, 'arch')).toEqual([...ARCHES]);
    expect(choicesOf(ask, 'base')).toEqual(['aws', 'os-only', 'image']);
  });

  it('pre-selects the host architecture, whichever it is', async () => {
    for (const hostArch of ARCHES) {
      const ask = fakeAsk({ dir: 'a', base: 'aws', runtime: 'python3.13', arch: 'x86_64', sample: true, handler: 'app.handler' });
      await promptForMissing({}, ctx(ask, { hostArch }).context);
      const a = question(ask, 'arch');
      expect(a.kind === 'select' && a.q.default).toBe(hostArch);
    }
  });

  it('offers every supported AWS runtime, hides deprecated ones and marks soon-deprecated ones with their date', async () => {
    const ask = fakeAsk({ dir: 'a', base: 'aws', runtime: 'python3.13', arch: 'x86_64', sample: true, handler: 'app.handler' });
    await promptForMissing({}, ctx(ask).context);
    const a = question(ask, 'runtime');
    if (a.kind !== 'search') throw new Error('not a search');
    // Listed before anything is typed; Go, Rust and custom appear only when searched for.
    expect(a.q.choices.filter((c) => !c.searchOnly).map((c) => c.value)).toEqual(runtimeChoices('aws', TODAY));
    expect(a.q.choices.filter((c) => c.searchOnly).map((c) => c.value)).toEqual(['go', 'rust', 'custom']);
    for (const r of AWS_RUNTIMES) {
      const state = scheduleStatus(r, TODAY).state;
      const choice = a.q.choices.find((c) => c.value === r.id);
      if (state === 'deprecated') expect(choice).toBeUndefined();
      else if (state === 'soon') expect(choice?.name).toContain(`deprecation ${r.deprecation}`);
      else expect(choice?.name).not.toContain('deprecated');
    }
    // The fixed date has both kinds, so the branches above are exercised.
    expect(AWS_RUNTIMES.some((r) => scheduleStatus(r, TODAY).state === 'deprecated')).toBe(true);
    expect(AWS_RUNTIMES.some((r) => scheduleStatus(r, TODAY).state === 'soon')).toBe(true);
  });

  it('shows deprecated runtimes, marked, when allowDeprecated is set', () => {
    const choices = runtimeOptions('aws', TODAY, NO_POLICY, { allowDeprecated: true });
    expect(choices.map((c) => c.value)).toEqual(AWS_RUNTIMES.map((r) => r.id));
    const deprecated = AWS_RUNTIMES.find((r) => scheduleStatus(r, TODAY).state === 'deprecated')!;
    expect(choices.find((c) => c.value === deprecated.id)!.name).toContain(`deprecated since ${deprecated.deprecation}`);
  });

  it('asks the Java build tool with maven first and no TypeScript question', async () => {
    const ask = fakeAsk({ dir: 'j', base: 'aws', runtime: 'java21', arch: 'x86_64', buildTool: 'gradle', sample: true, handler: LANGUAGES.java.defaultHandler });
    const values = await promptForMissing({}, ctx(ask).context);
    expect(ask.keys()).toEqual(['dir', 'base', 'runtime', 'arch', 'buildTool', 'sample', 'handler']);
    expect(choicesOf(ask, 'buildTool')).toEqual([...BUILD_TOOLS]);
    const a = question(ask, 'buildTool');
    expect(a.kind === 'select' && a.q.default).toBe('maven');
    expect(values.buildTool).toBe('gradle');
  });

  it('validates the handler with the language grammar, defaulting to the language default', async () => {
    const ask = fakeAsk({ dir: 'r', base: 'aws', runtime: 'ruby3.4', arch: 'x86_64', sample: false, handler: (a) => (a.kind === 'text' ? a.q.default! : '') });
    await promptForMissing({}, ctx(ask).context);
    const a = question(ask, 'handler');
    if (a.kind !== 'text') throw new Error('not text');
    expect(a.q.default).toBe(LANGUAGES.ruby.defaultHandler);
    expect(a.q.validate!('app.lambda_handler')).toBe(true);
    expect(a.q.validate!('not a handler')).toMatch(/is not a Ruby handler; expected file\.method/);
  });
});

describe('promptForMissing: OS-only base', () => {
  it('hides al2 once deprecated, so al2023 is taken without a question', async () => {
    const ask = fakeAsk({ dir: 'g', base: 'os-only', runtime: 'go', arch: 'x86_64', sample: true, handler: 'bootstrap' });
    const { context, stdout } = ctx(ask);
    const values = await promptForMissing({}, context);
    expect(ask.keys()).toEqual(['dir', 'base', 'runtime', 'arch', 'sample', 'handler']);
    expect(values.os).toBe('al2023');
    expect(stdout.text()).toMatch(/Amazon Linux version al2023 \(the only choice\)/);
    const h = question(ask, 'handler');
    expect(h.kind === 'text' && h.q.default).toBe(LANGUAGES.go.defaultHandler);
  });

  it('offers al2 before its deprecation, marked with the date when it is near', async () => {
    const near = new Date('2026-03-01T12:00:00Z');
    const ask = fakeAsk({ dir: 'g', base: 'os-only', runtime: 'rust', os: 'al2', arch: 'x86_64', sample: true, handler: 'bootstrap' });
    const values = await promptForMissing({}, ctx(ask, { today: near }).context);
    expect(choicesOf(ask, 'os')).toEqual(['al2023', 'al2']);
    const a = question(ask, 'os');
    if (a.kind !== 'select') throw new Error('not a select');
    expect(a.q.default).toBe('al2023');
    expect(a.q.choices[1]!.name).toContain('deprecation 2026-07-31');
    expect(values.os).toBe('al2');
    // Long before: no mark.
    const early = fakeAsk({ dir: 'g', base: 'os-only', runtime: 'rust', os: 'al2023', arch: 'x86_64', sample: true, handler: 'bootstrap' });
    await promptForMissing({}, ctx(early, { today: BEFORE_ANY_DEPRECATION }).context);
    const e = question(early, 'os');
    expect(e.kind === 'select' && e.q.choices[1]!.name).not.toContain('deprecated');
  });

  it('offers the language runtimes provided:al2023 can run, without deprecated versions', async () => {
    const ask = fakeAsk({ dir: 'c', base: 'os-only', runtime: 'custom', arch: 'x86_64', sample: true, handler: 'function.handler' });
    await promptForMissing({}, ctx(ask).context);
    const expected = languageRuntimeIds().filter((id) => {
      const schedule = languageSchedule(findLanguageRuntime(id)!);
      return osOnlyFits(id, 'al2023').ok && (!schedule || scheduleStatus(schedule, TODAY).state !== 'deprecated');
    });
    expect(choicesOf(ask, 'runtime')).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['go', 'rust', 'custom', 'python3.13']));
    // A language version Lambda has deprecated is not offered on any base.
    expect(choicesOf(ask, 'runtime')).not.toContain('dotnet8');
  });

  it('asks the OS first, and offers only the runtimes that OS can install', async () => {
    const near = new Date('2026-03-01T12:00:00Z');
    const ask = fakeAsk({ dir: 'c', base: 'os-only', os: 'al2', runtime: 'go', arch: 'x86_64', sample: true, handler: 'bootstrap' });
    await promptForMissing({}, ctx(ask, { today: near }).context);
    expect(ask.keys().slice(0, 4)).toEqual(['dir', 'base', 'os', 'runtime']);
    const offered = choicesOf(ask, 'runtime');
    expect(offered.every((id) => osOnlyFits(id, 'al2').ok)).toBe(true);
    expect(offered.length).toBeLessThan(languageRuntimeIds().length);
  });

  it('with the runtime given, offers only the Amazon Linux versions that can run it', async () => {
    const near = new Date('2026-03-01T12:00:00Z');
    const runtime = languageRuntimeIds().find((id) => osOnlyFits(id, 'al2023').ok && !osOnlyFits(id, 'al2').ok)!;
    expect(runtime).toBeDefined();
    const ask = fakeAsk({ dir: 'c', arch: 'x86_64', sample: true, handler: (a) => (a.kind === 'text' ? a.q.default! : ''), typescript: false, buildTool: 'maven' });
    const { context, stdout } = ctx(ask, { today: near });
    const values = await promptForMissing({ base: 'os-only', runtime }, context);
    expect(values.os).toBe('al2023');
    expect(stdout.text()).toContain('(the only choice)');
  });
});

describe('promptForMissing: image base', () => {
  it('asks the image; infers the family from a known image; asks the emulator', async () => {
    const ask = fakeAsk({ dir: 'i', base: 'image', runtime: 'python3.12', image: 'python:3.12-slim-bookworm', arch: 'arm64', sample: true, handler: 'lambda_function.handler', rie: true });
    const values = await promptForMissing({}, ctx(ask).context);
    expect(ask.keys()).toEqual(['dir', 'base', 'runtime', 'image', 'arch', 'sample', 'handler', 'rie']);
    expect(values).toMatchObject({ base: 'image', image: 'python:3.12-slim-bookworm', rie: true });
    expect(values.family).toBeUndefined();
    const rie = question(ask, 'rie');
    expect(rie.kind === 'confirm' && rie.q.default).toBe(false);
  });

  it('asks the family only when the image does not tell', async () => {
    const ask = fakeAsk({ dir: 'i', base: 'image', runtime: 'python3.12', image: 'registry.example.com/platform/base:2.1', family: 'ubuntu', arch: 'x86_64', sample: true, handler: 'app.handler', rie: false });
    const values = await promptForMissing({}, ctx(ask).context);
    expect(ask.keys()).toEqual(['dir', 'base', 'runtime', 'image', 'family', 'arch', 'sample', 'handler', 'rie']);
    // Every family is offered (it is a fact about the image); those that cannot provide the runtime are disabled.
    expect(choicesOf(ask, 'family')).toEqual([...FAMILY_IDS]);
    const a = question(ask, 'family');
    if (a.kind !== 'select') throw new Error('not a select');
    const enabled = a.q.choices.filter((c) => !c.disabled).map((c) => c.value);
    expect(enabled).toEqual(FAMILY_IDS.filter((f) => imageFits('python3.12', 'registry.example.com/platform/base:2.1', f).ok));
    expect(enabled).toContain('ubuntu');
    expect(enabled.length).toBeLessThan(FAMILY_IDS.length);
    expect(a.q.choices.find((c) => c.disabled)!.disabled).toBe('(cannot provide python3.12)');
    expect(values.family).toBe('ubuntu');
  });

  it('refuses, at the prompt, an image that cannot provide the runtime (the catalog says why)', async () => {
    const ask = fakeAsk({ dir: 'i', base: 'image', runtime: 'python3.12' });
    await promptForMissing({}, ctx(ask).context).catch(() => undefined);
    const a = question(ask, 'image');
    if (a.kind !== 'text') throw new Error('not text');
    expect(a.q.validate!('python:3.13-slim-bookworm')).toMatch(/3\.13, not 3\.12/);
    expect(a.q.validate!('public.ecr.aws/lambda/python:3.12')).toMatch(/AWS Lambda base image/);
    expect(a.q.validate!('python:3.12-slim-bookworm')).toBe(true);
    expect(a.q.validate!('')).toBe(true);
  });

  it('offers only runtimes an image base can provide', async () => {
    const ask = fakeAsk({ dir: 'i', base: 'image', runtime: 'go', image: '', arch: 'x86_64', sample: true, handler: 'bootstrap', rie: false });
    await promptForMissing({}, ctx(ask).context);
    const offered = choicesOf(ask, 'runtime');
    expect(offered.every((id) => imageFits(id, undefined, undefined).ok)).toBe(true);
    expect(offered).toEqual(expect.arrayContaining(['go', 'nodejs24', 'python3.13', 'java21']));
  });

  it('a blank image means the official one: no image value, no family question', async () => {
    const ask = fakeAsk({ dir: 'i', base: 'image', runtime: 'go', image: '', arch: 'x86_64', sample: true, handler: 'bootstrap', rie: false });
    const { context, stdout } = ctx(ask);
    const values = await promptForMissing({}, context);
    expect('image' in values && values.image !== undefined).toBe(false);
    expect(ask.keys()).not.toContain('family');
    expect(stdout.text()).toContain('the official image for the runtime');
  });
});

describe('promptForMissing: only what is left open', () => {
  it('asks nothing when every value is given, and returns them unchanged', async () => {
    const given = { dir: 'x', base: 'aws', runtime: 'nodejs24', arch: 'x86_64', typescript: false, sample: false, handler: 'index.handler' };
    const ask = fakeAsk({});
    const values = await promptForMissing(given, ctx(ask).context);
    expect(ask.asked).toEqual([]);
    expect(values).toEqual(given);
  });

  it('never asks a key present in values (config or flags), and keeps them', async () => {
    const ask = fakeAsk({ dir: 'x', arch: 'x86_64', sample: true, handler: 'bootstrap' });
    const values = await promptForMissing({ base: 'os-only', runtime: 'go', os: 'al2023', osPackages: ['jq'] }, ctx(ask).context);
    expect(ask.keys()).toEqual(['dir', 'arch', 'sample', 'handler']);
    expect(values.osPackages).toEqual(['jq']);
  });

  it('offers only the bases that have a runtime given by flag', async () => {
    const ask = fakeAsk({ dir: 'x', base: 'image', image: '', arch: 'x86_64', sample: true, handler: 'bootstrap', rie: false });
    await promptForMissing({ runtime: 'go' }, ctx(ask).context);
    expect(choicesOf(ask, 'base')).toEqual(['os-only', 'image']);
  });

  it('with --stdout asks no folder and writes questions and summary to stderr', async () => {
    const ask = fakeAsk({ base: 'aws', runtime: 'nodejs24', arch: 'x86_64', typescript: false, sample: true, handler: 'index.handler' });
    const { context, stdout, stderr } = ctx(ask);
    const values = await promptForMissing({ stdout: true }, context);
    expect(ask.keys()).not.toContain('dir');
    expect(values.dir).toBeUndefined();
    expect(stdout.text()).toBe('');
    expect(stderr.text()).toContain('--stdout --base aws --runtime nodejs24');
  });
});

describe('promptForMissing: team policy', () => {
  it('offers only allowed bases and runtimes; a single allowed base is taken without a question', async () => {
    const policy: Policy = { allowedBases: ['aws'], allowedRuntimes: ['python3.12', 'python3.13', 'nodejs24'], sources: { allowedBases: 'team.yaml', allowedRuntimes: 'team.yaml' } };
    const ask = fakeAsk({ dir: 'p', runtime: 'python3.12', arch: 'x86_64', sample: true, handler: 'app.handler' });
    const { context, stdout } = ctx(ask, { policy });
    const values = await promptForMissing({}, context);
    expect(ask.keys()).not.toContain('base');
    expect(values.base).toBe('aws');
    expect(stdout.text()).toMatch(/Base image aws \(the only choice\)/);
    const offered = choicesOf(ask, 'runtime');
    expect(offered).toEqual(['nodejs24', 'python3.13', 'python3.12']);
  });

  it('a policy that allows nothing for the base is a usage error naming its file', async () => {
    const policy: Policy = { allowedRuntimes: ['go'], sources: { allowedRuntimes: 'team.yaml' } };
    const error = await promptForMissing({}, ctx(fakeAsk({ dir: 'p', base: 'aws' }), { policy }).context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^team\.yaml \(allowedRuntimes: go\) allows no runtime that --base aws can run/);
  });

  it('policyAllows matches normalised ids and Lambda ids', () => {
    expect(policyAllows(undefined, 'x')).toBe(true);
    expect(policyAllows(['python3.13'], 'python3.13')).toBe(true);
    expect(policyAllows(['nodejs22'], 'nodejs22', 'nodejs22.x')).toBe(true);
    expect(policyAllows(['python3.13'], 'python3.12')).toBe(false);
  });
});

describe('Ctrl-C: ExitPromptError becomes CancelledError', () => {
  it('at the first question', async () => {
    const ask = fakeAsk({ dir: new ExitPromptError('User force closed the prompt with SIGINT') });
    const { context, stdout } = ctx(ask);
    const error = await promptForMissing({}, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).exitCode).toBe(130);
    expect(stdout.text()).not.toContain('Your choices');
  });

  it('at a later question', async () => {
    const ask = fakeAsk({ dir: 'a', base: 'aws', runtime: new ExitPromptError('closed') });
    await expect(promptForMissing({}, ctx(ask).context)).rejects.toBeInstanceOf(CancelledError);
  });

  it('other errors pass through unchanged', async () => {
    const boom = new Error('boom');
    const ask = fakeAsk({ dir: boom });
    await expect(promptForMissing({}, ctx(ask).context)).rejects.toBe(boom);
  });

  it('in the conflict question', async () => {
    const ask = fakeAsk({ conflict: new ExitPromptError('closed') });
    const { context } = ctx(ask);
    await expect(resolveConflict('x', ['Dockerfile'], context.io, ask, PLAIN)).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('resolveConflict', () => {
  it('lists the conflicts and defaults to cancel', async () => {
    const ask = fakeAsk({ conflict: (a) => (a.kind === 'select' ? a.q.default! : '') });
    const { context, stdout } = ctx(ask);
    expect(await resolveConflict('fn', ['Dockerfile', '.dockerignore'], context.io, ask, PLAIN)).toEqual({ action: 'cancel' });
    expect(stdout.text()).toContain('fn already has files this tool writes, with other content:\n    Dockerfile\n    .dockerignore\n');
    expect(choicesOf(ask, 'conflict')).toEqual(['cancel', 'overwrite', 'other']);
  });

  it('overwrite says which .orig copies already exist', async () => {
    const cwd = tempDir('conflict-');
    mkdirSync(join(cwd, 'fn'));
    writeFileSync(join(cwd, 'fn', 'Dockerfile.orig'), 'old backup');
    const ask = fakeAsk({ conflict: 'overwrite' });
    const { context } = ctx(ask, { cwd });
    expect(await resolveConflict('fn', ['Dockerfile'], context.io, ask, PLAIN)).toEqual({ action: 'overwrite' });
    const a = question(ask, 'conflict');
    if (a.kind !== 'select') throw new Error('not a select');
    expect(a.q.choices[1]!.name).toContain('.orig');
    expect(a.q.choices[1]!.description).toContain('Dockerfile.orig already exists');
  });

  it('another folder: asks its name and refuses the same folder or a file', async () => {
    const cwd = tempDir('conflict-');
    writeFileSync(join(cwd, 'a-file'), '');
    const ask = fakeAsk({ conflict: 'other', dir: 'fn-2' });
    const { context } = ctx(ask, { cwd });
    expect(await resolveConflict('fn', ['Dockerfile'], context.io, ask, PLAIN)).toEqual({ action: 'other', dir: 'fn-2' });
    const a = question(ask, 'dir');
    if (a.kind !== 'text') throw new Error('not text');
    expect(a.q.validate!('fn')).toMatch(/fn again/);
    expect(a.q.validate!('./fn/')).toMatch(/fn again/);
    expect(a.q.validate!('a-file')).toMatch(/is not a folder/);
    expect(a.q.validate!('bad;name')).toMatch(/characters/);
  });
});

describe('validation helpers', () => {
  it('validateFolder', () => {
    const cwd = tempDir('folder-');
    writeFileSync(join(cwd, 'file'), '');
    expect(validateFolder('my-function', cwd)).toBe(true);
    expect(validateFolder('.', cwd)).toBe(true);
    expect(validateFolder('functions/orders', cwd)).toBe(true);
    expect(validateFolder('  ', cwd)).toMatch(/Enter a folder name/);
    expect(validateFolder('a$b', cwd)).toMatch(/characters/);
    expect(validateFolder('file', cwd)).toMatch(/not a folder/);
  });

  it('validateHandler follows each language grammar', () => {
    for (const [language, info] of Object.entries(LANGUAGES)) {
      expect(validateHandler(language as keyof typeof LANGUAGES, info.defaultHandler)).toBe(true);
      expect(validateHandler(language as keyof typeof LANGUAGES, 'x"; rm -rf /')).toMatch(/is not a/);
    }
  });

  it('validateImage wants a reference with a tag, not latest, not Windows', () => {
    expect(validateImage('')).toBe(true);
    expect(validateImage('node:22-bookworm-slim')).toBe(true);
    expect(validateImage(`alpine@sha256:${'a'.repeat(64)}`)).toBe(true);
    expect(validateImage('node')).toMatch(/give a tag/);
    expect(validateImage('node:latest')).toMatch(/latest/);
    expect(validateImage('Not An Image')).toMatch(/not an image reference/);
    expect(validateImage('mcr.microsoft.com/windows/servercore:ltsc2022')).toMatch(/Linux/);
  });

  it('filterChoices: every word must match the id, the name or a language alias', () => {
    const choices = runtimeOptions('aws', TODAY, NO_POLICY);
    const ids = (term: string) => filterChoices(choices, term).map((c) => c.value);
    expect(ids('')).toEqual(choices.map((c) => c.value));
    expect(ids('node').length).toBeGreaterThan(0);
    expect(ids('node').every((id) => id.startsWith('nodejs'))).toBe(true);
    expect(ids('py 3.13')).toEqual(['python3.13']);
    expect(ids('node 22')).toEqual(['nodejs22']);
    expect(ids('node.js 24')).toEqual(['nodejs24']);
    expect(ids('PYTHON3.14')).toEqual(['python3.14']);
    expect(ids('c#').length).toBeGreaterThan(0);
    expect(ids('c#').every((id) => id.startsWith('dotnet'))).toBe(true);
    expect(ids('zzz')).toEqual([]);
    const lr = runtimeOptions('os-only', TODAY, NO_POLICY);
    expect(filterChoices(lr, 'golang').map((c) => c.value)).toEqual(['go']);
  });

  it('filterChoices finds what people type first: java, node22, py313, dotnet, go, rust', async () => {
    const aws = runtimeOptions('aws', TODAY, NO_POLICY);
    const first = (choices: typeof aws, term: string) => filterChoices(choices, term)[0]?.value;
    // "java" is also in Node.js's alias "javascript": Java must still come first.
    expect(first(aws, 'java')).toMatch(/^java\d/);
    expect(filterChoices(aws, 'java').findIndex((c) => c.value.startsWith('nodejs'))).toBeGreaterThan(filterChoices(aws, 'java').findLastIndex((c) => c.value.startsWith('java')));
    expect(first(aws, 'node22')).toBe('nodejs22');
    expect(first(aws, 'nodejs22.x')).toBe('nodejs22');
    expect(first(aws, 'py313')).toBe('python3.13');
    expect(first(aws, 'python3.13')).toBe('python3.13');
    expect(first(aws, 'dotnet')).toMatch(/^dotnet\d/);
    expect(first(aws, 'javascript')).toMatch(/^nodejs/);
    // On the AWS base, Go and Rust are found through the OS-only base, never "No results found".
    const ask = fakeAsk({ dir: 'a', base: 'aws', runtime: (q) => {
      if (q.kind !== 'search') throw new Error('not a search');
      expect(filterChoices(q.q.choices, 'go')[0]?.value).toBe('go');
      expect(filterChoices(q.q.choices, 'rust')[0]?.value).toBe('rust');
      return 'go';
    }, arch: 'x86_64', sample: true, handler: 'bootstrap' });
    const values = await promptForMissing({}, ctx(ask).context);
    expect(values).toMatchObject({ base: 'os-only', runtime: 'go' });
    expect(resolveOptions(optionValues(values), TODAY).options.base).toBe('os-only');
  });

  it('the real search never leaves "No results found": all choices stay on offer', async () => {
    const term = new FakeTerminal();
    const pending = promptForMissing({ dir: 'x', base: 'aws' }, { io: term.io(tempDir('tty-'), { NO_COLOR: '1' }), today: TODAY, hostArch: 'x86_64', policy: NO_POLICY });
    await term.waitFor(/Runtime/);
    await term.type('zzz');
    await term.waitFor(/nothing matches "zzz"; all choices:[\s\S]*nodejs24/);
    expect(term.screen()).not.toContain('No results found');
    await term.type(KEY.enter);
    await term.waitFor(/Architecture/);
    await term.type(KEY.enter);
    await term.waitFor(/TypeScript/);
    await term.type(KEY.enter);
    await term.waitFor(/sample/);
    await term.type(KEY.enter);
    await term.waitFor(/Handler/);
    await term.type(KEY.enter);
    expect((await pending).runtime).toBe('nodejs24');
  });
});
