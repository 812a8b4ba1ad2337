/**
 * `verify` against real containers: hand-written fixture images (test/fixtures/verify) on the
 * local debian base. Skipped, loudly, when no engine or base image is available.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors';
import { runVerify } from '../../src/verify/index';
import { captureIo } from '../verify/fake-io';
import { announceSkip, buildFixtures, dockerStatus, FIXTURE_DIR, FIXTURE_REPO, HOST_ARCH, removeImages } from './helpers';

const docker = dockerStatus();
announceSkip('verify e2e', docker);

const TARGETS = ['ok', 'handler-error', 'init-error', 'readonly', 'timeout', 'bad-interpreter', 'symlink', 'relative'] as const;
type Target = (typeof TARGETS)[number];

describe.skipIf(!docker.usable)(`verify e2e (${docker.reason})`, () => {
  let tags: Record<string, string> = {};
  const extraTags: string[] = [];

  beforeAll(async () => {
    const t0 = Date.now();
    tags = await buildFixtures(docker.engine!, TARGETS);
    console.log(`built ${TARGETS.length} fixture images in ${Date.now() - t0} ms`);
  }, 10 * 60_000);

  afterAll(async () => {
    await removeImages(docker.engine!, [...Object.values(tags), ...extraTags]);
  }, 120_000);

  async function verify(target: Target | string, ...flags: string[]) {
    const io = captureIo();
    const image = tags[target] ?? target;
    const code = await runVerify([image, '--arch', HOST_ARCH, ...flags], io);
    return { code, out: io.out(), err: io.err(), json: flags.includes('--json') ? JSON.parse(io.out()) : undefined };
  }

  it('runs a function that answers: exit 0, response printed, Lambda-like sandbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-e2e-'));
    writeFileSync(join(dir, 'event.json'), '{"hello":"world"}');
    const r = await verify('ok', '--event', join(dir, 'event.json'), '--json', '--memory', '256');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ result: 'response', exitCode: 0 });
    const body = JSON.parse(r.json.response);
    // The run flags took effect: uid/gid, writable /tmp only, HOME unwritable, memory env.
    expect(body).toEqual({
      ok: true, uid: 993, gid: 990, tmp: 'rw', root: 'ro', home: 'ro',
      memory: '256', taskRoot: '/var/task', event: { hello: 'world' },
    });
    expect(r.json.initMs).toBeGreaterThanOrEqual(0);
    expect(r.json.invokeMs).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('prints the text report for an answer', async () => {
    const r = await verify('ok');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^result: +response/m);
    expect(r.out).toMatch(/^response: +\{"ok":true,/m);
    expect(r.out).toMatch(/^init: +\d+\.\d\d ms$/m);
    expect(r.out).toMatch(/^invoke: +\d+\.\d\d ms$/m);
  }, 60_000);

  it('reports a handler error with its errorType: exit 1', async () => {
    const r = await verify('handler-error');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^result: +function error$/m);
    expect(r.out).toMatch(/^error: +Error: boom from the handler$/m);
    expect(r.out).toContain('| handler failed for');
  }, 60_000);

  it('reports an init error: exit 1', async () => {
    const r = await verify('init-error', '--json');
    expect(r.code).toBe(1);
    expect(r.json.result).toBe('init-error');
    expect(r.json.error.errorType).toBe('Runtime.HandlerNotFound');
    expect(r.json.logs.join('\n')).toContain('handler index.missing not found');
  }, 60_000);

  it('fails a runtime that writes outside /tmp at start-up: read-only root, Runtime.ExitError', async () => {
    const r = await verify('readonly', '--json');
    expect(r.code).toBe(1);
    expect(r.json.result).toBe('exit-error');
    expect(r.json.error.errorType).toBe('Runtime.ExitError');
    expect(r.json.containerExitCode).toBe(1);
    expect(r.json.logs.join('\n')).toMatch(/Read-only file system/);
  }, 60_000);

  it('times out a slow function at --timeout and kills it: Sandbox.Timedout', async () => {
    const t0 = Date.now();
    const r = await verify('timeout', '--timeout', '2');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^error: +Sandbox\.Timedout: Task timed out after 2\.00 seconds$/m);
    const invokeMs = Number(/^invoke: +([\d.]+) ms$/m.exec(r.out)?.[1]);
    expect(invokeMs).toBeGreaterThanOrEqual(1990);
    expect(invokeMs).toBeLessThan(3000);
    // Killed, not waited for (the fixture sleeps 60 s).
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 60_000);

  it('reports an entrypoint the engine cannot exec as Runtime.InvalidEntrypoint', async () => {
    const r = await verify('bad-interpreter', '--json');
    expect(r.code).toBe(1);
    expect(r.json.result).toBe('init-error');
    expect(r.json.error.errorType).toBe('Runtime.InvalidEntrypoint');
    expect(r.json.error.errorMessage).toMatch(/bad-interpreter\.sh: no such file or directory/);
  }, 60_000);

  it('reports a relative ENTRYPOINT as a finding, and a wrong --arch as the one problem', async () => {
    const other = HOST_ARCH === 'x86_64' ? 'arm64' : 'x86_64';
    const io = captureIo();
    const code = await runVerify([tags.relative!, '--arch', other, '--json'], io);
    expect(code).toBe(1);
    const out = JSON.parse(io.out());
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatch(new RegExp(`architecture is .* but --arch is ${other}`));
    expect(out.findings.map((f: { message: string }) => f.message)).toEqual([expect.stringMatching(/^"\.\/ok\.sh": the Lambda docs ask for an absolute ENTRYPOINT path/)]);
  }, 60_000);

  it('exits 2 (UsageError) for a missing image', async () => {
    await expect(runVerify([`${FIXTURE_REPO}:does-not-exist`], captureIo())).rejects.toThrow(
      new UsageError(`no such image: ${FIXTURE_REPO}:does-not-exist`),
    );
  }, 60_000);

  it('--build DIR builds the directory first, then runs it', async () => {
    const tag = `${FIXTURE_REPO}:built-by-verify`;
    extraTags.push(tag);
    const io = captureIo();
    const code = await runVerify(['--build', FIXTURE_DIR, tag, '--arch', HOST_ARCH], io);
    expect(code).toBe(0);
    expect(io.err()).toContain(`as ${tag}`);
    expect(io.out()).toMatch(/^response: +\{"ok":true,/m);
  }, 10 * 60_000);
});
