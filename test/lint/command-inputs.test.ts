/**
 * What `lint` reads: the lambda-image.yaml `lint:` section, type and size limits on every file,
 * registry mirrors, the switch for the Lambda rules and the note for non-Lambda Dockerfiles.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors';
import { runLint } from '../../src/commands/lint';
import { MAX_DOCKERFILE_BYTES } from '../../src/lint/read';
import { scratch, testIo } from './io';

const CLEAN = 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]\n';
const WARNING = 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCOPY seed.db /tmp/seed.db\nCMD ["app.handler"]\n';

async function lint(args: string[], cwd: string, stdin?: NodeJS.ReadableStream) {
  const io = testIo({ cwd });
  if (stdin) (io as { stdin: unknown }).stdin = stdin;
  const code = await runLint(args, io).catch((e: unknown) => e);
  return { code, out: io.out(), err: io.err() };
}

function refused(r: { code: unknown }, message: RegExp): void {
  expect(r.code).toBeInstanceOf(UsageError);
  expect((r.code as UsageError).exitCode).toBe(2);
  expect((r.code as Error).message).toMatch(message);
  expect((r.code as Error).message).not.toContain('\n');
}

describe('lint honours lambda-image.yaml', () => {
  it('takes failureThreshold and ignored from its lint: section', async () => {
    const without = await lint(['--format', 'json'], scratch({ Dockerfile: WARNING }));
    expect(without.code).toBe(1);
    expect(JSON.parse(without.out).map((f: { code: string }) => f.code)).toContain('LAM009');
    const withConfig = await lint(['--format', 'json'], scratch({ Dockerfile: WARNING, 'lambda-image.yaml': 'lint:\n  failureThreshold: error\n  ignored: [LAM009]\n' }));
    expect(withConfig.code).toBe(0);
    expect(JSON.parse(withConfig.out).map((f: { code: string }) => f.code)).not.toContain('LAM009');
  });

  it('flags still win over the config', async () => {
    const r = await lint(['--failure-threshold', 'info'], scratch({ Dockerfile: 'FROM public.ecr.aws/lambda/python:3.13\nUSER 1000\nCMD ["app.handler"]\n', 'lambda-image.yaml': 'lint:\n  failureThreshold: error\n' }));
    expect(r.code).toBe(1);
  });

  it('treats the config\'s registryMirror as public.ecr.aws', async () => {
    const text = 'FROM registry.example.com/ecr-public/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD app.handler\n';
    const r = await lint(['--format', 'json'], scratch({ Dockerfile: text, 'lambda-image.yaml': 'registryMirror: registry.example.com/ecr-public\n' }));
    const lam002 = JSON.parse(r.out).filter((f: { code: string }) => f.code === 'LAM002');
    // Judged as the AWS image: /lambda-entrypoint.sh receives the shell form (error, line 3).
    expect(lam002).toMatchObject([{ line: 3, level: 'error' }]);
  });

  it('a broken config is one line, exit 2', async () => {
    refused(await lint([], scratch({ Dockerfile: CLEAN, 'lambda-image.yaml': 'lint:\n  failureThreshold: loud\n' })), /lambda-image\.yaml/);
  });
});

describe('every file lint reads has a type and size limit', () => {
  const fifo = (dir: string, name: string): string => {
    const p = join(dir, name);
    execFileSync('mkfifo', [p]);
    return p;
  };

  it('refuses a FIFO Dockerfile without waiting for a writer', async () => {
    const dir = scratch();
    fifo(dir, 'Dockerfile');
    refused(await lint(['Dockerfile'], dir), /cannot read Dockerfile: it is a FIFO \(named pipe\), not a regular file/);
  });

  it('refuses /dev/zero as a Dockerfile', async () => {
    refused(await lint(['/dev/zero'], scratch()), /cannot read \/dev\/zero: it is a character device/);
  });

  it('refuses a Dockerfile over the documented size', async () => {
    const dir = scratch({ Dockerfile: CLEAN });
    truncateSync(join(dir, 'Dockerfile'), MAX_DOCKERFILE_BYTES + 1);
    refused(await lint([], dir), /cannot read Dockerfile: it is larger than 16 MB/);
  });

  it('reads standard input only up to the limit (/dev/zero on stdin)', async () => {
    refused(await lint(['-'], scratch(), createReadStream('/dev/zero')), /cannot read standard input: it is larger than 16 MB/);
  });

  it('refuses a FIFO or a device as .hadolint.yaml, found or named', async () => {
    const dir = scratch({ Dockerfile: CLEAN });
    fifo(dir, '.hadolint.yaml');
    refused(await lint([], dir), /\.hadolint\.yaml: it is a FIFO/);
    refused(await lint(['--config', '/dev/zero'], scratch({ Dockerfile: CLEAN })), /cannot read the hadolint config \/dev\/zero: it is a character device/);
  });

  it('refuses a FIFO as lambda-image.yaml', async () => {
    const dir = scratch({ Dockerfile: CLEAN });
    fifo(dir, 'lambda-image.yaml');
    refused(await lint([], dir), /cannot read lambda-image\.yaml: it is a FIFO/);
  });

  it('refuses an oversized .hadolint.yaml', async () => {
    const dir = scratch({ Dockerfile: CLEAN });
    writeFileSync(join(dir, 'big.yaml'), `ignored:\n${'  - DL3008\n'.repeat(120_000)}`);
    refused(await lint(['--config', 'big.yaml'], dir), /larger than 1 MB/);
  });
});

describe('Lambda rules on and off', () => {
  const WEB = 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nCMD nginx -g "daemon off;"\n';

  it('says once per file, in the tty report, when a file does not look like a Lambda image', async () => {
    const r = await lint(['Dockerfile', 'other.Dockerfile'], scratch({ Dockerfile: WEB, 'other.Dockerfile': CLEAN }));
    const notes = r.err.split('\n').filter((l) => l.includes('does not look like a Lambda image'));
    expect(notes).toEqual(['lint: Dockerfile does not look like a Lambda image (no AWS base, runtime interface client or Web Adapter); --no-lambda-rules checks it with the DL rules only']);
    const json = await lint(['--format', 'json'], scratch({ Dockerfile: WEB }));
    expect(json.err).not.toContain('does not look like');
  });

  it('--no-lambda-rules runs the DL rules only, and says nothing about Lambda', async () => {
    const on = await lint(['--format', 'json'], scratch({ Dockerfile: WEB }));
    expect(JSON.parse(on.out).some((f: { code: string }) => f.code.startsWith('LAM'))).toBe(true);
    const off = await lint(['--format', 'json', '--no-lambda-rules'], scratch({ Dockerfile: WEB }));
    const codes = JSON.parse(off.out).map((f: { code: string }) => f.code);
    expect(codes).toContain('DL3025');
    expect(codes.filter((c: string) => c.startsWith('LAM'))).toEqual([]);
    const tty = await lint(['--no-lambda-rules'], scratch({ Dockerfile: WEB }));
    expect(tty.err).not.toContain('does not look like');
  });

  it('--registry-mirror makes a mirrored AWS image an AWS image', async () => {
    const text = 'FROM mirror.example.com:5000/aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]\n';
    const r = await lint(['--format', 'json', '--registry-mirror', 'mirror.example.com:5000/aws'], scratch({ Dockerfile: text }));
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.code).toBe(0);
    refused(await lint(['--registry-mirror', 'https://x y'], scratch({ Dockerfile: text })), /--registry-mirror must be a registry host/);
  });
});
