import { BASE_KINDS, OPTION_SPECS, type JsonSchema, type OptionModel, type OptionSpec } from '../../options';
import { PATTERNS, type PatternName } from '../../options/validate';

/**
 * The JSON Schema of lambda-image.yaml, built from OPTION_SPECS (every `config: true` option)
 * plus the keys only a config file has. schema/lambda-image.schema.json is this function's
 * output, committed so editors can complete the file; a test keeps the two equal.
 */

export type { JsonSchema };

/** Keys only a config file has: team policy, lint settings, layering and the editor hint. */
export const CONFIG_ONLY_KEYS = ['allowedBases', 'allowedRuntimes', 'lint', 'extends', '$schema'] as const;

/** Keys a later layer (or a flag) may only narrow, never widen or replace. */
export const POLICY_KEYS = ['allowedBases', 'allowedRuntimes', 'registryMirror', 'pin'] as const;

export const LINT_LEVELS = ['error', 'warning', 'info', 'style'] as const;
export const FAILURE_THRESHOLDS = [...LINT_LEVELS, 'none'] as const;
export { STAGES } from '../../options';

export { PATTERNS, patternText } from '../../options/validate';

const str = (pattern?: PatternName): JsonSchema =>
  pattern ? { type: 'string', pattern: PATTERNS[pattern].pattern } : { type: 'string', minLength: 1 };
const list = (items: JsonSchema, description?: string): JsonSchema => ({
  ...(description ? { description } : {}),
  type: 'array',
  items,
});

function describe(spec: OptionSpec): string {
  return spec.description.replace(/\s*\(repeatable\)/, '');
}

function optionSchema(spec: OptionSpec): JsonSchema {
  const description = describe(spec);
  if (spec.schema) return { description, ...spec.schema };
  switch (spec.type) {
    case 'boolean':
      return { description, type: 'boolean' };
    case 'list':
      return list(str(spec.pattern), description);
    case 'string':
      if (spec.choices) return { description, type: 'string', enum: [...spec.choices] };
      return { description, ...str(spec.pattern) };
    case 'object':
      return { description, type: 'object' };
  }
}

function configOnlySchemas(): Record<(typeof CONFIG_ONLY_KEYS)[number], JsonSchema> {
  return {
    allowedBases: {
      description: 'team policy: the base kinds projects may use; a later file can only narrow the list',
      type: 'array',
      items: { type: 'string', enum: [...BASE_KINDS] },
      minItems: 1,
      uniqueItems: true,
    },
    allowedRuntimes: {
      description: 'team policy: the runtimes projects may use (e.g. nodejs22); a later file can only narrow the list',
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      uniqueItems: true,
    },
    lint: {
      description: 'settings for the lint of the generated Dockerfile',
      type: 'object',
      properties: {
        failureThreshold: { description: 'lowest level that fails', type: 'string', enum: [...FAILURE_THRESHOLDS] },
        ignored: list(str('ruleId'), 'rules never reported'),
        override: {
          description: 'level → rules reported at that level',
          type: 'object',
          properties: Object.fromEntries(LINT_LEVELS.map((l) => [l, list(str('ruleId'))])),
          additionalProperties: false,
        },
        trustedRegistries: list(str(), 'registries FROM may pull from (DL3026)'),
      },
      additionalProperties: false,
    },
    extends: {
      description: 'config files this one builds on, relative to this file; later ones win',
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, uniqueItems: true },
      ],
    },
    $schema: { description: 'the JSON Schema editors use for this file', type: 'string' },
  };
}

/** Every key a config file may have, in the order the schema lists them. */
export function configKeys(model: OptionModel = OPTION_SPECS): string[] {
  return [...model.filter((s) => s.config).map((s) => s.key), ...CONFIG_ONLY_KEYS];
}

/** The schema of the options a model allows in the file, plus the config-only keys. */
export function configSchema(model: OptionModel = OPTION_SPECS): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const spec of model) {
    if (spec.config) properties[spec.key] = optionSchema(spec);
  }
  Object.assign(properties, configOnlySchemas());
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'create-lambda-image config (lambda-image.yaml)',
    description: 'Options, team policy and lint settings for create-lambda-image. See docs/config.md.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
