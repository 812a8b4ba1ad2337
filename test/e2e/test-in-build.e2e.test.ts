/**
 * --test-in-build in a real build: the sample's test passes in the build stage and is absent from
 * the final image; a failing test fails the build. Uses the local node:22-bookworm-slim stand-in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exec } from '../../src/verify/docker';
import { run, tempDir } from '../support/run';
import { announceSkip, buildImage, dockerStatus, removeImages, removeUntagged, withImages } from './helpers';

const status = withImages(dockerStatus(), ['node:22-bookworm-slim'], 'the Node.js image base');
announceSkip('--test-in-build e2e', status);
const TAG = `cli-e2e-test-in-build-${process.pid}:1`;

describe.skipIf(!status.usable)('--test-in-build (docker)', () => {
  const engine = status.engine!;
  const leftovers: string[] = [];
  afterAll(async () => {
    await removeImages(engine, [TAG]);
    await removeUntagged(engine, leftovers);
  });

  it('runs the test in the build stage only; a failing test fails the build', async () => {
    const cwd = tempDir('tib-e2e-');
    const r = await run(['fn', '--base', 'image', '--image', 'node:22-bookworm-slim', '--runtime', 'nodejs22', '--test-in-build'], { cwd, env: { CI: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(cwd, 'fn');
    const built = await buildImage(engine, dir, TAG, { budgetMs: 900_000 });
    leftovers.push(...built.leftovers);
    const ls = await exec(engine, ['run', '--rm', '--entrypoint', 'sh', TAG, '-c', 'ls -A /var/task']);
    expect(ls.code).toBe(0);
    expect(ls.stdout.split('\n')).toContain('index.mjs');
    expect(ls.stdout.split('\n')).not.toContain('test');

    const test = join(dir, 'test', 'index.test.mjs');
    writeFileSync(test, readFileSync(test, 'utf8').replace('response.statusCode, 200', 'response.statusCode, 201'));
    const failed = await buildImage(engine, dir, TAG, { budgetMs: 900_000 }).then(
      () => undefined,
      (error: Error & { leftovers?: string[] }) => error,
    );
    leftovers.push(...(failed?.leftovers ?? []));
    expect(failed?.message).toMatch(/npm test/);
  }, 2_000_000);
});
