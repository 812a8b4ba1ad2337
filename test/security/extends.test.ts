import { spawnSync } from 'node:child_process';
import { readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/inputs/config';
import { writeTree } from '../config/helpers';
import { run } from '../support/run';
import { expectOneLine } from './helpers';

const SECRET = 'root:x:0:0:SECRET-CONTENT';

/** A project whose config extends `value`, with a secret file just outside it. */
function project(value: string, extra: Record<string, string> = {}): { cwd: string; outside: string } {
  const outer = writeTree({ 'secret.yaml': `${SECRET}\n` });
  const cwd = join(outer, 'repo');
  writeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'lambda-image.yaml': `runtime: nodejs24\nextends: ${JSON.stringify(value)}\n`, ...extra }, cwd);
  return { cwd, outside: join(outer, 'secret.yaml') };
}

async function refused(cwd: string, message: RegExp): Promise<void> {
  const before = readdirSync(cwd).sort();
  const result = await run(['fn', '--no-lint'], { cwd });
  const line = expectOneLine(result, 2, message);
  expect(line).not.toContain('SECRET-CONTENT');
  expect(line).not.toContain('root:x');
  expect(readdirSync(cwd).sort()).toEqual(before);
}

describe('extends stays inside the project or an installed package', () => {
  it('an absolute path (/etc/passwd) is refused without reading it', async () => {
    await refused(project('/etc/passwd').cwd, /lambda-image\.yaml:2: extends: "\/etc\/passwd" is an absolute path/);
  });

  it('.. out of the project is refused without reading it', async () => {
    await refused(project('../secret.yaml').cwd, /lambda-image\.yaml:2: extends: "\.\.\/secret\.yaml" is outside the project/);
    await refused(project('sub/../../secret.yaml').cwd, /is outside the project/);
  });

  it('a path that does not exist outside the project is refused the same way (no probing)', async () => {
    await refused(project('../../../../../nonexistent/x.yaml').cwd, /is outside the project/);
  });

  it('a URL is refused', async () => {
    await refused(project('https://example.com/team.yaml').cwd, /is a URL/);
    await refused(project('file:///etc/passwd').cwd, /is a URL/);
  });

  it('a link inside the project that leads outside is refused', async () => {
    const { cwd, outside } = project('team.yaml');
    symlinkSync(outside, join(cwd, 'team.yaml'));
    await refused(cwd, /extends: "team\.yaml" is outside the project/);
    symlinkSync('/etc/passwd', join(cwd, 'passwd.yaml'));
    await refused(project('passwd.yaml', {}).cwd, /not found/);
  });

  it.runIf(spawnSync('mkfifo', ['--version']).status === 0)('a FIFO inside the project is refused, not waited on', async () => {
    const { cwd } = project('team.yaml');
    expect(spawnSync('mkfifo', [join(cwd, 'team.yaml')]).status).toBe(0);
    await refused(cwd, /refusing to read team\.yaml: it is a FIFO/);
  });

  it('a file in another folder of the same repository is fine', async () => {
    const cwd = writeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'platform/team.yaml': 'arch: arm64\n', 'fn/lambda-image.yaml': 'runtime: nodejs24\nextends: ../platform/team.yaml\n' });
    const config = await loadConfig({ cwd: join(cwd, 'fn') });
    expect(config.values).toMatchObject({ arch: 'arm64', runtime: 'nodejs24' });
  });

  it('an installed npm package is found as Node finds it, with its own relative extends', async () => {
    const { cwd } = project('@team/lambda-config', {
      'node_modules/@team/lambda-config/package.json': '{"name":"@team/lambda-config","version":"1.0.0"}\n',
      'node_modules/@team/lambda-config/lambda-image.yaml': 'extends: ./base.yaml\nlabels: {team: payments}\n',
      'node_modules/@team/lambda-config/base.yaml': 'arch: arm64\n',
    });
    const config = await loadConfig({ cwd });
    expect(config.values).toMatchObject({ arch: 'arm64', labels: { team: 'payments' }, runtime: 'nodejs24' });
    expect(config.files).toEqual(['node_modules/@team/lambda-config/base.yaml', 'node_modules/@team/lambda-config/lambda-image.yaml', 'lambda-image.yaml']);
  });

  it('a file inside a package is named by package/path', async () => {
    const { cwd } = project('@team/lambda-config/strict.yaml', {
      'node_modules/@team/lambda-config/package.json': '{"name":"@team/lambda-config","version":"1.0.0"}\n',
      'node_modules/@team/lambda-config/strict.yaml': 'allowedBases: [aws]\n',
    });
    expect((await loadConfig({ cwd })).policy.allowedBases).toEqual(['aws']);
  });

  it('a file in a package cannot extend out of the package', async () => {
    const { cwd } = project('shared-config', {
      'node_modules/shared-config/package.json': '{"name":"shared-config","version":"1.0.0"}\n',
      'node_modules/shared-config/lambda-image.yaml': 'extends: ../../lambda-image.yaml\n',
    });
    await refused(cwd, /node_modules\/shared-config\/lambda-image\.yaml:1: extends: "\.\.\/\.\.\/lambda-image\.yaml" is outside the project/);
  });
});
