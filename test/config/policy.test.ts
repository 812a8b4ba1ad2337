import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finalStage } from '../support/dockerfile';
import { run } from '../support/run';
import { DIGEST_A, DIGEST_B, MIRROR, STDOUT, writeTree } from './helpers';

const TEAM = `# Team policy
allowedRuntimes: [nodejs22, nodejs24]
allowedBases: [aws]
registryMirror: ${MIRROR}
pin:
  public.ecr.aws/lambda/nodejs:22: ${DIGEST_A}
`;

function project(yaml = '', team = TEAM): string {
  return writeTree({ 'team.yaml': team, 'lambda-image.yaml': `extends: team.yaml\n${yaml}` });
}

describe('team policy', () => {
  it('refuses a disallowed runtime from a flag, naming the policy file', async () => {
    const result = await run([...STDOUT, '--runtime', 'python3.13'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('runtime python3.13 is not allowed by team.yaml (allowedRuntimes: nodejs22, nodejs24); set by --runtime');
    expect(result.stdout).toBe('');
  });

  it('refuses a disallowed runtime from a lower config, naming the policy file and the line', async () => {
    const result = await run(STDOUT, { cwd: project('\nruntime: python3.13\n') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('runtime python3.13 is not allowed by team.yaml (allowedRuntimes: nodejs22, nodejs24); set by lambda-image.yaml:3');
  });

  it('refuses a runtime the policy file itself sets as a default when a later file narrows it away', async () => {
    const cwd = project('allowedRuntimes: [nodejs24]\n', `${TEAM}runtime: nodejs22\n`);
    const result = await run(STDOUT, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('runtime nodejs22 is not allowed by lambda-image.yaml (allowedRuntimes: nodejs24); set by team.yaml:7');
  });

  it('compares normalised ids: nodejs22.x is nodejs22, in flags and in the policy', async () => {
    expect((await run([...STDOUT, '--runtime', 'nodejs22.x'], { cwd: project() })).code).toBe(0);
    const aliasPolicy = project('', 'allowedRuntimes: [nodejs24.x]\n');
    expect((await run([...STDOUT, '--runtime', 'nodejs24'], { cwd: aliasPolicy })).code).toBe(0);
  });

  it('refuses a disallowed base kind', async () => {
    const result = await run([...STDOUT, '--base', 'os-only', '--runtime', 'nodejs22'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('base os-only is not allowed by team.yaml (allowedBases: aws); set by --base');
  });

  it('applies when the policy file is given with --config', async () => {
    const cwd = writeTree({ 'team.yaml': TEAM });
    const result = await run([...STDOUT, '--runtime', 'python3.13', '--config', 'team.yaml'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not allowed by team.yaml');
  });

  it('writes nothing when the policy refuses', async () => {
    const cwd = project();
    const result = await run(['fn', '--no-lint', '--runtime', 'python3.13'], { cwd });
    expect(result.code).toBe(2);
    expect(readdirSync(cwd).sort()).toEqual(['lambda-image.yaml', 'team.yaml']);
  });

  it('a later layer cannot widen allowedRuntimes (both files named)', async () => {
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd: project('allowedRuntimes: [nodejs22, python3.13]\n') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'lambda-image.yaml:2: allowedRuntimes: python3.13 is not allowed by team.yaml (allowedRuntimes: nodejs22, nodejs24); a later file can only narrow the list',
    );
  });

  it('a later layer cannot widen allowedBases', async () => {
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd: project('allowedBases: [aws, image]\n') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lambda-image.yaml:2: allowedBases: image is not allowed by team.yaml');
  });

  it('a later layer may narrow the allowed list, and the narrower file is named', async () => {
    const cwd = project('allowedRuntimes: [nodejs24]\n');
    expect((await run([...STDOUT, '--runtime', 'nodejs24'], { cwd })).code).toBe(0);
    const refused = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('runtime nodejs22 is not allowed by lambda-image.yaml (allowedRuntimes: nodejs24)');
  });

  it('a later layer cannot replace registryMirror', async () => {
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd: project('registryMirror: mirror.example.com/public\n') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `lambda-image.yaml:2: registryMirror: "mirror.example.com/public" cannot replace the registry mirror set by team.yaml:4 (${MIRROR})`,
    );
  });

  it('repeating the same registryMirror (even with a trailing slash) is not a change', async () => {
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd: project(`registryMirror: ${MIRROR}/\n`) });
    expect(result.code).toBe(0);
  });

  it('a flag cannot replace registryMirror', async () => {
    const result = await run([...STDOUT, '--runtime', 'nodejs22', '--registry-mirror', 'mirror.example.com'], { cwd: project() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`the registry mirror is set by team.yaml:4 (registryMirror: ${MIRROR}) and cannot be changed`);
    const same = await run([...STDOUT, '--runtime', 'nodejs22', '--registry-mirror', MIRROR], { cwd: project() });
    expect(same.code).toBe(0);
  });

  it('a pin cannot be changed by a later layer, but new references may be pinned', async () => {
    const changed = await run([...STDOUT, '--runtime', 'nodejs22'], {
      cwd: project(`pin:\n  public.ecr.aws/lambda/nodejs:22: ${DIGEST_B}\n`),
    });
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('lambda-image.yaml:3: pin["public.ecr.aws/lambda/nodejs:22"]: cannot change the digest pinned by team.yaml:6');

    const added = await run([...STDOUT, '--runtime', 'nodejs24'], {
      cwd: project(`pin:\n  public.ecr.aws/lambda/nodejs:24: ${DIGEST_B}\n`),
    });
    expect(added.code).toBe(0);
    expect(finalStage(added.stdout).from).toBe(`${MIRROR}/lambda/nodejs:24@${DIGEST_B}`);
  });
});
