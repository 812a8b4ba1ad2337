import type { ValidateFunction } from 'ajv';
import { configSchema } from './schema';

let compiled: ValidateFunction | undefined;

/**
 * The config file's JSON Schema validator. The published bundle replaces this module with ajv's
 * standalone code generated from schema/lambda-image.schema.json (scripts/build.mjs), so users
 * never load ajv's compiler.
 */
export async function configValidator(): Promise<ValidateFunction> {
  if (compiled) return compiled;
  const { default: Ajv } = await import('ajv');
  compiled = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(configSchema());
  return compiled;
}
