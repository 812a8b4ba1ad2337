import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArgs, detectBuilder, lambdaEnv, probeArgs, removeArgs, resolveEngine, runArgs, type Engine } from '../../src/verify/docker';
import { functionNameFor } from '../../src/verify/index';
import { escapeForTty, formatJson, formatText } from '../../src/verify/report';
import { cpusFor, LAMBDA_ENV_FACTS } from '../../src/verify/facts';

const tmp = mkdtempSync(join(tmpdir(), 'verify-docker-'));
function executable(dir: string, name: string, script: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('resolveEngine', () => {
  it('prefers CREATE_LAMBDA_IMAGE_DOCKER, and knows podman by name', () => {
    expect(resolveEngine({ CREATE_LAMBDA_IMAGE_DOCKER: '/usr/bin/docker', PATH: '' })).toMatchObject({ bin: '/usr/bin/docker', kind: 'docker' });
    expect(resolveEngine({ CREATE_LAMBDA_IMAGE_DOCKER: '/opt/podman-remote', PATH: '' })).toMatchObject({ kind: 'podman' });
  });

  it('takes docker from PATH first, podman where docker is absent, nothing when neither', () => {
    const both = join(tmp, 'both');
    const onlyPodman = join(tmp, 'podman-only');
    executable(both, 'docker', 'exit 0');
    executable(both, 'podman', 'exit 0');
    executable(onlyPodman, 'podman', 'exit 0');
    expect(resolveEngine({ PATH: both })).toMatchObject({ bin: join(both, 'docker'), kind: 'docker' });
    expect(resolveEngine({ PATH: `${join(tmp, 'none')}:${onlyPodman}` })).toMatchObject({ bin: join(onlyPodman, 'podman'), kind: 'podman' });
    expect(resolveEngine({ PATH: join(tmp, 'none') })).toBeUndefined();
  });
});

describe('detectBuilder', () => {
  // Fake clients answering `buildx version` and `build --help` the way the real ones do.
  const HELP_NEW = 'echo "      --platform string"; echo "      --provenance string"';
  const HELP_OLD = 'echo "      --platform string         Set platform"';
  const engine = (name: string, script: string): Engine => ({ bin: executable(join(tmp, name), 'docker', script), kind: 'docker', env: { PATH: process.env.PATH } });

  it('uses BuildKit with --platform and --provenance when buildx is there', async () => {
    const b = await detectBuilder(engine('buildx', `case "$1" in buildx) echo v0.20;; build) ${HELP_NEW};; esac`));
    expect(b).toMatchObject({ env: { DOCKER_BUILDKIT: '1' }, platform: true, provenance: true });
    expect(b.note).toBeUndefined();
  });

  it("drives the daemon's built-in BuildKit from an old client without buildx (Debian's 20.10)", async () => {
    const b = await detectBuilder(engine('old', `case "$1" in buildx) echo "docker: 'buildx' is not a docker command." >&2; exit 1;; build) ${HELP_OLD};; esac`));
    expect(b).toMatchObject({ env: { DOCKER_BUILDKIT: '1' }, platform: true, provenance: false });
  });

  it('falls back to the legacy builder when a new client lacks buildx, and says so', async () => {
    const script = `case "$1" in
      buildx) echo "docker: unknown command: docker buildx" >&2; exit 1;;
      build) if [ "$DOCKER_BUILDKIT" = 1 ]; then echo "ERROR: BuildKit is enabled but the buildx component is missing or broken." >&2; exit 1; fi; ${HELP_OLD};;
    esac`;
    const b = await detectBuilder(engine('new-no-buildx', script));
    expect(b).toMatchObject({ env: { DOCKER_BUILDKIT: '0' }, platform: true, provenance: false });
    expect(b.note).toMatch(/no buildx plugin.*legacy builder.*CREATE_LAMBDA_IMAGE_DOCKER/);
  });

  it('respects an explicit DOCKER_BUILDKIT', async () => {
    const e = engine('explicit', `case "$1" in buildx) exit 1;; build) ${HELP_OLD};; esac`);
    const b = await detectBuilder({ ...e, env: { ...e.env, DOCKER_BUILDKIT: '0' } });
    expect(b.env.DOCKER_BUILDKIT).toBe('0');
  });
});

describe('buildArgs', () => {
  it('passes --platform and --provenance=false only where supported', () => {
    expect(buildArgs({ env: {}, platform: true, provenance: true }, '/d', 't:1', 'arm64')).toEqual(['build', '-t', 't:1', '--platform', 'linux/arm64', '--provenance=false', '/d']);
    expect(buildArgs({ env: {}, platform: true, provenance: false }, '/d', 't:1', 'x86_64')).toEqual(['build', '-t', 't:1', '--platform', 'linux/amd64', '/d']);
    expect(buildArgs({ env: {}, platform: false, provenance: false }, '/d', 't:1', 'x86_64')).toEqual(['build', '-t', 't:1', '/d']);
  });
});

describe('runArgs and lambdaEnv', () => {
  const env = lambdaEnv({ runtimeApi: '127.0.0.1:4242', functionName: 'fn', memoryMb: 256, region: 'eu-west-1', handler: 'app.handler' }, new Date('2025-02-03T00:00:00Z'));

  it('sets exactly the variables the facts table lists, each with a source', () => {
    expect(Object.keys(env).sort()).toEqual(Object.keys(LAMBDA_ENV_FACTS).sort());
    for (const fact of Object.values(LAMBDA_ENV_FACTS)) expect(fact.source).toMatch(/^https:\/\//);
  });

  it("sets Lambda's environment, with fake credentials and no AWS_EXECUTION_ENV", () => {
    expect(env).toMatchObject({
      AWS_LAMBDA_RUNTIME_API: '127.0.0.1:4242',
      AWS_LAMBDA_FUNCTION_NAME: 'fn',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/fn',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      LAMBDA_TASK_ROOT: '/var/task',
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
      _HANDLER: 'app.handler',
      AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
      AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
    });
    expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(/^2025\/02\/03\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(env.AWS_ACCESS_KEY_ID).toMatch(/FAKE/);
    expect(env.AWS_SECRET_ACCESS_KEY).toMatch(/fake/);
    expect(env).not.toHaveProperty('AWS_EXECUTION_ENV');
    expect(env).not.toHaveProperty('HOME');
  });

  const engine: Engine = { bin: 'docker', kind: 'docker', env: {} };
  it('runs read-only, /tmp on a volume, uid 993:990, memory and CPU caps, no capabilities, bridge network', () => {
    const args = runArgs({ name: 'c1', image: 'sha256:abc', memoryMb: 256, cpus: 0.14, tmpMb: 512, tmp: 'volume', env: { A: '1', B: 'x=y' }, engine });
    const joined = args.join(' ');
    for (const part of ['run -d --name c1', '--read-only', '--mount type=volume,dst=/tmp', '--user 993:990', '--memory 256m', '--memory-swap 256m', '--cpus 0.14', '--cap-drop ALL', '--security-opt no-new-privileges', '--add-host host.docker.internal:host-gateway', '--ulimit nofile=1024:1024 --ulimit nproc=1024:1024', '-e A=1 -e B=x=y']) {
      expect(joined).toContain(part);
    }
    expect(joined).not.toContain('--network');
    expect(args.at(-1)).toBe('sha256:abc');
  });

  it('falls back to a sized tmpfs /tmp when the image has no world-writable /tmp', () => {
    const args = runArgs({ name: 'c1', image: 'i', memoryMb: 128, cpus: 0.07, tmpMb: 2048, tmp: 'tmpfs', env: {}, engine });
    expect(args.join(' ')).toContain('--tmpfs /tmp:rw,exec,mode=1777,size=2048m');
  });

  it("scales CPU with memory as Lambda does: 1,769 MB is one vCPU, 10,240 MB about 5.79", () => {
    expect(cpusFor(128)).toBe(0.07);
    expect(cpusFor(1769)).toBe(1);
    expect(cpusFor(10240)).toBe(5.79);
  });
});

describe('engine differences', () => {
  const docker: Engine = { bin: 'docker', kind: 'docker', env: {} };
  const podman: Engine = { bin: 'podman', kind: 'podman', env: {} };

  it('probes the daemon, not just the client', () => {
    expect(probeArgs(docker)).toEqual(['version', '--format', '{{.Server.Version}}']);
    expect(probeArgs(podman)).toEqual(['info', '--format', '{{.Version.Version}}']);
  });

  it('removes at once (podman would wait 10 s for a PID 1 that ignores SIGTERM)', () => {
    // -v: the anonymous /tmp volume goes with the container.
    expect(removeArgs(docker, 'c')).toEqual(['rm', '-f', '-v', 'c']);
    expect(removeArgs(podman, 'c')).toEqual(['rm', '-f', '-v', '-t', '0', 'c']);
  });
});

describe('functionNameFor', () => {
  it.each([
    ['my-fn:latest', 'my-fn'],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/orders:v1', 'orders'],
    ['localhost:5000/fn@sha256:abcd', 'fn'],
    ['sha256:0123456789abcdef0123', 'verify'],
    ['weird.name!', 'weird-name'],
  ])('%s -> %s', (ref, name) => expect(functionNameFor(ref)).toBe(name));
});

describe('report', () => {
  const ctx = { image: 'img:1', imageId: 'sha256:1', arch: 'x86_64', entrypoint: '/bootstrap' };

  it('prints aligned text lines', () => {
    expect(formatText(ctx, { kind: 'response', requestId: 'r', body: '{"a":1}', initMs: 12, invokeMs: 3 })).toBe(
      ['image:     img:1  (runs /bootstrap)', 'arch:      x86_64', 'result:    response (the function answered)', 'response:  {"a":1}', 'init:      12.00 ms', 'invoke:    3.00 ms', 'REPORT RequestId: r\tDuration: 3.00 ms\tBilled Duration: 15 ms\tInit Duration: 12.00 ms', ''].join('\n'),
    );
    expect(formatText(ctx, { kind: 'exit-error', errorType: 'Runtime.ExitError', errorMessage: 'm', containerExitCode: 2, logs: ['a', 'b\u001b[31m'] })).toContain(
      'exit code: 2\nlogs:      last 2 line(s)\n  | a\n  | b\\x1b[31m\n',
    );
    expect(formatText(ctx, { kind: 'image-problems', problems: ['p1', 'p2'] })).toContain('problem:   p1\nproblem:   p2\n');
  });

  it('escapes every control character, including C1 and line separators', () => {
    expect(escapeForTty('a\nb\rc\u0007d\u009be\u2028f')).toBe('a\\nb\\rc\\x07d\\x9be\\u2028f');
  });

  it('prints one JSON object', () => {
    const out = formatJson(ctx, { kind: 'function-error', errorType: 'Error', errorMessage: 'boom', stackTrace: ['s'], initMs: 1, invokeMs: 2, logs: [] });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toEqual({
      image: 'img:1', imageId: 'sha256:1', arch: 'x86_64', entrypoint: '/bootstrap', findings: [], result: 'function-error', exitCode: 1,
      error: { errorType: 'Error', errorMessage: 'boom', stackTrace: ['s'] }, initMs: 1, invokeMs: 2, logs: [],
      report: { line: 'REPORT Duration: 2.00 ms\tBilled Duration: 3 ms\tInit Duration: 1.00 ms', durationMs: 2, billedDurationMs: 3, initDurationMs: 1 },
    });
  });
});
