import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../src/commands/check';
import { VERSION } from '../../src/shared/version';
import { writeTree } from '../config/helpers';
import { DIGEST_A, MIRROR } from '../config/helpers';
import { run, snapshotTree, tempDir } from '../support/run';

const TEAM = `registryMirror: ${MIRROR}\npin:\n  public.ecr.aws/lambda/nodejs:22: ${DIGEST_A}\nlabels: {team: payments}\n`;

/** A folder `fn` created in cwd from the given config (or flags only). */
async function created(config: string | null, flags: string[] = []): Promise<{ cwd: string; fn: string }> {
  const cwd = config === null ? tempDir() : writeTree({ 'lambda-image.yaml': config });
  const result = await run(['fn', '--no-lint', ...flags], { cwd });
  expect(result.stderr).not.toMatch(/error/i);
  expect(result.code).toBe(0);
  return { cwd, fn: join(cwd, 'fn') };
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  writeFileSync(file, next);
};

describe('check', () => {
  it('is in step right after a create (config in the cwd)', async () => {
    const { cwd } = await created(`runtime: nodejs22\n${TEAM}`);
    const result = await run(['check', 'fn'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('in step: Dockerfile, .dockerignore match lambda-image.yaml');
  });

  it('is in step right after a create from flags only (the Dockerfile header)', async () => {
    const { fn } = await created(null, ['--runtime', 'python3.13', '--arch', 'arm64', '--os-package', 'jq']);
    const result = await run(['check'], { cwd: fn });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('match the options header of Dockerfile');
  });

  it('takes the runtime from the header when the config leaves it to a flag', async () => {
    const { cwd } = await created(TEAM, ['--runtime', 'nodejs22']);
    expect((await run(['check', 'fn'], { cwd })).code).toBe(0);
  });

  it('reports an edited Dockerfile as drift: exit 1 and a unified diff', async () => {
    const { cwd, fn } = await created(`runtime: nodejs22\n${TEAM}`);
    edit(join(fn, 'Dockerfile'), 'COPY --from=build /code/ ${LAMBDA_TASK_ROOT}/\n', 'COPY --from=build /code/ ${LAMBDA_TASK_ROOT}/\nRUN echo edited\n');
    const result = await run(['check', 'fn'], { cwd });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('--- a/Dockerfile');
    expect(lines[1]).toBe('+++ b/Dockerfile');
    expect(lines[2]).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/);
    expect(lines).toContain('-RUN echo edited');
    expect(lines).toContain(' COPY --from=build /code/ ${LAMBDA_TASK_ROOT}/');
    expect(lines.filter((l) => /^[-+](?![-+]{2} )/.test(l))).toEqual(['-RUN echo edited']);
    expect(result.stdout).toContain('drift: Dockerfile differs from what lambda-image.yaml generates; run `create-lambda-image check fn --fix` to rewrite them');
    expect(result.stdout).toContain('To change it on purpose, edit lambda-image.yaml or regenerate with new flags');
  });

  it('reports a config change as drift (a new label) and --fix restores step', async () => {
    const { cwd, fn } = await created(`runtime: nodejs22\n${TEAM}`);
    const before = snapshotTree(fn);
    writeFileSync(join(cwd, 'lambda-image.yaml'), `runtime: nodejs22\n${TEAM.replace('{team: payments}', '{team: payments, tier: gold}')}`);
    const drift = await run(['check', 'fn'], { cwd });
    expect(drift.code).toBe(1);
    expect(drift.stdout.split('\n')).toContain('-LABEL team="payments"');
    expect(drift.stdout.split('\n')).toContain('+LABEL team="payments" \\');
    expect(drift.stdout.split('\n')).toContain('+      tier="gold"');

    const fixed = await run(['check', 'fn', '--fix'], { cwd });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('fixed: rewrote Dockerfile from lambda-image.yaml');
    expect(readFileSync(join(fn, 'Dockerfile'), 'utf8')).toContain('tier="gold"');
    expect(snapshotTree(fn)['.dockerignore']).toBe(before['.dockerignore']);
    expect((await run(['check', 'fn'], { cwd })).code).toBe(0);
  });

  it('--fix restores an edited Dockerfile byte for byte, keeping the edited one as Dockerfile.orig', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs22']);
    const original = readFileSync(join(fn, 'Dockerfile'), 'utf8');
    edit(join(fn, 'Dockerfile'), /^CMD .*$/m, 'CMD ["other.handler"]');
    const edited = readFileSync(join(fn, 'Dockerfile'), 'utf8');
    const drift = await run(['check'], { cwd: fn });
    // The message says how to make such a change legitimately.
    expect(drift.stdout).toMatch(/To change it on purpose, edit the options header in Dockerfile or regenerate with new flags/);
    const fixed = await run(['check', '--fix'], { cwd: fn });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('the edited version is kept as Dockerfile.orig');
    expect(readFileSync(join(fn, 'Dockerfile'), 'utf8')).toBe(original);
    expect(readFileSync(join(fn, 'Dockerfile.orig'), 'utf8')).toBe(edited);
    // A second fix keeps the first backup.
    edit(join(fn, 'Dockerfile'), /^CMD .*$/m, 'CMD ["third.handler"]');
    expect((await run(['check', '--fix'], { cwd: fn })).stdout).toContain('kept as Dockerfile.orig.1');
    expect(readFileSync(join(fn, 'Dockerfile.orig'), 'utf8')).toBe(edited);
  });

  it('a missing owned file is drift, diffed from /dev/null, and --fix writes it', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs22']);
    const original = readFileSync(join(fn, '.dockerignore'), 'utf8');
    rmSync(join(fn, '.dockerignore'));
    const result = await run(['check'], { cwd: fn });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('--- /dev/null\n+++ b/.dockerignore\n');
    expect(result.stdout).toContain('drift: .dockerignore (missing)');
    expect((await run(['check', '--fix'], { cwd: fn })).code).toBe(0);
    expect(readFileSync(join(fn, '.dockerignore'), 'utf8')).toBe(original);
  });

  it('never compares sample code or deploy artefacts', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs22', '--deploy', 'script']);
    expect(existsSync(join(fn, 'index.mjs')) || existsSync(join(fn, 'index.js'))).toBe(true);
    for (const file of ['index.mjs', 'index.js', 'package.json', 'deploy.sh']) {
      if (existsSync(join(fn, file))) writeFileSync(join(fn, file), '// the user changed this\n');
    }
    const result = await run(['check'], { cwd: fn });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('in step: Dockerfile, .dockerignore match the options header of Dockerfile');
  });

  it('a different generator version alone is a note, not drift', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs22']);
    edit(join(fn, 'Dockerfile'), `# Generated by create-lambda-image ${VERSION};`, '# Generated by create-lambda-image 0.0.1;');
    const result = await run(['check'], { cwd: fn });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('in step: Dockerfile, .dockerignore match the options header of Dockerfile');
    expect(result.stderr).toContain(`note: Dockerfile was generated by create-lambda-image 0.0.1; this is ${VERSION}. Only the version line differs, which is not drift`);
    expect(result.stdout + result.stderr).not.toContain('---');
  });

  it('a version difference plus a real change is drift', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs22']);
    edit(join(fn, 'Dockerfile'), `# Generated by create-lambda-image ${VERSION};`, '# Generated by create-lambda-image 0.0.1;');
    edit(join(fn, 'Dockerfile'), /^CMD .*$/m, 'CMD ["other.handler"]');
    const result = await run(['check'], { cwd: fn });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('-CMD ["other.handler"]');
  });

  it('exit 2 on a config error, naming file and line', async () => {
    const { cwd } = await created(`runtime: nodejs22\n${TEAM}`);
    writeFileSync(join(cwd, 'lambda-image.yaml'), 'runtime: nodejs22\narch: amd64\n');
    const result = await run(['check', 'fn'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('create-lambda-image: lambda-image.yaml:2: arch: "amd64" is not one of x86_64, arm64');
  });

  it('exit 2 when a policy now refuses what the folder was generated with', async () => {
    const { cwd } = await created(null, ['--runtime', 'python3.13']);
    writeFileSync(join(cwd, 'lambda-image.yaml'), 'allowedRuntimes: [nodejs22, nodejs24]\n');
    const result = await run(['check', 'fn'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('runtime python3.13 is not allowed by lambda-image.yaml (allowedRuntimes: nodejs22, nodejs24)');
  });

  it('exit 2 for a Dockerfile without a header and no config', async () => {
    const cwd = writeTree({ Dockerfile: 'FROM public.ecr.aws/lambda/nodejs:22\nCMD ["index.handler"]\n' });
    const result = await run(['check'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'create-lambda-image: Dockerfile has no create-lambda-image options header and there is no lambda-image.yaml; nothing to compare it with (pass --config FILE)',
    );
    expect((await run(['check'], { cwd: tempDir() })).stderr).toContain('no Dockerfile in . and no lambda-image.yaml; nothing to check');
  });

  it('exit 2 for a broken header', async () => {
    const cwd = writeTree({ Dockerfile: '# create-lambda-image options: {"runtime": nodejs22}\nFROM x\n' });
    const result = await run(['check'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Dockerfile:1: the create-lambda-image options header is not valid JSON');
  });

  it('finds lambda-image.yaml in the folder itself, and --config elsewhere', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs22', '--arch', 'arm64']);
    writeFileSync(join(fn, 'lambda-image.yaml'), 'arch: x86_64\n');
    const inFolder = await run(['check'], { cwd: fn });
    expect(inFolder.code).toBe(1);
    expect(inFolder.stdout).toContain('+# Build: docker buildx build --platform linux/amd64');
    writeFileSync(join(fn, 'other.yaml'), 'arch: arm64\n');
    expect((await run(['check', '--config', 'other.yaml'], { cwd: fn })).code).toBe(0);
  });

  it('regenerates an accepted deprecated runtime on the injected date', async () => {
    const { fn } = await created(null, ['--runtime', 'nodejs20', '--allow-deprecated']);
    const result = await run(['check'], { cwd: fn });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: nodejs20');
  });

  it('usage errors: unknown flag, two folders, a folder that does not exist', async () => {
    expect((await run(['check', '--fx'])).stderr).toContain('--fx');
    expect((await run(['check', 'a', 'b'])).code).toBe(2);
    const missing = await run(['check', 'nope']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope: no such folder');
    expect((await run(['check', '--help'])).stdout).toContain('Usage: create-lambda-image check [dir] [--config FILE] [--fix]');
  });

  it('parseHeader reads the options and version', () => {
    const header = parseHeader('# Generated by create-lambda-image 9.9.9; x\n# create-lambda-image options: {"runtime":"nodejs22"}\n');
    expect(header).toEqual({ version: '9.9.9', options: { runtime: 'nodejs22' }, line: 2 });
    expect(parseHeader('FROM x\n')).toBeNull();
  });
});
