import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CONFIG_ONLY_KEYS, PATTERNS, configKeys, configSchema } from '../../src/inputs/config/schema';
import { OPTION_SPECS } from '../../src/options';
import { isDigest, isLabelKey, isPackageName } from '../../src/options/validate';

const FILE = fileURLToPath(new URL('../../schema/lambda-image.schema.json', import.meta.url));
const text = () => `${JSON.stringify(configSchema(), null, 2)}\n`;

// UPDATE_SCHEMA=1 npx vitest run test/config/schema.test.ts rewrites the committed file.
if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, text());

describe('the JSON Schema', () => {
  it('is committed exactly as configSchema() builds it (run with UPDATE_SCHEMA=1 to refresh)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(text());
  });

  it('compiles in strict mode and is valid against the draft-07 meta-schema', () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    expect(ajv.validateSchema(configSchema())).toBe(true);
    expect(ajv.errors ?? null).toBeNull();
    expect(() => ajv.compile(configSchema())).not.toThrow();
  });

  it('has exactly the config keys of OPTION_SPECS plus the config-only keys', () => {
    const properties = Object.keys(configSchema().properties as object);
    const expected = [...OPTION_SPECS.filter((s) => s.config).map((s) => s.key), ...CONFIG_ONLY_KEYS];
    expect(new Set(properties)).toEqual(new Set(expected));
    expect(properties).toEqual(configKeys());
    // Run settings stay out; `lint` is both the --lint switch and the config's lint section.
    for (const spec of OPTION_SPECS.filter((s) => !s.config && s.key !== 'lint')) expect(properties).not.toContain(spec.key);
  });

  it('keeps every static choice of OPTION_SPECS as an enum', () => {
    const properties = configSchema().properties as Record<string, { enum?: string[] }>;
    for (const spec of OPTION_SPECS.filter((s) => s.config && s.choices)) {
      expect(properties[spec.key]!.enum, spec.key).toEqual([...spec.choices!]);
    }
  });

  it('refuses unknown keys and accepts a full example', () => {
    const validate = new Ajv({ strict: true }).compile(configSchema());
    expect(validate({ archh: 'arm64' })).toBe(false);
    expect(
      validate({
        $schema: './node_modules/create-lambda-image/schema/lambda-image.schema.json',
        extends: ['../team.yaml'],
        runtime: 'nodejs22',
        arch: 'arm64',
        osPackages: { build: ['gcc'], final: ['jq'] },
        pin: { 'public.ecr.aws/lambda/nodejs:22': { x86_64: `sha256:${'a'.repeat(64)}`, arm64: `sha256:${'b'.repeat(64)}` } },
        labels: { 'org.opencontainers.image.source': 'https://example.com/repo' },
        instructions: { final: ['ENV TZ=UTC'] },
        allowedBases: ['aws'],
        allowedRuntimes: ['nodejs22', 'nodejs24'],
        registryMirror: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public',
        lint: { failureThreshold: 'warning', ignored: ['DL3008'], override: { info: ['DL3041'] }, trustedRegistries: ['public.ecr.aws'] },
      }),
    ).toBe(true);
  });

  it('agrees with src/options/validate.ts on the patterns both check', () => {
    const cases: [RegExp, (v: string) => boolean, string[]][] = [
      [new RegExp(PATTERNS.digest.pattern), isDigest, [`sha256:${'a'.repeat(64)}`, 'sha256:abc', `sha256:${'A'.repeat(64)}`, 'md5:x']],
      [new RegExp(PATTERNS.labelKey.pattern), isLabelKey, ['org.opencontainers.image.source', 'Team', 'a', 'a-', 'x_y.z']],
      [new RegExp(PATTERNS.packageName.pattern), isPackageName, ['jq', 'gcc-c++', 'curl=7.88.1-10', '-x', 'a b', 'tar-1.34']],
    ];
    for (const [re, fn, samples] of cases) for (const s of samples) expect(re.test(s), s).toBe(fn(s));
  });
});
