/**
 * Adding an option is one declaration: a made-up option added to a copy of the model reaches the
 * parser, the config schema, --help, resolve and the Dockerfile header without another edit.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { optionValues } from '../../src/commands/create';
import { configKeys, configSchema } from '../../src/inputs/config/schema';
import { parseFlags } from '../../src/inputs/flags';
import { declare, defaultOptions, headerKeys, modelDefaults, OPTION_SPECS, RUN_KEYS, runKeys, type OptionModel } from '../../src/options';
import { createHelp } from '../../src/options/help';
import { resolveOptions, runtimeChoices } from '../../src/options/resolve';
import { HEADER_KEYS, headerOptions } from '../../src/plan';
import { UsageError } from '../../src/shared/errors';
import { FLOW_KEYS, promptForMissing, summary } from '../../src/inputs/prompts';
import type { Io } from '../../src/shared/io';
import { PLAIN } from '../../src/shared/style';
import { fakeAsk, sink } from '../prompts/helpers';
import { TODAY, tempDir } from '../support/run';

const FAKE = declare({
  key: 'layerCache',
  flag: 'layer-cache',
  type: 'string',
  group: 'create',
  header: true,
  choices: ['none', 'registry', 'inline'],
  default: 'none',
  description: 'a made-up option that only this test knows',
  prompt: { message: 'Layer cache', label: 'Layer cache', kind: 'select', step: 20 },
});
const FAKE_RUN = declare({ key: 'dryRun', flag: 'dry-run', type: 'boolean', group: 'run', run: true, default: false, description: 'a made-up run setting' });
const MODEL: OptionModel = [...OPTION_SPECS, FAKE, FAKE_RUN];

describe('a made-up option added to a copy of the model', () => {
  it('is a flag: parsed with --flag value and --flag=value, its choices checked, a typo suggested', () => {
    expect(parseFlags(['fn', '--layer-cache', 'registry'], MODEL).values).toEqual({ layerCache: 'registry' });
    expect(parseFlags(['--layer-cache=inline', '--dry-run'], MODEL).values).toEqual({ layerCache: 'inline', dryRun: true });
    expect(() => parseFlags(['--layer-cache', 'registy'], MODEL)).toThrow('--layer-cache: invalid value "registy"; did you mean registry?; choose one of: none, registry, inline');
    expect(() => parseFlags(['--layer-cach', 'inline'], MODEL)).toThrow(/unknown flag --layer-cach; did you mean --layer-cache\?/);
    // The real model does not know it.
    expect(() => parseFlags(['--layer-cache', 'inline'])).toThrow(UsageError);
  });

  it('is a config key with its enum in the JSON Schema; the run setting is not', () => {
    const schema = configSchema(MODEL);
    const properties = schema.properties as Record<string, { enum?: string[]; description?: string }>;
    expect(properties.layerCache).toEqual({ description: FAKE.description, type: 'string', enum: ['none', 'registry', 'inline'] });
    expect(properties.dryRun).toBeUndefined();
    expect(configKeys(MODEL)).toContain('layerCache');
    const validate = new Ajv({ strict: true }).compile(schema);
    expect(validate({ runtime: 'nodejs22', layerCache: 'inline' })).toBe(true);
    expect(validate({ layerCache: 'sideways' })).toBe(false);
    expect(new Ajv({ strict: true }).compile(configSchema())({ layerCache: 'inline' })).toBe(false);
  });

  it('is listed in --help in its group, with its choices and default', () => {
    const help = createHelp(100, MODEL).split('\n');
    const at = help.findIndex((l) => /^\s+--layer-cache <none\|registry\|inline>/.test(l));
    expect(at).toBeGreaterThan(help.indexOf('What to generate:'));
    expect(at).toBeLessThan(help.indexOf('Deploy artefacts:'));
    expect(help.slice(at, at + 3).join(' ')).toMatch(/a made-up option that only this test knows.*default: none/);
    expect(help.findIndex((l) => /^\s+--dry-run/.test(l))).toBeGreaterThan(help.indexOf('How to run:'));
    expect(createHelp()).not.toContain('--layer-cache');
  });

  it('is resolved with its default, validated, and recorded in the Dockerfile header when set', () => {
    const given = resolveOptions({ runtime: 'nodejs22', layerCache: 'registry' }, TODAY, undefined, MODEL).options;
    expect(headerOptions(given, MODEL)).toMatchObject({ runtime: 'nodejs22', layerCache: 'registry' });
    // Not given: the default, which the header records as it records base and arch.
    const defaulted = resolveOptions({ runtime: 'nodejs22' }, TODAY, undefined, MODEL).options;
    expect((defaulted as unknown as Record<string, unknown>).layerCache).toBe('none');
    expect(() => resolveOptions({ runtime: 'nodejs22', layerCache: 'sideways' }, TODAY, undefined, MODEL)).toThrow('--layer-cache: invalid value "sideways"; choose one of: none, registry, inline');
    // A check of its own (as --family's may become) runs for a flag and for a config value alike.
    const checked = [...OPTION_SPECS, { ...FAKE, choices: undefined, check: (v: string) => (v.includes(':') ? undefined : `${v} has no release; write name:release`) }];
    expect(() => parseFlags(['--layer-cache', 'registry'], checked)).toThrow('--layer-cache: registry has no release; write name:release');
    expect(() => resolveOptions({ runtime: 'nodejs22', layerCache: 'registry' }, TODAY, (k) => `lambda-image.yaml:3 ${k}`, checked)).toThrow('lambda-image.yaml:3 layerCache: registry has no release; write name:release');
    expect(headerOptions(resolveOptions({ runtime: 'nodejs22', layerCache: 'registry:2' }, TODAY, undefined, checked).options, checked)).toMatchObject({ layerCache: 'registry:2' });
    expect(headerKeys(MODEL)).toEqual([...HEADER_KEYS, 'layerCache']);
    // The real model's header has no such key.
    expect(headerOptions(given)).not.toHaveProperty('layerCache');
  });

  it('is asked at a terminal with its choices and default, after the questions of the flow, and summarised', async () => {
    const ask = fakeAsk({ dir: 'fn', base: 'aws', runtime: 'python3.13', arch: 'x86_64', sample: true, handler: 'lambda_function.lambda_handler', layerCache: 'inline' });
    const stdout = sink(true);
    const io: Io = { cwd: tempDir('prompts-'), env: {}, stdin: sink(true), stdout, stderr: sink(), now: () => TODAY };
    const values = await promptForMissing({}, { io, today: TODAY, hostArch: 'x86_64', policy: { sources: {} }, ask, style: PLAIN, model: MODEL });
    expect(values.layerCache).toBe('inline');
    expect(ask.keys().at(-1)).toBe('layerCache');
    const asked = ask.asked.at(-1)!;
    expect(asked.kind === 'select' && asked.q).toMatchObject({ message: 'Layer cache', default: 'none', choices: [{ value: 'none' }, { value: 'registry' }, { value: 'inline' }] });
    expect(summary(values, PLAIN, MODEL)).toMatch(/^  Layer cache\s+inline$/m);
    // A value already given is never asked.
    const again = fakeAsk({ dir: 'fn', base: 'aws', runtime: 'python3.13', arch: 'x86_64', sample: true, handler: 'lambda_function.lambda_handler' });
    await promptForMissing({ layerCache: 'registry' }, { io, today: TODAY, hostArch: 'x86_64', policy: { sources: {} }, ask: again, style: PLAIN, model: MODEL });
    expect(again.keys()).not.toContain('layerCache');
  });

  it('a run setting is kept out of the options', () => {
    expect(runKeys(MODEL)).toEqual([...RUN_KEYS, 'dryRun']);
    expect(optionValues({ runtime: 'go', dryRun: true, layerCache: 'inline' }, MODEL)).toEqual({ runtime: 'go', layerCache: 'inline' });
    expect(modelDefaults(MODEL)).not.toHaveProperty('dryRun');
  });
});

describe('the real model', () => {
  it('is where the lists come from', () => {
    expect(HEADER_KEYS).toEqual(headerKeys());
    expect(HEADER_KEYS).not.toContain('sample');
    expect(RUN_KEYS).toEqual(['dir', 'stdout', 'force', 'yes', 'interactive', 'config', 'save', 'lint', 'hadolint']);
    expect(defaultOptions()).toMatchObject({ base: 'aws', arch: 'x86_64', deploy: 'none', ecrPolicy: 'none', sample: true, pin: {} });
    // Each default is a fresh copy.
    const a = defaultOptions();
    a.osPackages.push('gcc');
    expect(defaultOptions().osPackages).toEqual([]);
  });

  it('finds the runtime\'s choices and its --yes default in the catalog, for the base given', () => {
    const runtime = OPTION_SPECS.find((s) => s.key === 'runtime')!;
    const aws = runtime.catalogChoices!({ values: {}, today: TODAY });
    expect(aws).toEqual(runtimeChoices('aws', TODAY));
    expect(aws).toContain(runtime.catalogDefault!({ values: {}, today: TODAY }));
    const osOnly = runtime.catalogChoices!({ values: { base: 'os-only' }, today: TODAY });
    expect(osOnly).toContain('go');
    expect(osOnly).toContain(runtime.catalogDefault!({ values: { base: 'os-only' }, today: TODAY }));
    expect(aws).not.toContain('go');
  });

  it('has a question for every option the prompt flow asks', () => {
    for (const key of FLOW_KEYS) expect(OPTION_SPECS.find((s) => s.key === key)?.prompt, key).toBeDefined();
    const steps = OPTION_SPECS.flatMap((s) => (s.prompt ? [s.prompt.step] : []));
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('declares each key and flag once', () => {
    const keys = OPTION_SPECS.map((s) => s.key);
    const flags = OPTION_SPECS.flatMap((s) => (s.flag ? [s.flag] : []));
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(flags).size).toBe(flags.length);
    for (const spec of OPTION_SPECS) {
      if (spec.run) expect(spec.config || spec.header, spec.key).toBe(false);
      if (spec.choices && typeof spec.default === 'string') expect(spec.choices, spec.key).toContain(spec.default);
    }
  });
});
