/**
 * The steps printed after writing work where the user is: the build command fits the docker
 * client (buildx or not), --region reaches the AWS commands, and `verify` is the local test.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { SYSTEM_PLUGIN_DIRS } from '../../src/commands/create';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/run';

/** A docker config folder with (or without) the buildx plugin, where the docker CLI looks. */
function dockerConfig(dir: string, buildx: boolean): NodeJS.ProcessEnv {
  const config = join(dir, buildx ? 'docker-new' : 'docker-old');
  mkdirSync(join(config, 'cli-plugins'), { recursive: true });
  if (buildx) writeFileSync(join(config, 'cli-plugins', 'docker-buildx'), '#!/bin/sh\n', { mode: 0o755 });
  return { DOCKER_CONFIG: config };
}

/** The "without buildx" case holds only where no system-wide plugin exists. */
const systemBuildx = SYSTEM_PLUGIN_DIRS.some((d) => existsSync(join(d, 'docker-buildx')));

function steps(stdout: string): string[] {
  const at = stdout.indexOf('Next steps:');
  return stdout.slice(at).split('\n').slice(1).filter((l) => l.startsWith('  ')).map((l) => l.trim());
}

describe('next steps', () => {
  it.skipIf(systemBuildx)('without a buildx plugin: DOCKER_BUILDKIT=1 docker build, and verify --build as the other way', async () => {
    const cwd = tempDir();
    const r = await run(['fn', '--runtime', 'python3.13', '--no-lint'], { cwd, env: dockerConfig(cwd, false) });
    expect(r.code).toBe(0);
    const lines = steps(r.stdout);
    const build = lines.find((l) => /docker (buildx )?build/.test(l))!;
    expect(build).toMatch(/^DOCKER_BUILDKIT=1 docker build --platform linux\/amd64 -t fn:dev \./);
    expect(build).toContain('npx create-lambda-image verify --build . fn:dev --arch x86_64');
    expect(lines.join('\n')).not.toContain('docker buildx');
  });

  it('with buildx: docker buildx build without attestations, then verify', async () => {
    const cwd = tempDir();
    const r = await run(['fn', '--runtime', 'python3.13', '--arch', 'arm64', '--no-lint'], { cwd, env: dockerConfig(cwd, true) });
    const lines = steps(r.stdout);
    expect(lines).toContain('docker buildx build --platform linux/arm64 --provenance=false --sbom=false --load -t fn:dev .');
    expect(lines.some((l) => l.startsWith('npx create-lambda-image verify fn:dev --arch arm64'))).toBe(true);
  });

  it('--region reaches every AWS command and the registry host', async () => {
    const cwd = tempDir();
    const r = await run(['fn', '--runtime', 'nodejs22', '--region', 'eu-west-1', '--no-lint'], { cwd, env: dockerConfig(cwd, true) });
    expect(r.code).toBe(0);
    const aws = steps(r.stdout).filter((l) => l.startsWith('aws ') || l.startsWith('docker tag'));
    expect(aws.length).toBeGreaterThanOrEqual(4);
    for (const l of aws.filter((x) => x.startsWith('aws '))) expect(l.split('|')[0]).toContain('--region eu-west-1');
    expect(r.stdout).toContain('ACCOUNT.dkr.ecr.eu-west-1.amazonaws.com/fn:v1');
    expect(r.stdout).not.toContain('REGION');
  });
});
