import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/inputs/config';
import { finalStage } from '../support/dockerfile';
import { run } from '../support/run';
import { DIGEST_B, MIRROR, STDOUT, writeTree } from './helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/config');

describe('extends', () => {
  it('merges three levels: a file over what it extends', async () => {
    const config = await loadConfig({ cwd: join(FIXTURES, 'project') });
    expect(config.files).toEqual(['../org/org.yaml', '../team/team.yaml', 'lambda-image.yaml']);
    expect(config.values).toMatchObject({
      runtime: 'nodejs22', // project
      handler: 'index.handler', // project
      arch: 'arm64', // org, never overridden
      osPackages: ['ca-certificates', 'jq'], // team over org
      registryMirror: MIRROR, // org
    });
    // Labels merge key by key; instructions add up per stage, lowest layer first.
    expect(config.values.labels).toEqual({
      'org.opencontainers.image.vendor': 'Example Org',
      team: 'payments',
      'org.opencontainers.image.source': 'https://github.com/example/payments-fn',
    });
    expect(config.values.instructions).toEqual({ final: ['ENV TZ=UTC', 'ENV POWERTOOLS_SERVICE_NAME=payments'] });
    expect(config.policy.allowedRuntimes).toEqual(['nodejs22', 'nodejs24']);
    expect(config.policy.sources).toMatchObject({ allowedRuntimes: '../team/team.yaml', registryMirror: '../org/org.yaml' });
    expect(config.lint).toEqual({ failureThreshold: 'warning', ignored: ['DL3008'] });
    expect(config.origin('arch')).toBe('../org/org.yaml:4: arch');
    expect(config.origin('osPackages')).toBe('../team/team.yaml:10: osPackages');
    expect(config.origin('runtime')).toBe('lambda-image.yaml:4: runtime');
    expect(config.origin('family')).toBeUndefined();
  });

  it('two files in one extends list: the later one wins, the file itself wins over both', async () => {
    const cwd = writeTree({
      'shared/a.yaml': 'arch: arm64\nhandler: a.handler\nrie: false\nlabels: {from: a, a: "1"}\n',
      'shared/b.yaml': 'arch: x86_64\nhandler: b.handler\nlabels: {from: b, b: "2"}\n',
      'lambda-image.yaml': 'extends: [shared/a.yaml, shared/b.yaml]\nhandler: project.handler\nruntime: nodejs22\n',
    });
    const config = await loadConfig({ cwd });
    expect(config.files).toEqual(['shared/a.yaml', 'shared/b.yaml', 'lambda-image.yaml']);
    expect(config.values.arch).toBe('x86_64');
    expect(config.values.handler).toBe('project.handler');
    expect(config.values.labels).toEqual({ from: 'b', a: '1', b: '2' });
    expect(config.origin('arch')).toBe('shared/b.yaml:1: arch');
  });

  it('flags > project config > extended configs > defaults', async () => {
    const cwd = writeTree({
      'team.yaml': 'arch: arm64\nhandler: team.handler\n',
      'lambda-image.yaml': 'extends: team.yaml\nruntime: nodejs22\nhandler: project.handler\n',
    });
    const fromConfig = finalStage((await run(STDOUT, { cwd })).stdout);
    expect(fromConfig.instructions.find((i) => i.keyword === 'CMD')!.json).toEqual(['project.handler']);
    const header = (await run(STDOUT, { cwd })).stdout;
    expect(header).toContain('--platform linux/arm64');
    const flagged = await run([...STDOUT, '--arch', 'x86_64', '--handler', 'flag.handler'], { cwd });
    expect(finalStage(flagged.stdout).instructions.find((i) => i.keyword === 'CMD')!.json).toEqual(['flag.handler']);
    expect(flagged.stdout).toContain('--platform linux/amd64');
  });

  it('paths are relative to the file that names them', async () => {
    const cwd = writeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'org/base.yaml': 'arch: arm64\n',
      'org/teams/payments.yaml': 'extends: ../base.yaml\nruntime: nodejs24\n',
      'fn/lambda-image.yaml': 'extends: ../org/teams/payments.yaml\n',
    });
    const config = await loadConfig({ cwd: join(cwd, 'fn') });
    expect(config.values).toMatchObject({ arch: 'arm64', runtime: 'nodejs24' });
  });

  it('a file reached twice (a diamond) is merged once', async () => {
    const cwd = writeTree({
      'base.yaml': 'instructions: {final: [ENV BASE=1]}\n',
      'a.yaml': 'extends: base.yaml\n',
      'b.yaml': 'extends: base.yaml\n',
      'lambda-image.yaml': 'extends: [a.yaml, b.yaml]\n',
    });
    const config = await loadConfig({ cwd });
    expect(config.files).toEqual(['base.yaml', 'a.yaml', 'b.yaml', 'lambda-image.yaml']);
    expect(config.values.instructions).toEqual({ final: ['ENV BASE=1'] });
  });

  it('a cycle is exit 2 naming the files', async () => {
    const cwd = writeTree({
      'a.yaml': 'extends: b.yaml\n',
      'b.yaml': '# b\nextends: [a.yaml]\n',
      'lambda-image.yaml': 'extends: a.yaml\n',
    });
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('create-lambda-image: b.yaml:2: extends: "a.yaml" makes a cycle: a.yaml → b.yaml → a.yaml');
  });

  it('a file extending itself is a cycle', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'extends: ./lambda-image.yaml\n' });
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lambda-image.yaml:1: extends: "./lambda-image.yaml" makes a cycle: lambda-image.yaml → lambda-image.yaml');
  });

  it('a missing file is exit 2 naming it, from the file that names it', async () => {
    const cwd = writeTree({ 'team.yaml': 'runtime: nodejs22\nextends: [org.yaml]\n', 'lambda-image.yaml': 'extends: team.yaml\n' });
    const result = await run(STDOUT, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('create-lambda-image: team.yaml:2: extends: "org.yaml" not found (org.yaml)');
  });

  it('the merged example produces the arm64 digest through the mirror', async () => {
    const result = await run(STDOUT, { cwd: join(FIXTURES, 'project') });
    expect(finalStage(result.stdout).from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_B}`);
  });
});
