import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployFiles } from '../../src/deploy/index';
import { ACCOUNT, DIGEST_A, DIGEST_B, ROLE, argAfter, findCall, indexOfCall, input, runDeploy, which, writeProject } from './helpers';

const HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const BASE_ENV = {
  AWS_ACCOUNT_ID: ACCOUNT,
  AWS_REGION: 'us-east-1',
  LAMBDA_ROLE_ARN: ROLE,
  IMAGE_TAG: 'v1',
  FAKE_PUSH_DIGEST: DIGEST_A,
};

describe('deploy.sh statically', () => {
  const script = deployFiles(input({ kind: 'script', buildTarget: 'final', ecrPolicy: 'same-account' })).find((f) => f.path === 'deploy.sh')!;

  it('is an executable POSIX sh script with set -eu', () => {
    expect(script.mode).toBe(0o755);
    expect(script.owned).toBe(false);
    expect(script.content.split('\n').slice(0, 6)).toContain('set -eu');
    expect(script.content.startsWith('#!/bin/sh\n')).toBe(true);
  });

  for (const shell of ['sh', 'dash', 'bash']) {
    it(`parses with ${shell} -n`, (ctx) => {
      if (!which(shell)) ctx.skip();
      const result = spawnSync(shell, ['-n'], { input: script.content, encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });
  }

  const shellcheck = which('shellcheck');
  it.skipIf(!shellcheck)('passes shellcheck -s sh', () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', '-'], { input: script.content, encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
  if (!shellcheck) {
    it.skip('shellcheck is not installed: the shellcheck assertion was skipped (apt-get install -y shellcheck)', () => {});
  }

  it('bakes the generator defaults in as single-quoted words that env and options override', () => {
    const text = deployFiles(input({ kind: 'script', functionName: 'Orders_1', repositoryName: 'team/orders', arch: 'x86_64', region: 'eu-west-1' }))[0]!.content;
    expect(text).toContain("DEFAULT_FUNCTION_NAME='Orders_1'");
    expect(text).toContain("DEFAULT_REPOSITORY='team/orders'");
    expect(text).toContain("DEFAULT_ARCH='x86_64'");
    expect(text).toContain("DEFAULT_REGION='eu-west-1'");
    expect(text).toContain('FUNCTION=${LAMBDA_FUNCTION_NAME:-$DEFAULT_FUNCTION_NAME}');
  });
});

describe('deploy.sh end to end against fake aws and docker', () => {
  it('first run: builds one architecture, creates the repository, pushes, creates the function by digest and waits for Active', () => {
    const dir = writeProject({ ecrPolicy: 'same-account' });
    const run = runDeploy(dir, BASE_ENV);
    expect(run.stderr).not.toMatch(/deploy\.sh: /);
    expect(run.status).toBe(0);

    const build = findCall(run.calls, 'docker', 'buildx', 'build');
    expect(argAfter(build, '--platform')).toBe('linux/arm64');
    expect(build).toEqual(expect.arrayContaining(['--provenance=false', '--sbom=false', '--load']));
    expect(argAfter(build, '-t')).toBe(`${HOST}/orders-api:v1`);

    const create = findCall(run.calls, 'aws', 'ecr', 'create-repository');
    expect(argAfter(create, '--repository-name')).toBe('orders-api');
    expect(argAfter(create, '--image-scanning-configuration')).toBe('scanOnPush=true');
    expect(argAfter(findCall(run.calls, 'aws', 'ecr', 'set-repository-policy'), '--policy-text')).toBe('file://ecr-policy.json');
    expect(findCall(run.calls, 'docker', 'login')).toEqual(['docker', 'login', '--username', 'AWS', '--password-stdin', HOST]);
    expect(findCall(run.calls, 'docker', 'push')).toEqual(['docker', 'push', `${HOST}/orders-api:v1`]);

    const fn = findCall(run.calls, 'aws', 'lambda', 'create-function');
    expect(argAfter(fn, '--package-type')).toBe('Image');
    expect(argAfter(fn, '--code')).toBe(`ImageUri=${HOST}/orders-api@${DIGEST_A}`);
    expect(argAfter(fn, '--architectures')).toBe('arm64');
    expect(argAfter(fn, '--role')).toBe(ROLE);
    expect(argAfter(fn, '--region')).toBe('us-east-1');
    expect(fn).not.toContain('--image-config');
    expect(findCall(run.calls, 'aws', 'lambda', 'wait', 'function-active-v2')).toBeDefined();
    expect(findCall(run.calls, 'aws', 'lambda', 'update-function-code')).toBeUndefined();

    // Order: look up before building, build before pushing, push before creating, wait last.
    const order = [
      indexOfCall(run.calls, 'aws', 'lambda', 'get-function'),
      indexOfCall(run.calls, 'docker', 'buildx', 'build'),
      indexOfCall(run.calls, 'aws', 'ecr', 'create-repository'),
      indexOfCall(run.calls, 'docker', 'login'),
      indexOfCall(run.calls, 'docker', 'push'),
      indexOfCall(run.calls, 'aws', 'lambda', 'create-function'),
      indexOfCall(run.calls, 'aws', 'lambda', 'wait'),
    ];
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(run.stdout).toContain(`${HOST}/orders-api@${DIGEST_A}`);
  });

  it('second run: the Image function is updated by digest and waited on with function-updated-v2, no role needed', () => {
    const dir = writeProject();
    const { LAMBDA_ROLE_ARN: _role, ...env } = BASE_ENV;
    const run = runDeploy(dir, { ...env, FAKE_FUNCTION: 'Image', FAKE_REPOSITORY: 'present' });
    expect(run.stderr).not.toMatch(/deploy\.sh: /);
    expect(run.status).toBe(0);
    const update = findCall(run.calls, 'aws', 'lambda', 'update-function-code');
    expect(argAfter(update, '--image-uri')).toBe(`${HOST}/orders-api@${DIGEST_A}`);
    expect(argAfter(update, '--architectures')).toBe('arm64');
    // Waited on after the update (and before it, in case an earlier update is still running).
    expect(indexOfCall(run.calls, 'aws', 'lambda', 'update-function-code')).toBeLessThan(
      run.calls.findLastIndex((argv) => argv[1] === 'lambda' && argv[3] === 'function-updated-v2'),
    );
    expect(findCall(run.calls, 'aws', 'lambda', 'create-function')).toBeUndefined();
    expect(findCall(run.calls, 'aws', 'ecr', 'create-repository')).toBeUndefined();
    expect(findCall(run.calls, 'aws', 'lambda', 'update-function-configuration')).toBeUndefined();
  });

  it('refuses a Zip function with the docs reason, before building or pushing', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, FAKE_FUNCTION: 'Zip' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/package type Zip: a function's package type \(\.zip or container image\) cannot be changed after creation/);
    expect(findCall(run.calls, 'docker', 'buildx', 'build')).toBeUndefined();
    expect(findCall(run.calls, 'docker', 'push')).toBeUndefined();
    expect(findCall(run.calls, 'aws', 'lambda', 'update-function-code')).toBeUndefined();
  });

  it('needs a role only to create, and says so before any build or push', () => {
    const { LAMBDA_ROLE_ARN: _role, ...env } = BASE_ENV;
    const run = runDeploy(writeProject(), env);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/LAMBDA_ROLE_ARN or --role/);
    expect(findCall(run.calls, 'docker', 'buildx', 'build')).toBeUndefined();
    expect(findCall(run.calls, 'docker', 'push')).toBeUndefined();
  });

  it('names the missing account and Region variables before calling aws or docker at all', () => {
    const { AWS_ACCOUNT_ID: _account, ...noAccount } = BASE_ENV;
    const account = runDeploy(writeProject(), noAccount);
    expect(account.status).toBe(2);
    expect(account.stderr).toMatch(/AWS_ACCOUNT_ID or pass --account-id/);
    expect(account.calls).toEqual([]);

    const { AWS_REGION: _region, ...noRegion } = BASE_ENV;
    const region = runDeploy(writeProject(), noRegion);
    expect(region.status).toBe(2);
    expect(region.stderr).toMatch(/AWS_REGION or pass --region/);
    expect(region.calls).toEqual([]);
  });

  it('checks values it receives at run time with the generator grammars', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ AWS_ACCOUNT_ID: '12345' }, /invalid account id .*'12345'.*12 digits/],
      [{ AWS_REGION: 'mars-1' }, /invalid Region 'mars-1'/],
      [{ LAMBDA_FUNCTION_NAME: "fn'; rm -rf /" }, /invalid function name .*1-64 letters/],
      [{ LAMBDA_FUNCTION_NAME: 'orders-api\nevil' }, /invalid function name/],
      [{ ECR_REPOSITORY: 'Orders' }, /invalid repository .*'Orders'/],
      [{ LAMBDA_ROLE_ARN: 'lambda-exec' }, /invalid role .*'lambda-exec'/],
      [{ LAMBDA_ARCH: 'amd64' }, /invalid architecture .*x86_64 or arm64/],
      [{ IMAGE_TAG: '-v1' }, /invalid image tag/],
    ];
    const dir = writeProject();
    for (const [env, message] of cases) {
      const run = runDeploy(dir, { ...BASE_ENV, ...env });
      expect(run.stderr, JSON.stringify(env)).toMatch(message);
      expect(run.status).toBe(2);
      expect(run.calls).toEqual([]);
    }
  });

  it('refuses a FIPS registry with the docs reason', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, ECR_REGISTRY: `${ACCOUNT}.dkr.ecr-fips.us-east-1.amazonaws.com` });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Lambda does not support Amazon ECR FIPS endpoints/);
    expect(run.calls).toEqual([]);
  });

  it('refuses a registry in another Region than the function', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, ECR_REGISTRY: `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com` });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/registry host in Region us-east-1/);
  });

  it('uses a registry given explicitly, and its account', () => {
    const { AWS_ACCOUNT_ID: _account, ...env } = BASE_ENV;
    const other = '210987654321.dkr.ecr.us-east-1.amazonaws.com';
    const run = runDeploy(writeProject(), { ...env, ECR_REGISTRY: other });
    expect(run.status).toBe(0);
    expect(argAfter(findCall(run.calls, 'aws', 'ecr', 'describe-repositories'), '--registry-id')).toBe('210987654321');
    expect(argAfter(findCall(run.calls, 'aws', 'lambda', 'create-function'), '--code')).toBe(`ImageUri=${other}/orders-api@${DIGEST_A}`);
  });

  it('follows a China Region: partition aws-cn and the .amazonaws.com.cn registry host', () => {
    const cnHost = `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn`;
    const cnRole = `arn:aws-cn:iam::${ACCOUNT}:role/lambda-exec`;
    const run = runDeploy(writeProject(), { ...BASE_ENV, AWS_REGION: 'cn-north-1', LAMBDA_ROLE_ARN: cnRole });
    expect(run.stderr).not.toMatch(/deploy\.sh: /);
    expect(run.status).toBe(0);
    expect(argAfter(findCall(run.calls, 'docker', 'buildx', 'build'), '-t')).toBe(`${cnHost}/orders-api:v1`);
    expect(findCall(run.calls, 'docker', 'login')?.at(-1)).toBe(cnHost);
    const fn = findCall(run.calls, 'aws', 'lambda', 'create-function');
    expect(argAfter(fn, '--code')).toBe(`ImageUri=${cnHost}/orders-api@${DIGEST_A}`);
    expect(argAfter(fn, '--role')).toBe(cnRole);

    // An aws-partition role cannot be used in a China Region.
    const wrong = runDeploy(writeProject(), { ...BASE_ENV, AWS_REGION: 'cn-north-1' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/partition aws-cn/);
    expect(wrong.calls).toEqual([]);
  });

  it('follows a GovCloud Region: aws-us-gov roles and the .amazonaws.com host', () => {
    const role = `arn:aws-us-gov:iam::${ACCOUNT}:role/lambda-exec`;
    const run = runDeploy(writeProject(), { ...BASE_ENV, AWS_REGION: 'us-gov-west-1', LAMBDA_ROLE_ARN: role });
    expect(run.status).toBe(0);
    expect(argAfter(findCall(run.calls, 'aws', 'lambda', 'create-function'), '--code')).toBe(
      `ImageUri=${ACCOUNT}.dkr.ecr.us-gov-west-1.amazonaws.com/orders-api@${DIGEST_A}`,
    );
  });

  it('falls back to ECR for the digest when docker push does not print one', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, FAKE_PUSH_DIGEST: '', FAKE_DIGEST: DIGEST_B });
    expect(run.status).toBe(0);
    const describe = findCall(run.calls, 'aws', 'ecr', 'describe-images');
    expect(argAfter(describe, '--image-ids')).toBe('imageTag=v1');
    expect(argAfter(findCall(run.calls, 'aws', 'lambda', 'create-function'), '--code')).toBe(`ImageUri=${HOST}/orders-api@${DIGEST_B}`);
  });

  it('stops when no digest can be resolved, without touching the function', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, FAKE_PUSH_DIGEST: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/could not resolve the digest/);
    expect(findCall(run.calls, 'aws', 'lambda', 'create-function')).toBeUndefined();
  });

  it('stops when the push fails', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, FAKE_PUSH_FAIL: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/docker push .* failed/);
    expect(findCall(run.calls, 'aws', 'lambda', 'create-function')).toBeUndefined();
  });

  it('falls back to DOCKER_BUILDKIT=1 docker build when buildx is missing', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, FAKE_NO_BUILDX: '1' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/docker buildx is not available: building with DOCKER_BUILDKIT=1 docker build/);
    const build = findCall(run.calls, 'docker', 'build', '--platform');
    expect(argAfter(build, '--platform')).toBe('linux/arm64');
    expect(argAfter(build, '-t')).toBe(`${HOST}/orders-api:v1`);
    expect(findCall(run.calls, 'docker', 'buildx', 'build')).toBeUndefined();
  });

  it('stops when docker can build neither with buildx nor with BuildKit, before looking anything up', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, FAKE_NO_BUILDX: '1', FAKE_NO_BUILDKIT: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/docker can build neither with buildx nor with DOCKER_BUILDKIT=1/);
    expect(findCall(run.calls, 'aws', 'lambda', 'get-function')).toBeUndefined();
  });

  it('checks for emulation before an arm64 build on an x86_64 engine', () => {
    const none = runDeploy(writeProject({ arch: 'arm64' }), { ...BASE_ENV, FAKE_ENGINE_ARCH: 'x86_64', FAKE_BUILDX_PLATFORMS: 'linux/amd64, linux/386' });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/building linux\/arm64 on a linux\/amd64 engine needs QEMU emulation/);
    expect(findCall(none.calls, 'docker', 'buildx', 'build')).toBeUndefined();
    expect(findCall(none.calls, 'aws', 'lambda', 'get-function')).toBeUndefined();

    const emulated = runDeploy(writeProject({ arch: 'arm64' }), { ...BASE_ENV, FAKE_ENGINE_ARCH: 'x86_64' });
    expect(emulated.status).toBe(0);
    expect(emulated.stderr).toMatch(/under emulation/);

    const native = runDeploy(writeProject({ arch: 'arm64' }), { ...BASE_ENV, FAKE_ENGINE_ARCH: 'aarch64', FAKE_BUILDX_PLATFORMS: '' });
    expect(native.status).toBe(0);
    expect(findCall(native.calls, 'docker', 'buildx', 'inspect')).toBeUndefined();
  });

  it('refuses a Region from the environment that differs from the generated one, unless --region settles it', () => {
    const dir = writeProject({ region: 'eu-west-1', ecrPolicy: 'same-account' });
    const clash = runDeploy(dir, BASE_ENV);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/generated for Region eu-west-1 but AWS_REGION\/AWS_DEFAULT_REGION says us-east-1: pass --region/);
    expect(clash.calls).toEqual([]);
    const chosen = runDeploy(dir, BASE_ENV, ['--region', 'us-east-1']);
    expect(chosen.status).toBe(0);
    const same = runDeploy(dir, { ...BASE_ENV, AWS_REGION: 'eu-west-1' });
    expect(same.status).toBe(0);
  });

  it('applies the policy to an existing repository too, with the command the next steps print', () => {
    const dir = writeProject({ ecrPolicy: 'same-account' });
    const run = runDeploy(dir, { ...BASE_ENV, FAKE_REPOSITORY: 'present' });
    expect(run.status).toBe(0);
    expect(findCall(run.calls, 'aws', 'ecr', 'create-repository')).toBeUndefined();
    const set = findCall(run.calls, 'aws', 'ecr', 'set-repository-policy');
    expect(set).toEqual(['aws', 'ecr', 'set-repository-policy', '--region', 'us-east-1', '--registry-id', ACCOUNT, '--repository-name', 'orders-api', '--policy-text', 'file://ecr-policy.json']);
    expect(run.stderr).toMatch(/replaces the repository's current policy/);
  });

  it("refuses a cross-account policy that leaves out the script's own account, naming the fix", () => {
    const dir = writeProject({ ecrPolicy: 'cross-account', allowAccounts: ['210987654321'], region: 'us-east-1' });
    const run = runDeploy(dir, BASE_ENV);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`ecr-policy\\.json does not let Lambda pull for functions of account ${ACCOUNT} in us-east-1, where this script deploys: regenerate it with --allow-account ${ACCOUNT}`));
    expect(run.calls).toEqual([]);
  });

  it('runs with a cross-account policy that includes its own account, in its Region or any', () => {
    for (const region of ['us-east-1', undefined]) {
      const dir = writeProject({ ecrPolicy: 'cross-account', allowAccounts: ['210987654321', ACCOUNT], ...(region ? { region } : {}) });
      const run = runDeploy(dir, BASE_ENV);
      expect(run.status, run.stderr).toBe(0);
      expect(findCall(run.calls, 'aws', 'ecr', 'set-repository-policy')).toBeDefined();
    }
  });

  it('refuses a cross-account policy written for another Region', () => {
    const dir = writeProject({ ecrPolicy: 'cross-account', allowAccounts: [ACCOUNT], region: 'eu-west-1' });
    const run = runDeploy(dir, BASE_ENV, ['--region', 'us-east-1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/in us-east-1, where this script deploys/);
  });

  it('lets command-line options override the environment and the baked defaults', () => {
    const run = runDeploy(writeProject(), { ...BASE_ENV, LAMBDA_FUNCTION_NAME: 'from-env' }, [
      '--function-name',
      'from-args',
      '--arch=x86_64',
      '--repository',
      'team/orders',
      '--tag',
      'v2',
    ]);
    expect(run.status).toBe(0);
    expect(argAfter(findCall(run.calls, 'docker', 'buildx', 'build'), '--platform')).toBe('linux/amd64');
    const fn = findCall(run.calls, 'aws', 'lambda', 'create-function');
    expect(argAfter(fn, '--function-name')).toBe('from-args');
    expect(argAfter(fn, '--architectures')).toBe('x86_64');
    expect(argAfter(fn, '--code')).toBe(`ImageUri=${HOST}/team/orders@${DIGEST_A}`);
    expect(findCall(run.calls, 'docker', 'push')?.at(-1)).toBe(`${HOST}/team/orders:v2`);
  });

  it('uses the baked Region and a timestamp tag when none is given', () => {
    const { AWS_REGION: _region, IMAGE_TAG: _tag, ...env } = BASE_ENV;
    const run = runDeploy(writeProject({ region: 'eu-central-2' }), { ...env, LAMBDA_ROLE_ARN: ROLE });
    expect(run.status).toBe(0);
    expect(argAfter(findCall(run.calls, 'docker', 'buildx', 'build'), '-t')).toMatch(
      new RegExp(`^${ACCOUNT}\\.dkr\\.ecr\\.eu-central-2\\.amazonaws\\.com/orders-api:\\d{14}$`),
    );
  });

  it('passes the build target and the full ImageConfig through', () => {
    const imageConfig = { entryPoint: ['/usr/local/bin/npx', 'aws-lambda-ric'], command: ["it's.handler"], workingDirectory: '/var/task' };
    const dir = writeProject({ buildTarget: 'final', imageConfig });
    const created = runDeploy(dir, BASE_ENV);
    expect(created.status).toBe(0);
    expect(argAfter(findCall(created.calls, 'docker', 'buildx', 'build'), '--target')).toBe('final');
    const fn = findCall(created.calls, 'aws', 'lambda', 'create-function');
    expect(JSON.parse(argAfter(fn, '--image-config')!)).toEqual({
      EntryPoint: imageConfig.entryPoint,
      Command: imageConfig.command,
      WorkingDirectory: imageConfig.workingDirectory,
    });

    const updated = runDeploy(dir, { ...BASE_ENV, FAKE_FUNCTION: 'Image', FAKE_REPOSITORY: 'present' });
    expect(updated.status).toBe(0);
    const config = findCall(updated.calls, 'aws', 'lambda', 'update-function-configuration');
    expect(JSON.parse(argAfter(config, '--image-config')!).WorkingDirectory).toBe('/var/task');
    const lastWait = updated.calls.findLastIndex((argv) => argv[1] === 'lambda' && argv[3] === 'function-updated-v2');
    expect(indexOfCall(updated.calls, 'aws', 'lambda', 'update-function-configuration')).toBeLessThan(lastWait);
  });

  it('documents options and environment variables in --help', () => {
    const run = runDeploy(writeProject({ region: 'eu-west-1' }), {}, ['--help']);
    expect(run.status).toBe(0);
    for (const name of ['AWS_ACCOUNT_ID', 'AWS_REGION', 'ECR_REPOSITORY', 'LAMBDA_FUNCTION_NAME', 'LAMBDA_ROLE_ARN', '--account-id', '--region', '--role']) {
      expect(run.stdout).toContain(name);
    }
    expect(run.stdout).toMatch(/default orders-api/);
    expect(run.stdout).toMatch(/default eu-west-1/);
    expect(run.calls).toEqual([]);
  });

  it('refuses unknown options', () => {
    const run = runDeploy(writeProject(), BASE_ENV, ['--regoin', 'us-east-1']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown option: --regoin/);
  });

  it.skipIf(!which('bash'))('runs the same under bash', () => {
    const run = runDeploy(writeProject(), BASE_ENV, [], 'bash');
    expect(run.status).toBe(0);
    expect(argAfter(findCall(run.calls, 'aws', 'lambda', 'create-function'), '--code')).toBe(`ImageUri=${HOST}/orders-api@${DIGEST_A}`);
  });

  it('is run from anywhere: it builds the folder it lives in', () => {
    const dir = writeProject();
    const run = runDeploy(dir, BASE_ENV);
    expect(run.status).toBe(0);
    expect(findCall(run.calls, 'docker', 'buildx', 'build')?.at(-1)).toBe('.');
  });
});
