import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors';
import { lintHelp, parseLintArgs, runLint } from '../../src/commands/lint';
import { scratch, testIo } from './io';

const CLEAN = 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]\n';
// Files whose worst finding is an error (LAM002), a warning (LAM009) and an info (LAM013).
const LEVELS = {
  error: 'FROM public.ecr.aws/lambda/python:3.13\nCMD app.handler\n',
  warning: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCOPY seed.db /tmp/seed.db\nCMD ["app.handler"]\n',
  info: 'FROM public.ecr.aws/lambda/python:3.13\nUSER 1000\nCMD ["app.handler"]\n',
};

async function run(args: string[], files: Record<string, string> = {}, extra: { stdin?: string; project?: Parameters<typeof runLint>[2] } = {}) {
  const io = testIo({ cwd: scratch(files), ...(extra.stdin !== undefined ? { stdin: extra.stdin } : {}) });
  const code = await runLint(args, io, extra.project);
  return { code, out: io.out(), err: io.err() };
}

describe('create-lambda-image lint', () => {
  it('lints ./Dockerfile by default and exits 0 when clean', async () => {
    const r = await run([], { Dockerfile: CLEAN });
    expect(r).toMatchObject({ code: 0, out: 'no findings in 1 file\n' });
    expect(r.err).toBe('lint: 1 file checked by create-lambda-image built-in rules\nlint: shellcheck not found; SC checks on RUN scripts were skipped\n');
  });

  it('exits 1 at or above each threshold, 0 below it, and never with none', async () => {
    const table: [keyof typeof LEVELS, string, number][] = [
      ['error', 'error', 1], ['error', 'none', 0],
      ['warning', 'error', 0], ['warning', 'warning', 1], ['warning', 'info', 1],
      ['info', 'warning', 0], ['info', 'info', 1], ['info', 'style', 1], ['info', 'none', 0],
    ];
    for (const [level, threshold, code] of table) {
      const r = await run(['--failure-threshold', threshold, '--format', 'json'], { Dockerfile: LEVELS[level] });
      const found = JSON.parse(r.out) as { level: string }[];
      expect(found.map((f) => f.level), `${level} fixture`).toContain(level);
      expect(r.code, `${level} finding with threshold ${threshold}`).toBe(code);
    }
  });

  it('defaults the threshold to warning', async () => {
    expect((await run([], { Dockerfile: LEVELS.info })).code).toBe(0);
    expect((await run([], { Dockerfile: LEVELS.warning })).code).toBe(1);
  });

  it('exits 1 on a parse error, whatever the threshold except none', async () => {
    for (const text of ['', 'FROM a:1\nFOO bar\n', '\u0000\u0001garbage']) {
      const r = await run(['-t', 'error', '-f', 'json'], { Dockerfile: text });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out)[0].code).toBe('DL1000');
    }
    expect((await run(['-t', 'none'], { Dockerfile: 'FOO' })).code).toBe(0);
  });

  it('prints tty lines with file names as given, stdin as -', async () => {
    const r = await run(['sub/Dockerfile.lambda', '-'], { 'sub/Dockerfile.lambda': LEVELS.error }, { stdin: LEVELS.info });
    expect(r.code).toBe(1);
    expect(r.out).toContain('sub/Dockerfile.lambda:2 LAM002 error: ');
    expect(r.out).toContain('-:2 LAM013 info: ');
  });

  it('prints one JSON array for several files, [] when clean', async () => {
    expect((await run(['-f', 'json'], { Dockerfile: CLEAN })).out).toBe('[]\n');
    const r = await run(['-f', 'json', 'a', 'b'], { a: LEVELS.error, b: LEVELS.info });
    expect([...new Set((JSON.parse(r.out) as { file: string }[]).map((f) => f.file))]).toEqual(['a', 'b']);
  });

  it('prints SARIF naming the engine', async () => {
    const r = await run(['--format=sarif', '--hadolint', 'off'], { Dockerfile: LEVELS.error });
    const log = JSON.parse(r.out);
    expect(log.runs[0].tool.driver.name).toBe('create-lambda-image built-in rules');
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['DL3025', 'LAM002']);
  });

  it('honours --ignore (repeatable, comma lists), --arch, --allow-deprecated and --config', async () => {
    const dep = 'FROM public.ecr.aws/lambda/python:3.10\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]\n';
    expect((await run(['-t', 'error'], { Dockerfile: dep })).code).toBe(1);
    expect((await run(['-t', 'error', '--allow-deprecated'], { Dockerfile: dep })).code).toBe(0);
    expect((await run(['--ignore', 'LAM008'], { Dockerfile: dep })).code).toBe(0);
    const arm = 'FROM public.ecr.aws/lambda/python:3.13-arm64\nCMD ["app.handler"]\n';
    expect((await run(['-t', 'error'], { Dockerfile: arm })).code).toBe(0);
    expect((await run(['-t', 'error', '--arch', 'x86_64'], { Dockerfile: arm })).code).toBe(1);
    const r = await run(['--config', 'cfg/lint.yaml', '-f', 'json'], { Dockerfile: LEVELS.warning, 'cfg/lint.yaml': 'ignored: [LAM009]\n' });
    expect(r).toMatchObject({ code: 0, out: '[]\n' });
    const multi = await run(['--ignore', 'LAM009,LAM013', '--ignore=LAM002', '-f', 'json'], { Dockerfile: `${LEVELS.warning}USER 1\n` });
    expect(multi.out).toBe('[]\n');
  });

  it('takes the lambda-image.yaml lint section from the caller, below flags', async () => {
    const r = await run([], { Dockerfile: LEVELS.info }, { project: { project: { failureThreshold: 'info' } } });
    expect(r.code).toBe(1);
    const flags = await run(['-t', 'warning'], { Dockerfile: LEVELS.info }, { project: { project: { failureThreshold: 'info' } } });
    expect(flags.code).toBe(0);
  });

  it('reads .hadolint.yaml from the working directory', async () => {
    expect((await run([], { Dockerfile: LEVELS.warning, '.hadolint.yaml': 'failure-threshold: error\n' })).code).toBe(0);
  });

  it('throws a one-line UsageError (exit 2) for bad usage and unreadable files', async () => {
    const bad: [string[], RegExp][] = [
      [['--format', 'xml'], /--format: invalid value "xml"; choose one of: tty, json, sarif/],
      [['--failure-threshold', 'loud'], /--failure-threshold: invalid value "loud"; choose one of/],
      [['--hadolint', 'maybe'], /--hadolint: invalid value "maybe"; choose one of: auto, docker, off/],
      [['--arch', 'x86'], /--arch: invalid value "x86".*; choose one of: x86_64, arm64/],
      [['--bogus'], /unknown flag --bogus for lint; valid flags: --format/],
      [['--format'], /--format needs a value/],
      [['-', '-'], /standard input/],
      [['--allow-deprecated=yes'], /--allow-deprecated takes true or false, not "yes"/],
      [['--no-lambda-rules=1'], /--no-lambda-rules takes no value/],
      [['missing.Dockerfile'], /cannot read missing\.Dockerfile: no such file/],
      [['.'], /cannot read \.: it is a folder, not a regular file/],
      [['--config', 'nope.yaml', 'Dockerfile'], /cannot read the hadolint config nope\.yaml/],
    ];
    for (const [args, message] of bad) {
      const error = await run(args, { Dockerfile: CLEAN }).catch((e: unknown) => e);
      expect(error, args.join(' ')).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
    const broken = await run([], { Dockerfile: CLEAN, '.hadolint.yaml': 'ignored: [' }).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(UsageError);
  });

  it('has help', async () => {
    const r = await run(['--help']);
    expect(r).toMatchObject({ code: 0, out: lintHelp });
    expect(lintHelp).toMatch(/--failure-threshold/);
    expect(parseLintArgs(['--', '-x']).files).toEqual(['-x']);
  });
});

describe('the engine that ran is named on stderr', () => {
  it('a real hadolint (here a stand-in executable that behaves as hadolint does)', async () => {
    const { join } = await import('node:path');
    const hadolint = join(import.meta.dirname, '..', 'fixtures', 'lint', 'bin', 'hadolint');
    const io = testIo({ cwd: scratch({ Dockerfile: CLEAN }), env: { PATH: process.env.PATH ?? '', HADOLINT: hadolint, HOME: '/nonexistent' } });
    expect(await runLint(['--format', 'json'], io)).toBe(0);
    expect(io.err()).toMatch(/^lint: 1 file checked by hadolint \d+\.\d+\.\d+ \+ Lambda rules$/m);
    expect(JSON.parse(io.out())).toEqual([]);
  });
});
