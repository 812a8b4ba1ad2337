/** The wrapper against real executables that behave like hadolint (test/fixtures/lint). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint';
import { parseHadolintJson, runHadolint } from '../../src/lint/hadolint';
import { emptyBin, FIXTURES, NODE_DIR, scratch } from './io';

const TEXT = 'FROM public.ecr.aws/lambda/python:3.13\nRUN sudo apt-get install -y curl\nRUN echo $HOME\nCMD app.handler\n';
const base = { today: new Date('2026-11-22T00:00:00Z'), file: 'Dockerfile', shellcheck: false } as const;
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: `${emptyBin()}:${NODE_DIR}`, HOME: scratch(), ...extra });

describe('hadolint wrapper', () => {
  it('runs hadolint from PATH with -f json --no-color --no-fail on stdin and merges Lambda rules', async () => {
    const log = join(scratch(), 'args.log');
    const r = await lintText(TEXT, { ...base, cwd: scratch(), env: env({ PATH: `${FIXTURES}/bin:${NODE_DIR}`, FAKE_HADOLINT_LOG: log }) });
    expect(r.engine).toBe('hadolint 2.15.1 + Lambda rules');
    expect(r.notes).toEqual([]);
    const codes = r.findings.map((f) => `${f.line}:${f.code}`).sort();
    // hadolint's findings replace the built-in DL rules (no DL3025 from us) ...
    expect(codes).toEqual(['2:DL3004', '2:DL3008', '2:LAM007', '3:SC2086', '4:LAM002']);
    // ... and carry our file name instead of "-".
    expect(r.findings.every((f) => f.file === 'Dockerfile')).toBe(true);
    const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as string[]);
    expect(calls[0]).toEqual(['--version']);
    expect(calls[1]).toEqual(['-f', 'json', '--no-color', '--no-fail', '-']);
  });

  it('uses $HADOLINT over PATH and passes trusted registries', async () => {
    const log = join(scratch(), 'args.log');
    const r = await lintText(TEXT, {
      ...base,
      cwd: scratch(),
      env: env({ HADOLINT: `${FIXTURES}/bin/hadolint`, FAKE_HADOLINT_LOG: log }),
      resolved: { failureThreshold: 'warning', ignored: [], override: { error: [], warning: [], info: [], style: [] }, trustedRegistries: ['public.ecr.aws'] },
    });
    expect(r.engine).toMatch(/^hadolint 2\.15\.1/);
    expect(readFileSync(log, 'utf8')).toContain('"--trusted-registry","public.ecr.aws"');
  });

  it('runs the pinned Docker image only in docker mode', async () => {
    const log = join(scratch(), 'args.log');
    const e = env({ PATH: `${FIXTURES}/docker-bin:${NODE_DIR}`, FAKE_HADOLINT_LOG: log });
    const auto = await lintText(TEXT, { ...base, cwd: scratch(), env: e });
    expect(auto.engine).toBe('create-lambda-image built-in rules');
    const docker = await lintText(TEXT, { ...base, cwd: scratch(), env: e, hadolint: 'docker' });
    expect(docker.engine).toBe('hadolint 2.15.1 + Lambda rules');
    expect(docker.findings.map((f) => f.code)).toContain('DL3008');
  });

  it('never runs hadolint in off mode', async () => {
    const r = await lintText(TEXT, { ...base, cwd: scratch(), env: env({ PATH: `${FIXTURES}/bin:${NODE_DIR}` }), hadolint: 'off' });
    expect(r.engine).toBe('create-lambda-image built-in rules');
    expect(r.findings.map((f) => f.code)).toContain('DL3025');
  });

  const fallbacks: [string, NodeJS.ProcessEnv, RegExp][] = [
    ['missing $HADOLINT path', { HADOLINT: '/nonexistent/hadolint' }, /HADOLINT=\/nonexistent\/hadolint is not an executable file; using the built-in rules/],
    ['a crash', { HADOLINT: `${FIXTURES}/hadolint-crash` }, /failed with exit code 3: hadolint: internal error: Prelude\.head: empty list; using the built-in rules/],
    ['a signal', { HADOLINT: `${FIXTURES}/hadolint-signal` }, /was killed by SIGKILL; using the built-in rules/],
    ['garbage output', { HADOLINT: `${FIXTURES}/hadolint-garbage` }, /printed output that is not hadolint JSON .*; using the built-in rules/],
    ['JSON of the wrong shape', { HADOLINT: `${FIXTURES}/hadolint-wrong-shape` }, /not hadolint JSON/],
    ['a timeout', { HADOLINT: `${FIXTURES}/hadolint-slow` }, /did not finish within 1 s; using the built-in rules/],
  ];
  for (const [what, extra, note] of fallbacks) {
    it(`falls back to the built-in rules on ${what}, with one clear line`, async () => {
      const r = await lintText(TEXT, { ...base, cwd: scratch(), env: env(extra), hadolintTimeoutMs: 1000 });
      expect(r.engine).toBe('create-lambda-image built-in rules');
      expect(r.notes).toHaveLength(1);
      expect(r.notes[0]).toMatch(note);
      expect(r.notes[0]).not.toContain('\n');
      expect(r.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['DL3004', 'DL3008', 'LAM002']));
    });
  }

  it('notes a missing docker in docker mode', async () => {
    const r = await lintText(TEXT, { ...base, cwd: scratch(), env: { PATH: emptyBin() }, hadolint: 'docker' });
    expect(r.notes).toEqual(['hadolint: docker is not on PATH, so the hadolint image cannot run; using the built-in rules']);
  });

  it('stays quiet in auto mode when there is no hadolint at all', async () => {
    const r = await lintText(TEXT, { ...base, cwd: scratch(), env: env() });
    expect(r.notes).toEqual([]);
    expect(r.engine).toBe('create-lambda-image built-in rules');
  });

  it('validates hadolint JSON strictly', () => {
    expect(parseHadolintJson('[]', 'f')).toEqual([]);
    expect(parseHadolintJson('[{"code":"DL3008","line":2,"level":"warning","message":"m","file":"-"}]', 'f')).toEqual([{ code: 'DL3008', column: 1, file: 'f', level: 'warning', line: 2, message: 'm' }]);
    expect(parseHadolintJson('[{"code":"DL3008","line":"2","level":"warning","message":"m"}]', 'f')).toBeNull();
    expect(parseHadolintJson('[{"code":"DL3008","line":2,"level":"ignore","message":"m"}]', 'f')).toBeNull();
    expect(parseHadolintJson('{}', 'f')).toBeNull();
  });

  it('reports "not found" as no outcome for the runner itself', async () => {
    expect(await runHadolint('FROM a', { mode: 'auto', file: 'x', cwd: scratch(), env: env() })).toEqual({ ok: false, note: null });
    expect(await runHadolint('FROM a', { mode: 'off', file: 'x', cwd: scratch(), env: env() })).toEqual({ ok: false, note: null });
  });
});
