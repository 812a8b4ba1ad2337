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
import { parseStartedAt, runAsLambda } from '../../src/verify/run';
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
    expect(runArgs).toEqual(expect.arrayContaining(['--read-only', '--user', '993:990', '--network', 'host', 'AWS_LAMBDA_FUNCTION_VERSION=$LATEST']));
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

  it('reports inspection problems without running', async () => {
    const r = await verify('fake:symlink', '--json');
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ result: 'image-problems', problems: ['ENTRYPOINT /var/runtime/link is a symlink (to bootstrap); point ENTRYPOINT at the real file'] });
  });

  it('throws UsageError (exit 2) for a missing image', async () => {
    await expect(verify('other:image')).rejects.toMatchObject({ exitCode: 2, message: 'no such image: other:image' });
  });

  it('gives up on an init that never polls (Sandbox.Timedout) and removes the container', async () => {
    const engine = resolveEngine(env)!;
    const t0 = Date.now();
    const r = await runAsLambda(engine, { image: `sha256:${Buffer.from('fake:slow-init').toString('hex')}`, event: '{}', timeoutS: 3, memoryMb: 128, functionName: 'f', region: 'us-east-1', initLimitMs: 400 });
    expect(r).toMatchObject({ kind: 'timeout', errorType: 'Sandbox.Timedout', errorMessage: 'init did not finish within 0.4 s (the runtime never asked for an event)' });
    expect(Date.now() - t0).toBeLessThan(5000);
    expectAllRemoved();
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
