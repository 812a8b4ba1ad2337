/**
 * Probe images for behaviour Lambda documents, each asserting that `verify` reaches the verdict
 * Lambda would and citing the page that says so. The probes are bash runtimes on the local
 * debian base (test/fixtures/verify, targets after "Probes"). Skipped, loudly, without an engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerify } from '../../src/verify/index';
import { LAMBDA_ENV_FACTS, VERIFY_SOURCES } from '../../src/verify/facts';
import { captureIo } from '../verify/fake-io';
import { announceSkip, buildFixtures, dockerStatus, HOST_ARCH, removeImages } from './helpers';

const docker = dockerStatus();
announceSkip('verify probes e2e', docker);

const TARGETS = ['ok', 'symlink', 'cmd-only', 'tmp-write', 'slow-init', 'stream', 'env-dump'] as const;
type Target = (typeof TARGETS)[number];
const PREFIX = `cli-verify-probe-${process.pid}-${Date.now().toString(36)}`;

describe.skipIf(!docker.usable)(`verify probes e2e (${docker.reason})`, () => {
  let tags: Record<string, string> = {};

  beforeAll(async () => {
    const t0 = Date.now();
    tags = await buildFixtures(docker.engine!, TARGETS, PREFIX);
    console.log(`built ${TARGETS.length} probe images in ${Date.now() - t0} ms`);
  }, 10 * 60_000);

  afterAll(async () => {
    await removeImages(docker.engine!, Object.values(tags));
  }, 120_000);

  async function verify(target: Target, ...flags: string[]) {
    const io = captureIo();
    const code = await runVerify([tags[target]!, '--arch', HOST_ARCH, ...flags], io);
    return { code, out: io.out(), json: flags.includes('--json') ? JSON.parse(io.out()) : undefined };
  }

  it('runs an image whose ENTRYPOINT is a symlink, reporting the advice as a finding', async () => {
    // docs: troubleshooting-images advises a non-symlink ENTRYPOINT for Runtime.InvalidEntrypoint,
    // yet docs: nodejs-image's own example uses ENTRYPOINT ["/usr/local/bin/npx", ...], a symlink,
    // and Lambda runs it: the verdict is the function's answer, with the advice beside it.
    const r = await verify('symlink', '--json');
    expect(r.code).toBe(0);
    expect(r.json.result).toBe('response');
    expect(r.json.findings).toEqual([{ message: expect.stringMatching(/^\/var\/runtime\/link-to-ok is a symlink \(to ok\.sh\)/), source: VERIFY_SOURCES.troubleshootingImages }]);
  }, 120_000);

  it('runs a CMD-only image as Docker and Lambda do, reporting the missing ENTRYPOINT', async () => {
    // docs: images-create lists ENTRYPOINT and CMD as the settings Lambda uses; without an
    // ENTRYPOINT the container's command is CMD.
    const r = await verify('cmd-only');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^finding: +the image has CMD but no ENTRYPOINT/m);
    expect(r.out).toMatch(/^response: +\{"ok":true,"uid":993,/m);
  }, 120_000);

  it('lets a 128 MB function write 300 MB to /tmp: ephemeral storage is not memory', async () => {
    // docs: configuration-ephemeral-storage: /tmp is 512 MB to 10,240 MB, configured apart from
    // memory (docs: configuration-memory, 128 MB minimum).
    const r = await verify('tmp-write', '--memory', '128', '--timeout', '120', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.json.response)).toEqual({ bytes: 300 * 1024 * 1024 });
    expect(r.json.enforced).toMatchObject({ memoryMb: 128, tmpMb: 512, tmp: 'volume' });
    expect(r.json.observed.tmpUsedBytes).toBeGreaterThanOrEqual(300 * 1024 * 1024);
    expect(r.json.violations).toBeUndefined();
  }, 300_000);

  it('re-runs a 12 s init within a 30 s timeout, as Lambda does past its 10 s init limit', async () => {
    // docs: lambda-runtime-environment, "Init phase": limited to 10 seconds; if it does not
    // complete, Lambda retries it at the first invocation with the configured function timeout.
    const r = await verify('slow-init', '--timeout', '30', '--json');
    expect(r.code).toBe(0);
    expect(r.json.response).toBe('"initialised"');
    expect(r.json.observed.initRetried).toEqual({ firstAttemptMs: 10_000 });
    expect(r.json.initMs).toBeGreaterThanOrEqual(12_000);
  }, 180_000);

  it('times out a 12 s init when the function timeout cannot hold the re-run', async () => {
    const r = await verify('slow-init', '--timeout', '5', '--json');
    expect(r.code).toBe(1);
    expect(r.json.error.errorType).toBe('Sandbox.Timedout');
    expect(r.json.error.errorMessage).toMatch(/^Task timed out after 5\.00 seconds/);
  }, 180_000);

  it('accepts a streamed response over 6 MB, which a buffered one may not exceed', async () => {
    // docs: configuration-response-streaming: streamed responses up to 200 MB against 6 MB buffered.
    const r = await verify('stream', '--timeout', '60', '--json');
    expect(r.code).toBe(0);
    expect(r.json.result).toBe('response');
    expect(r.json.observed.streamedBytes).toBe(7 * 1024 * 1024);
  }, 180_000);

  it('gives the function the environment Lambda defines', async () => {
    // docs: configuration-envvars, "Defined runtime environment variables"; each name and its
    // source are in LAMBDA_ENV_FACTS.
    const r = await verify('env-dump', '--memory', '1769', '--json');
    expect(r.code).toBe(0);
    const env = Object.fromEntries((r.json.response as string).split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    for (const name of Object.keys(LAMBDA_ENV_FACTS)) expect(env, name).toHaveProperty(name);
    expect(env).toMatchObject({
      _HANDLER: 'app.handler',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1769',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
    });
    // 1,769 MB is one vCPU (docs: configuration-memory), within what the engine has.
    expect(r.json.enforced.cpus).toBe(Math.min(1, r.json.enforced.cpus));
    expect(r.json.observed.container.cpus).toBe(r.json.enforced.cpus);
  }, 120_000);

  it('prints a REPORT line like Lambda, in text and in JSON', async () => {
    // docs: monitoring-cloudwatchlogs: REPORT RequestId, Duration, Billed Duration, Memory Size,
    // Max Memory Used, Init Duration, tab-separated.
    const t = await verify('ok', '--memory', '256');
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$/m);
    expect(t.out).toMatch(/^enforced: +read-only root, user 993:990, \/tmp 512 MB on a volume/m);
    expect(t.out).toMatch(/^observed: +root read-only, user 993:990, memory limit 256 MB/m);
    const j = await verify('ok', '--memory', '256', '--json');
    expect(j.json.report).toMatchObject({ requestId: j.json.requestId, memorySizeMb: 256 });
    expect(j.json.report.line).toMatch(/^REPORT RequestId: /);
    // Never the host's network.
    expect(j.json.observed.container.network).not.toBe('host');
  }, 120_000);
});
