/** Misspelt values and flags get the closest valid one; Go on the AWS base says where it runs. */
import { describe, expect, it } from 'vitest';
import { closest, editDistance, ranked } from '../../src/shared/suggest';
import { run } from '../support/run';

const err = async (args: string[]) => {
  const r = await run(args);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return r.stderr;
};

describe('did you mean', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('lits', 'list')).toBe(1);
    expect(editDistance('lnit', 'lint')).toBe(1);
    expect(editDistance('chek', 'check')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('ranks candidates by distance, nearest first', () => {
    expect(ranked('pyton3.13', ['python3.12', 'python3.13'])[0]).toBe('python3.13');
    expect(closest('zzzzzz', ['python3.13'])).toBeUndefined();
  });

  it('a misspelt runtime, base, family or image names the closest valid value', async () => {
    expect(await err(['fn', '--runtime', 'pyhton3.13'])).toContain('did you mean python3.13?');
    expect(await err(['fn', '--runtime', 'nodejs22.z'])).toMatch(/did you mean nodejs22(\.x)?\?/);
    expect(await err(['fn', '--base', 'os-onyl', '--runtime', 'go'])).toContain('did you mean os-only?');
    expect(await err(['fn', '--base', 'image', '--runtime', 'python3.13', '--image', 'debain:12', '--family', 'debain'])).toContain('did you mean debian?');
    expect(await err(['fn', '--base', 'image', '--runtime', 'python3.13', '--image', 'pyhton:3.13-slim'])).toContain('did you mean python:3.13-slim?');
  });

  it('--runtime go on the AWS base says which bases take Go', async () => {
    const e = await err(['fn', '--runtime', 'go']);
    expect(e).toMatch(/Go has no AWS runtime image \(--base aws\); go runs on --base os-only .* or --base image/);
    expect(await err(['fn', '--runtime', 'rust'])).toMatch(/Rust has no AWS runtime image/);
  });

  it('an unknown flag suggests the nearest flag, not the first one within reach', async () => {
    expect(await err(['fn', '--arc', 'arm64'])).toContain('did you mean --arch?');
    expect(await err(['fn', '--runtim', 'go'])).toContain('did you mean --runtime?');
    expect(await err(['fn', '--imgae', 'x'])).toContain('did you mean --image?');
  });
});
