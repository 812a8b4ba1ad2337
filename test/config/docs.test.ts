import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { finalStage } from '../support/dockerfile';
import { run } from '../support/run';
import { DIGEST_B, MIRROR, writeTree } from './helpers';

const DOC = readFileSync(fileURLToPath(new URL('../../docs/config.md', import.meta.url)), 'utf8');
const yamlBlocks = [...DOC.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('docs/config.md', () => {
  it('its example team and project files work as described', async () => {
    expect(yamlBlocks).toHaveLength(2);
    // One repository holds both folders.
    const cwd = writeTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'platform/team.yaml': yamlBlocks[0]!, 'payments-fn/lambda-image.yaml': yamlBlocks[1]! });
    const fn = join(cwd, 'payments-fn');
    const created = await run(['.', '--no-sample', '--no-lint'], { cwd: fn });
    expect(created.code).toBe(0);
    const dockerfile = readFileSync(join(fn, 'Dockerfile'), 'utf8');
    expect(finalStage(dockerfile).from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_B}`);
    expect(dockerfile).toContain('ENV TZ=UTC');
    expect((await run(['check'], { cwd: fn })).code).toBe(0);
  });

  it('documents every config key', () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../schema/lambda-image.schema.json', import.meta.url)), 'utf8'));
    for (const key of Object.keys(schema.properties)) expect(DOC, key).toContain(`\`${key}\``);
  });
});
