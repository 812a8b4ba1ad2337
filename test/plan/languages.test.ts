import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { AWS_RUNTIMES, LAMBDA, LANGUAGES } from '../../src/catalog';
import type { Language } from '../../src/catalog/types';
import { TEST_IN_BUILD_LANGUAGES } from '../../src/options';
import { LANGUAGE_MODULES, type LanguageTemplate } from '../../src/plan/languages';
import type { GoData } from '../../src/plan/languages/go';
import type { NativeCommon } from '../../src/plan/languages/module';
import type { NodeAwsData } from '../../src/plan/languages/nodejs';
import { planFor, PROJECT_FILES } from './helpers';

const TEMPLATES = fileURLToPath(new URL('../../templates/dockerfile', import.meta.url));
const PLAN = fileURLToPath(new URL('../../src/plan', import.meta.url));
const ALL = Object.keys(LANGUAGES) as Language[];

describe('the language modules', () => {
  it('there is one module per catalogued language, under its own id', () => {
    expect(Object.keys(LANGUAGE_MODULES).sort()).toEqual([...ALL].sort());
    for (const [id, module] of Object.entries(LANGUAGE_MODULES)) expect(module.id).toBe(id);
  });

  it('a module plans the AWS kind exactly when Lambda publishes a runtime image for the language', () => {
    const withImages = new Set<Language>(AWS_RUNTIMES.map((r) => r.language));
    for (const language of ALL) expect('aws' in LANGUAGE_MODULES[language], language).toBe(withImages.has(language));
  });

  it('the languages with a test step are the ones --test-in-build offers', () => {
    const withTests = ALL.filter((l) => 'tests' in LANGUAGE_MODULES[l]);
    expect(withTests.sort()).toEqual([...TEST_IN_BUILD_LANGUAGES].sort());
  });

  it('every template a module names exists, on every kind', () => {
    for (const language of ALL) {
      for (const kind of ['os-only', 'image'] as const) expect(existsSync(join(TEMPLATES, kind, `${language}.hbs`)), `${kind}/${language}`).toBe(true);
    }
    const awsTemplates = new Set<string>();
    for (const rt of AWS_RUNTIMES) {
      for (const buildTool of rt.language === 'java' ? (['maven', 'gradle'] as const) : [undefined]) {
        const p = planFor(rt.language, { base: 'aws', runtime: rt.id, allowDeprecated: true, ...(buildTool ? { buildTool } : {}) });
        awsTemplates.add(p.dockerfile.template);
      }
    }
    for (const t of awsTemplates) expect(existsSync(join(TEMPLATES, `${t}.hbs`)), t).toBe(true);
  });

  it('a compiled or scripted bootstrap needs no client to be started: its start is the bootstrap itself', () => {
    for (const language of ALL.filter((l) => LANGUAGES[l].bootstrap !== 'client')) {
      const p = planFor(language, { base: 'image', runtime: language, rie: true }, { files: new Set(PROJECT_FILES[language]) });
      const entry = p.ownedFiles.find((f) => f.template === 'entry/lambda-entrypoint.sh');
      expect(entry?.data, language).toMatchObject({ command: LAMBDA.bootstrap, pattern: null });
    }
  });

  it('types each template\'s data by the template\'s name (checked by the compiler)', () => {
    type Kinds = 'os-only' | 'image';
    expectTypeOf<LanguageTemplate['template']>().toEqualTypeOf<
      'aws/nodejs' | 'aws/python' | 'aws/java-maven' | 'aws/java-gradle' | 'aws/dotnet' | 'aws/ruby' | `${Kinds}/${Language}`
    >();
    expectTypeOf<Extract<LanguageTemplate, { template: 'aws/nodejs' }>['lang']>().toEqualTypeOf<NodeAwsData>();
    expectTypeOf<Extract<LanguageTemplate, { template: `${Kinds}/go` }>['lang']>().toEqualTypeOf<GoData & NativeCommon>();
    const p = planFor('go', { base: 'image', runtime: 'go' });
    expect(p.dockerfile.template).toBe('image/go');
  });

  it('the kind planners name no language: what differs is in the modules or the catalog', () => {
    const named = new RegExp(`['"\`](${ALL.join('|')})['"\`]`);
    for (const file of ['index.ts', 'aws.ts', 'native.ts', 'os-only.ts', 'image.ts']) {
      expect(readFileSync(join(PLAN, file), 'utf8'), file).not.toMatch(named);
    }
  });
});
