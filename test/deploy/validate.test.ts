import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors';
import { deployFiles, validateDeployInput, type DeployInput } from '../../src/deploy/index';
import { checkRegion, checkRoleArn } from '../../src/deploy/validate';
import { input } from './helpers';

/** The error is a UsageError (exit 2), one line, and names the offending value. */
function expectUsageError(run: () => unknown, value: string): UsageError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UsageError);
  const error = caught as UsageError;
  expect(error.exitCode).toBe(2);
  expect(error.message).not.toContain('\n');
  expect(error.message).toContain(JSON.stringify(value));
  return error;
}

describe('validateDeployInput: bad values are refused before anything is generated', () => {
  const cases: [string, Partial<DeployInput>, string][] = [
    ['account id too short', { ecrPolicy: 'cross-account', allowAccounts: ['12345'] }, '12345'],
    ['account id with letters', { ecrPolicy: 'cross-account', allowAccounts: ['12345678901a'] }, '12345678901a'],
    ['unknown Region', { region: 'mars-1' }, 'mars-1'],
    ['upper-case Region', { region: 'US-EAST-1' }, 'US-EAST-1'],
    ['function name with a space', { functionName: 'orders api' }, 'orders api'],
    ['function name with a quote', { functionName: 'orders"api' }, 'orders"api'],
    ['function name injection', { functionName: "fn'; rm -rf /" }, "fn'; rm -rf /"],
    ['function name of 65 characters', { functionName: 'f'.repeat(65) }, 'f'.repeat(65)],
    ['repository with upper case', { repositoryName: 'Orders-Api' }, 'Orders-Api'],
    ['repository of one character', { repositoryName: 'o' }, 'o'],
    ['repository with doubled separator', { repositoryName: 'orders..api' }, 'orders..api'],
    ['repository injection', { repositoryName: 'repo$(id)' }, 'repo$(id)'],
    ['repository of 257 characters', { repositoryName: 'r'.repeat(257) }, 'r'.repeat(257)],
    ['build target with a space', { buildTarget: 'final stage' }, 'final stage'],
    ['unknown deploy kind', { kind: 'terraform' as DeployInput['kind'] }, 'terraform'],
    ['unknown architecture', { arch: 'amd64' as DeployInput['arch'] }, 'amd64'],
  ];
  for (const [name, over, value] of cases) {
    it(name, () => {
      expectUsageError(() => validateDeployInput(input(over)), value);
      // deployFiles validates first, so nothing is produced either.
      expectUsageError(() => deployFiles(input(over)), value);
    });
  }

  it('says what a Region may be', () => {
    expect(expectUsageError(() => checkRegion('mars-1'), 'mars-1').message).toMatch(/us-east-1.*cn-north-1.*us-gov-west-1/);
  });

  it('refuses ISO partitions with their own reason', () => {
    expect(expectUsageError(() => checkRegion('us-iso-east-1'), 'us-iso-east-1').message).toMatch(/ISO partitions/);
  });

  it('refuses a role that is not an IAM role ARN', () => {
    expectUsageError(() => checkRoleArn('lambda-exec'), 'lambda-exec');
    expectUsageError(() => checkRoleArn('arn:aws:iam::123456789012:user/bob'), 'arn:aws:iam::123456789012:user/bob');
    expectUsageError(() => checkRoleArn('arn:aws:iam::12345:role/x'), 'arn:aws:iam::12345:role/x');
  });

  it('refuses a role from another partition than the Region', () => {
    const role = 'arn:aws:iam::123456789012:role/lambda-exec';
    expect(expectUsageError(() => checkRoleArn(role, 'cn-north-1'), role).message).toContain('aws-cn');
    expect(checkRoleArn('arn:aws-cn:iam::123456789012:role/lambda-exec', 'cn-north-1')).toMatch(/^arn:aws-cn:/);
    expect(checkRoleArn('arn:aws-us-gov:iam::123456789012:role/path/x', 'us-gov-west-1')).toMatch(/^arn:aws-us-gov:/);
  });

  it('refuses a partial or relative ImageConfig', () => {
    const good = { entryPoint: ['/usr/local/bin/python', '-m', 'awslambdaric'], command: ['app.handler'], workingDirectory: '/var/task' };
    expect(() => validateDeployInput(input({ imageConfig: { ...good, command: [] } }))).toThrow(/Command.*all three/);
    expect(() => validateDeployInput(input({ imageConfig: { ...good, workingDirectory: '' } }))).toThrow(UsageError);
    expect(() => validateDeployInput(input({ imageConfig: { ...good, entryPoint: ['python'] } }))).toThrow(/absolute/);
    const partial = { entryPoint: good.entryPoint, command: good.command } as unknown as typeof good;
    expect(() => validateDeployInput(input({ imageConfig: partial }))).toThrow(/WorkingDirectory/);
    expect(() => validateDeployInput(input({ imageConfig: { ...good, command: ['a\nb'] } }))).toThrow(UsageError);
    expect(() => validateDeployInput(input({ imageConfig: good }))).not.toThrow();
  });

  it('ties --allow-account to --ecr-policy cross-account', () => {
    expect(() => validateDeployInput(input({ ecrPolicy: 'cross-account' }))).toThrow(/at least one --allow-account/);
    expect(() => validateDeployInput(input({ ecrPolicy: 'same-account', allowAccounts: ['111111111111'] }))).toThrow(
      /applies only to --ecr-policy cross-account/,
    );
  });
});

describe('validateDeployInput: real values pass', () => {
  it.each(['us-east-1', 'eu-central-2', 'ap-southeast-7', 'il-central-1', 'mx-central-1', 'ca-west-1', 'cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1'])(
    'Region %s',
    (region) => expect(() => validateDeployInput(input({ region }))).not.toThrow(),
  );

  it.each(['o1', 'orders-api', 'team/orders_api', 'a.b-c_d/e', 'r'.repeat(256)])('repository %s', (repositoryName) =>
    expect(() => validateDeployInput(input({ repositoryName }))).not.toThrow(),
  );

  it.each(['f', 'Orders_API-1', 'f'.repeat(64)])('function name %s', (functionName) =>
    expect(() => validateDeployInput(input({ functionName }))).not.toThrow(),
  );
});
