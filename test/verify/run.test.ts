/**
 * verify's orchestration (emulator × container lifecycle × timers × report) driven through a
 * fake docker CLI (fake-docker.mjs), so it is covered where no engine exists.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEngine } from '../../src/verify/docker';
import { runVerify } from '../../src/verify/index';
import { parseMemUsage, parseStartedAt, runAsLambda, TarSizeCounter } from '../../src/verify/run';
import { captureIo } from './fake-io';

const FAKE = fileURLToPath(new URL('./fake-docker.mjs', import.meta.url));
const state = mkdtempSync(join(tmpdir(), 'fake-docker-'));
const env = { ...process.env, CREATE_LAMBDA_IMAGE_DOCKER: FAKE, FAKE_DOCKER_STATE: state, AWS_REGION: 'eu-west-3' };

beforeAll(() => chmodSync(FAKE, 0o755));

async function verify(...argv: string[]) {
  const io = captureIo({ env });
  const code = await runVerify(argv, io);
  return { code, out: io.out(), err: io.err(), json: argv.includes('--json') ? JSON.parse(io.out()) : undefined };
}

/** Every container started was removed again. */
function expectAllRemoved(): void {
  const started = readdirSync(state).filter((f) => f.endsWith('.pid')).map((f) => f.slice(0, -4));
  for (const name of started) expect(existsSync(join(state, `${name}.removed`)), name).toBe(true);
}

describe('verify through a fake engine', () => {
  it('answers: exit 0, Lambda environment and sandbox flags passed to run', async () => {
    const r = await verify('fake:ok', '--json', '--memory', '512');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ image: 'fake:ok', result: 'response', exitCode: 0, entrypoint: '/var/runtime/bootstrap' });
    expect(JSON.parse(r.json.response)).toEqual({ event: {}, env: { region: 'eu-west-3', fn: 'fake', memory: '512' } });
    expect(r.json.initMs).toBeGreaterThanOrEqual(0);
    expect(r.json.invokeMs).toBeGreaterThanOrEqual(0);
    const runArgs: string[] = JSON.parse(readFileSync(join(state, readdirSync(state).find((f) => f.endsWith('.args'))!), 'utf8'));
    expect(runArgs).toEqual(expect.arrayContaining(['--read-only', '--user', '993:990', 'AWS_LAMBDA_FUNCTION_VERSION=$LATEST']));
    // Never the host's network: the emulator is reached through the host alias on the bridge.
    expect(runArgs).not.toContain('host');
    expect(runArgs.join(' ')).not.toMatch(/--network/);
    expect(runArgs).toEqual(expect.arrayContaining(['--add-host', 'host.docker.internal:host-gateway']));
    // 512 MB is 0.29 of the 1,769 MB that make one vCPU (docs: configuration-memory).
    expect(runArgs[runArgs.indexOf('--cpus') + 1]).toBe('0.29');
    // /tmp on a volume: storage separate from memory (docs: configuration-ephemeral-storage).
    expect(runArgs).toEqual(expect.arrayContaining(['--mount', 'type=volume,dst=/tmp']));
    expect(r.json.enforced).toMatchObject({ memoryMb: 512, cpus: 0.29, tmpMb: 512, tmp: 'volume', user: '993:990', initLimitMs: 10_000 });
    expect(r.json.observed).toMatchObject({ maxMemoryMb: 13, tmpUsedBytes: 0, container: { readOnlyRoot: true, user: '993:990', memoryMb: 512, cpus: 0.29, tmp: 'volume' } });
    expectAllRemoved();
  });

  it('reports a runtime that exits during init as Runtime.ExitError with exit code and logs', async () => {
    const r = await verify('fake:crash');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^result: +runtime exited without answering$/m);
    expect(r.out).toMatch(/^error: +Runtime\.ExitError: runtime exited with status 3 during init without answering$/m);
    expect(r.out).toMatch(/^exit code: 3$/m);
    expect(r.out).toContain('  | fatal: cannot load handler');
    expectAllRemoved();
  });

  it('reports an exit while handling the event', async () => {
    const r = await verify('fake:exit-during-invoke', '--json');
    expect(r.json.result).toBe('exit-error');
    expect(r.json.error.errorMessage).toBe('runtime exited with status 0 while handling the event without answering');
    expect(r.json.logs).toEqual(['giving up']);
  });

  it('reports an out-of-memory kill as Runtime.OutOfMemory', async () => {
    const r = await verify('fake:oom', '--json');
    expect(r.code).toBe(1);
    expect(r.json.error.errorType).toBe('Runtime.OutOfMemory');
    expect(r.json.containerExitCode).toBe(137);
  });

  it('reports a symlinked ENTRYPOINT as a finding with its source, and still runs the image', async () => {
    // Lambda's docs advise against a symlinked ENTRYPOINT (troubleshooting-images), yet their own
    // Node.js example uses /usr/local/bin/npx, a symlink: Lambda runs such images.
    const r = await verify('fake:symlink', '--json');
    expect(r.code).toBe(0);
    expect(r.json.result).toBe('response');
    expect(r.json.findings).toEqual([
      { message: expect.stringMatching(/^\/var\/runtime\/link is a symlink \(to bootstrap\)/), source: 'https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-images.html' },
    ]);
  });

  it('reports a CMD-only image as a finding and runs CMD, as Docker and Lambda do', async () => {
    const r = await verify('fake:cmd-only');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^finding: +the image has CMD but no ENTRYPOINT/m);
    expect(r.out).toMatch(/^result: +response/m);
  });

  it('prints a REPORT line like Lambda in text and in JSON', async () => {
    const t = await verify('fake:ok', '--memory', '256');
    const line = t.out.split('\n').find((l) => l.startsWith('REPORT '));
    expect(line).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: 13 MB\tInit Duration: \d+\.\d\d ms$/);
    const j = await verify('fake:ok', '--memory', '256', '--json');
    expect(j.json.report).toMatchObject({ memorySizeMb: 256, maxMemoryUsedMb: 13, requestId: j.json.requestId });
    expect(j.json.report.line).toMatch(/^REPORT RequestId: /);
    expect(j.json.report.billedDurationMs).toBe(Math.ceil(j.json.report.durationMs + j.json.report.initDurationMs));
  });

  it('escapes control characters from the function in the text report', async () => {
    const r = await verify('fake:escape');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/\u001b|\r/);
    expect(r.out).toContain('response:  ok\\n\\x1b[2J\\rREPORT RequestId: forged');
    // The only line that starts with REPORT is verify's own.
    expect(r.out.split('\n').filter((l) => l.startsWith('REPORT')).length).toBe(1);
  });

  it('hands the function the environment Lambda defines, each name with a source', async () => {
    const r = await verify('fake:env', '--json', '--memory', '1024');
    const env = JSON.parse(r.json.response);
    const { LAMBDA_ENV_FACTS } = await import('../../src/verify/facts');
    for (const name of Object.keys(LAMBDA_ENV_FACTS)) expect(env, name).toHaveProperty(name);
    expect(env).toMatchObject({
      _HANDLER: 'app.handler', AWS_LAMBDA_FUNCTION_NAME: 'fake', AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024', AWS_REGION: 'eu-west-3', LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime', TZ: ':UTC', LANG: 'en_US.UTF-8', AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    });
  });

  it('reports /tmp use past --tmp-size as a limit exceeded (exit 1): Lambda would refuse those writes', async () => {
    const r = await verify('fake:tmp-hog', '--json');
    expect(r.code).toBe(1);
    expect(r.json.result).toBe('response');
    expect(r.json.observed.tmpUsedBytes).toBe(600 * 1024 * 1024);
    expect(r.json.violations).toEqual([expect.stringMatching(/^\/tmp held 629145600 bytes, over the 512 MB \(536870912 bytes\) configured/)]);
    const big = await verify('fake:tmp-hog', '--json', '--tmp-size', '600');
    expect(big.code).toBe(0);
  });

  it('emulates a streamed response past 6 MB instead of capping it as buffered', async () => {
    // Streamed responses may reach 200 MB (docs: configuration-response-streaming).
    const r = await verify('fake:stream', '--json');
    expect(r.code).toBe(0);
    expect(r.json.result).toBe('response');
    expect(r.json.observed.streamedBytes).toBe(7 * 1024 * 1024);
  });

  it('reports an error sent in the streaming trailers as a function error', async () => {
    const r = await verify('fake:stream-error', '--json');
    expect(r.code).toBe(1);
    expect(r.json.error).toEqual({ errorType: 'Stream.Broken', errorMessage: 'gave up mid-stream' });
  });

  it('throws UsageError (exit 2) for a missing image', async () => {
    await expect(verify('other:image')).rejects.toMatchObject({ exitCode: 2, message: 'no such image: other:image' });
  });

  it('re-runs an init that passes the init limit, within the function timeout (docs: lambda-runtime-environment)', async () => {
    const engine = resolveEngine(env)!;
    const image = `sha256:${Buffer.from('fake:slow-init-once').toString('hex')}`;
    const r = await runAsLambda(engine, { image, event: '{}', timeoutS: 3, memoryMb: 128, tmpMb: 512, tmp: 'volume', functionName: 'f', region: 'us-east-1', handler: '', initLimitMs: 300 });
    expect(r.kind).toBe('response');
    expect(r.observed?.initRetried).toEqual({ firstAttemptMs: 300 });
    expectAllRemoved();
  });

  it('times out an init that never polls: first the init limit, then the function timeout', async () => {
    const engine = resolveEngine(env)!;
    const image = `sha256:${Buffer.from('fake:slow-init').toString('hex')}`;
    const r = await runAsLambda(engine, { image, event: '{}', timeoutS: 1, memoryMb: 128, tmpMb: 512, tmp: 'volume', functionName: 'f', region: 'us-east-1', handler: '', initLimitMs: 300 });
    expect(r).toMatchObject({ kind: 'timeout', errorType: 'Sandbox.Timedout' });
    expect(r.kind === 'timeout' && r.errorMessage).toMatch(/^Task timed out after 1\.00 seconds \(init was re-run/);
    expectAllRemoved();
  });
});

describe('TarSizeCounter', () => {
  it('sums regular file sizes across arbitrary chunk boundaries', () => {
    const header = (name: string, type: string, size: number): Buffer => {
      const h = Buffer.alloc(512);
      h.write(name, 0);
      h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
      h.write(type, 156);
      return h;
    };
    const tar = Buffer.concat([header('tmp/', '5', 0), header('tmp/a', '0', 700), Buffer.alloc(1024), header('tmp/l', '2', 0), header('tmp/b', '0', 5), Buffer.alloc(512), Buffer.alloc(1024)]);
    for (const step of [1, 7, 512, 100_000]) {
      const c = new TarSizeCounter();
      for (let i = 0; i < tar.length; i += step) c.push(tar.subarray(i, i + step));
      expect(c.total, `chunks of ${step}`).toBe(705);
    }
  });
});

describe('parseMemUsage', () => {
  it('reads docker and podman units and takes the highest sample, rounded up to MB', () => {
    expect(parseMemUsage('12.5MiB / 128MiB\n\u001b[2J\u001b[H30MiB / 128MiB')).toBe(30);
    expect(parseMemUsage('1.5GiB / 2GiB')).toBe(1536);
    expect(parseMemUsage('3.2MB / 134.2MB')).toBe(4);
    expect(parseMemUsage('--')).toBeUndefined();
  });
});

describe('parseStartedAt', () => {
  it('reads docker RFC 3339 with nanoseconds', () => {
    expect(parseStartedAt('2025-03-01T10:00:00.123456789Z\n')).toBe(Date.UTC(2025, 2, 1, 10, 0, 0, 123));
  });
  it("reads podman's Go time format", () => {
    expect(parseStartedAt('2025-03-01 10:00:00.123456789 +0200 CEST')).toBe(Date.UTC(2025, 2, 1, 8, 0, 0, 123));
    expect(parseStartedAt('2025-03-01 10:00:00 +0000 UTC')).toBe(Date.UTC(2025, 2, 1, 10, 0, 0));
  });
  it('rejects the zero time and other formats', () => {
    expect(parseStartedAt('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(parseStartedAt('March 1st')).toBeUndefined();
    expect(parseStartedAt('')).toBeUndefined();
  });
});
