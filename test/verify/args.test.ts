import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors';
import { parseVerifyArgs } from '../../src/verify/args';
import { exitCodeFor, runVerify, verifyHelp, type VerifyResult } from '../../src/verify/index';
import { captureIo } from './fake-io';

describe('parseVerifyArgs', () => {
  it('applies the defaults', () => {
    expect(parseVerifyArgs(['img:1'])).toEqual({ image: 'img:1', arch: 'x86_64', timeoutS: 3, memoryMb: 128, tmpMb: 512, json: false, help: false });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(parseVerifyArgs(['--event', 'e.json', 'img', '--arch=arm64', '--timeout', '10', '--memory=512', '--json', '--build', 'dir', '--tmp-size', '10240'])).toEqual({
      image: 'img', event: 'e.json', build: 'dir', arch: 'arm64', timeoutS: 10, memoryMb: 512, tmpMb: 10240, json: true, help: false,
    });
  });

  it('accepts --build without IMAGE (a tag is generated) and --event - for stdin', () => {
    expect(parseVerifyArgs(['--build', '.', '--event', '-'])).toMatchObject({ build: '.', event: '-' });
    expect(parseVerifyArgs(['--build', '.']).image).toBeUndefined();
  });

  it('returns help without validating the rest', () => {
    expect(parseVerifyArgs(['--help']).help).toBe(true);
    expect(parseVerifyArgs(['-h', '--arch', 'sparc']).help).toBe(true);
  });

  it.each([
    [['img', '--platform', 'x'], /unknown flag --platform for verify; valid flags: --event, --build, --arch, --timeout, --memory, --tmp-size, --json, --help$/],
    // Lambda's ephemeral storage range (API_EphemeralStorage): 512 to 10,240 MB.
    [['img', '--tmp-size', '511'], /--tmp-size must be between 512 and 10240, got 511/],
    [['img', '--tmp-size', '10241'], /--tmp-size must be between 512 and 10240, got 10241/],
    [['img', '-v'], /unknown flag -v/],
    [['img', '--timeout=3', '--timeout', '4'], /--timeout was given twice/],
    [['img', '--event'], /--event needs a value/],
    [['img', '--event', '--json'], /--event needs a value/],
    [['img', '--arch='], /--arch needs a value/],
    [['img', '--arch', 'amd64'], /--arch: invalid value "amd64"; choose one of: x86_64, arm64/],
    [['img', '--timeout', '0'], /--timeout must be between 1 and 900, got 0/],
    [['img', '--timeout', '901'], /between 1 and 900/],
    [['img', '--timeout', '2.5'], /--timeout must be a whole number, got 2.5/],
    [['img', '--memory', '64'], /--memory must be between 128 and 10240, got 64/],
    [['img', '--memory', '1g'], /--memory must be a whole number/],
    [['a', 'b'], /verify takes one IMAGE, got 2: a b/],
    [[], /verify needs an IMAGE \(or --build DIR\)/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseVerifyArgs(argv)).toThrow(UsageError);
    expect(() => parseVerifyArgs(argv)).toThrow(message);
  });

  it('treats everything after -- as positional', () => {
    expect(parseVerifyArgs(['--', '--odd-image-name']).image).toBe('--odd-image-name');
  });
});

describe('exit codes', () => {
  const err = { errorType: 'X', errorMessage: 'm' };
  it.each<[VerifyResult, number]>([
    [{ kind: 'response', requestId: 'r', body: '{}' }, 0],
    [{ kind: 'function-error', ...err }, 1],
    [{ kind: 'init-error', ...err }, 1],
    [{ kind: 'timeout', ...err }, 1],
    [{ kind: 'exit-error', ...err, containerExitCode: 2 }, 1],
    [{ kind: 'image-problems', problems: ['p'] }, 1],
  ])('%o -> %i', (result, code) => {
    expect(exitCodeFor(result)).toBe(code);
  });

  it('UsageError carries exit code 2', () => {
    expect(new UsageError('x').exitCode).toBe(2);
  });
});

describe('runVerify before touching an engine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-args-'));
  writeFileSync(join(dir, 'bad.json'), '{not json');
  writeFileSync(join(dir, 'ok.json'), '{"a":1}');
  const noEngine = { PATH: '' };

  it('prints help and exits 0', async () => {
    const io = captureIo();
    expect(await runVerify(['--help'], io)).toBe(0);
    expect(io.out()).toBe(`${verifyHelp}\n`);
    expect(verifyHelp).toMatch(/^Usage: create-lambda-image verify IMAGE/);
  });

  it.each([
    [['img', '--nope'], /unknown flag --nope/],
    [['img', '--event', 'missing.json'], /cannot read --event missing.json: ENOENT/],
    [['img', '--event', 'bad.json'], /--event bad.json is not valid JSON/],
    [['img', '--event', 'ok.json'], /verify needs docker or podman on PATH/],
  ])('%j -> UsageError (exit 2)', async (argv, message) => {
    await expect(runVerify(argv, captureIo({ cwd: dir, env: noEngine }))).rejects.toThrow(message);
  });

  it("refuses an event over Lambda's 6 MiB invoke payload", async () => {
    writeFileSync(join(dir, 'big.json'), `"${'x'.repeat(6 * 1024 * 1024)}"`);
    await expect(runVerify(['img', '--event', 'big.json'], captureIo({ cwd: dir, env: noEngine }))).rejects.toThrow(/big.json is 6291458 bytes; Lambda accepts at most 6291456/);
  });

  it('accepts an event of exactly 6 MiB (the limit is inclusive, to the byte)', async () => {
    writeFileSync(join(dir, 'exact.json'), `"${'x'.repeat(6 * 1024 * 1024 - 2)}"`);
    // Past the event check, it stops at the missing engine.
    await expect(runVerify(['img', '--event', 'exact.json'], captureIo({ cwd: dir, env: noEngine }))).rejects.toThrow(/verify needs docker or podman/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once, without opening it (never a hang)', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    const err = await runVerify(['img', '--event', 'fifo.json'], captureIo({ cwd: dir, env: noEngine })).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 2, message: '--event fifo.json is not a regular file (a FIFO); give a JSON file or - for stdin' });
  });

  it.skipIf(!existsSync('/dev/zero'))('refuses a device such as /dev/zero and a directory, one line, exit 2', async () => {
    await expect(runVerify(['img', '--event', '/dev/zero'], captureIo({ cwd: dir, env: noEngine }))).rejects.toMatchObject({ exitCode: 2, message: '--event /dev/zero is not a regular file (a character device); give a JSON file or - for stdin' });
    await expect(runVerify(['img', '--event', '.'], captureIo({ cwd: dir, env: noEngine }))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/is not a regular file \(a directory\)/) });
  });

  it('stops reading an endless stdin at the limit', async () => {
    const endless = new Readable({ read() { this.push(Buffer.alloc(64 * 1024, 0x20)); } });
    await expect(runVerify(['img', '--event', '-'], captureIo({ env: noEngine, stdin: endless }))).rejects.toMatchObject({ exitCode: 2, message: '--event - is more than 6291456 bytes; Lambda accepts at most 6291456' });
  });

  it('reads the event from stdin with --event -, and still needs an engine', async () => {
    await expect(runVerify(['img', '--event', '-'], captureIo({ env: noEngine, stdin: '[1,2' }))).rejects.toThrow(/--event - is not valid JSON/);
  });

  it('names an engine that does not run', async () => {
    const env = { PATH: process.env.PATH, CREATE_LAMBDA_IMAGE_DOCKER: join(dir, 'no-such-docker') };
    await expect(runVerify(['img'], captureIo({ env }))).rejects.toThrow(/the docker engine does not answer \(cannot execute .*no-such-docker\)/);
  });
});
