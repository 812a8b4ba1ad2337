import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, snapshotTree, tempDir } from '../support/run';

/** A team instruction that breaks a Lambda rule: yum does not exist on AL2023 images. */
function teamConfig(cwd: string): void {
  writeFileSync(join(cwd, 'lambda-image.yaml'), 'runtime: nodejs24\ninstructions:\n  final:\n    - RUN yum install -y jq && yum clean all\n');
}

describe('the generator lints its own output before writing', () => {
  it('refuses to write a Dockerfile with an error-level finding, naming it, exit 2', async () => {
    const cwd = tempDir();
    teamConfig(cwd);
    const before = snapshotTree(cwd);
    const result = await run(['fn', '--hadolint', 'off'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/the generated Dockerfile fails lint \(create-lambda-image built-in rules\): Dockerfile:\d+ LAM007 .*yum.*nothing was written/);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('writes it anyway with --no-lint', async () => {
    const cwd = tempDir();
    teamConfig(cwd);
    const result = await run(['fn', '--no-lint'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8')).toMatch(/^RUN yum install -y jq/m);
  });

  it('reports an accepted deprecation instead of refusing', async () => {
    const cwd = tempDir();
    const result = await run(['fn', '--runtime', 'python3.10', '--allow-deprecated', '--hadolint', 'off'], { cwd });
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, 'fn', 'Dockerfile'))).toBe(true);
    expect(result.stderr).toMatch(/warning: python3\.10 .* is deprecated/);
  });
});
