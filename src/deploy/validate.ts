import { UsageError } from '../shared/errors';
import {
  ACCOUNT_RE,
  BUILD_TARGET_RE,
  FUNCTION_NAME_RE,
  ISO_REGION_RE,
  REASONS,
  REGION_RE,
  REPOSITORY_MAX,
  REPOSITORY_MIN,
  REPOSITORY_RE,
  ROLE_ARN_RE,
  WORKING_DIRECTORY_MAX,
  partitionOf,
} from '../catalog/deploy';

/*
 * One check per value that lands in a deploy artefact. Each throws a one-line UsageError naming
 * the value (JSON-quoted, so a newline or quote in it cannot break the line) and what it may be.
 */

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function fail(label: string, value: unknown, expected: string): never {
  throw new UsageError(`Invalid ${label} ${show(value)}: ${expected}`);
}

const matches = (value: unknown, re: string): value is string =>
  typeof value === 'string' && new RegExp(re).test(value);

export function checkAccountId(value: unknown, label = 'account id'): string {
  if (!matches(value, ACCOUNT_RE)) fail(label, value, 'an AWS account id is exactly 12 digits');
  return value;
}

export function checkRegion(value: unknown, label = '--region'): string {
  if (matches(value, ISO_REGION_RE)) {
    fail(label, value, 'ISO partitions are not supported by the deploy files (only aws, aws-cn and aws-us-gov)');
  }
  if (!matches(value, REGION_RE)) {
    fail(label, value, 'a Region name like us-east-1, eu-central-2, cn-north-1 or us-gov-west-1');
  }
  return value;
}

export function checkFunctionName(value: unknown, label = '--function-name'): string {
  if (!matches(value, FUNCTION_NAME_RE)) {
    fail(label, value, 'a Lambda function name is 1-64 letters, digits, hyphens or underscores');
  }
  return value;
}

export function checkRepositoryName(value: unknown, label = 'repository name'): string {
  const ok =
    typeof value === 'string' &&
    value.length >= REPOSITORY_MIN &&
    value.length <= REPOSITORY_MAX &&
    new RegExp(REPOSITORY_RE).test(value);
  if (!ok) {
    fail(
      label,
      value,
      `an ECR repository name is ${REPOSITORY_MIN}-${REPOSITORY_MAX} lowercase letters and digits, separated by single '.', '_' or '-', with optional '/' namespaces`,
    );
  }
  return value as string;
}

/** With a Region, the role must live in the Region's partition: IAM does not cross partitions. */
export function checkRoleArn(value: unknown, region?: string, label = 'role'): string {
  if (!matches(value, ROLE_ARN_RE)) {
    fail(label, value, 'an IAM role ARN like arn:aws:iam::123456789012:role/my-lambda-role');
  }
  if (region !== undefined && !value.startsWith(`arn:${partitionOf(region)}:`)) {
    fail(label, value, `Region ${region} is in partition ${partitionOf(region)}, so the role ARN must start with arn:${partitionOf(region)}:`);
  }
  return value;
}

export function checkBuildTarget(value: unknown, label = 'build target'): string {
  if (!matches(value, BUILD_TARGET_RE)) {
    fail(label, value, 'a Dockerfile stage name (a letter, then letters, digits, ".", "_" or "-")');
  }
  return value;
}

/** Printable text only: these strings end up in YAML, JSON and a single-quoted shell word. */
const PRINTABLE = /^[^\u0000-\u001f\u007f]+$/;

function checkArgv(value: unknown, label: string, absoluteFirst: boolean): string[] {
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= 1500 &&
    value.every((item) => typeof item === 'string' && PRINTABLE.test(item));
  if (!ok) fail(label, value, `a non-empty list of printable strings (${REASONS.imageConfig})`);
  if (absoluteFirst && !(value as string[])[0]!.startsWith('/')) {
    fail(label, value, 'the entry point must be an absolute path (Lambda requires an absolute ENTRYPOINT)');
  }
  return value as string[];
}

export interface ImageConfig {
  entryPoint: string[];
  command: string[];
  workingDirectory: string;
}

export function checkImageConfig(value: unknown): ImageConfig {
  if (typeof value !== 'object' || value === null) fail('--image-config', value, REASONS.imageConfig);
  const config = value as Partial<ImageConfig>;
  checkArgv(config.entryPoint, 'image config EntryPoint', true);
  checkArgv(config.command, 'image config Command', false);
  const dir = config.workingDirectory;
  if (typeof dir !== 'string' || !dir.startsWith('/') || dir.length > WORKING_DIRECTORY_MAX || !PRINTABLE.test(dir)) {
    fail('image config WorkingDirectory', dir, `an absolute path of at most ${WORKING_DIRECTORY_MAX} characters (${REASONS.imageConfig})`);
  }
  return config as ImageConfig;
}

export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], label: string): T {
  if (!allowed.includes(value as T)) fail(label, value, `one of ${allowed.join(', ')}`);
  return value as T;
}
