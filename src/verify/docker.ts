/**
 * The container engine: docker, or podman where docker is absent, or whatever
 * CREATE_LAMBDA_IMAGE_DOCKER names. Everything goes through the CLI (no socket API) so any
 * client version and podman work the same way.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { LAMBDA, LAMBDA_USER } from '../catalog';
import { UsageError } from '../shared/errors';
import type { Output } from '../shared/io';

export interface Engine {
  bin: string;
  kind: 'docker' | 'podman';
  env: NodeJS.ProcessEnv;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in arrival order (for container logs). */
  combined: string;
}

export interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Stream stderr and stdout here as they arrive (build output). */
  tee?: Output;
  /** Stop reading (and kill the child) once stdout holds this many bytes. */
  maxStdoutBytes?: number;
  /** Raw stdout bytes (for `cp ... -`, which writes a tar). */
  binary?: (b: Buffer) => void;
  /** Hand stdout to `binary` only, keeping none of it (large tar streams). */
  discardStdout?: boolean;
}

/** Feature-detects the engine once: explicit env var, then `docker` on PATH, then `podman`. */
export function resolveEngine(env: NodeJS.ProcessEnv): Engine | undefined {
  const explicit = env.CREATE_LAMBDA_IMAGE_DOCKER?.trim();
  if (explicit) return { bin: explicit, kind: basename(explicit).includes('podman') ? 'podman' : 'docker', env };
  for (const name of ['docker', 'podman'] as const) {
    const bin = onPath(name, env.PATH ?? '');
    if (bin) return { bin, kind: name, env };
  }
  return undefined;
}

function onPath(name: string, path: string): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function exec(engine: Engine, args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(engine.bin, args, { env: opts.env ?? engine.env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      resolve({ code: 127, stdout: '', stderr: String(err), combined: String(err) });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const both: Buffer[] = [];
    let outBytes = 0;
    let killedByUs = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          killedByUs = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.stdout.on('data', (b: Buffer) => {
      if (opts.discardStdout) {
        opts.binary?.(b);
        return;
      }
      if (opts.maxStdoutBytes !== undefined && outBytes >= opts.maxStdoutBytes) return;
      outBytes += b.length;
      out.push(b);
      both.push(b);
      opts.binary?.(b);
      opts.tee?.write(b);
      if (opts.maxStdoutBytes !== undefined && outBytes >= opts.maxStdoutBytes) {
        killedByUs = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      both.push(b);
      opts.tee?.write(b);
    });
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolve({ code: 127, stdout: '', stderr: e.message, combined: e.message });
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      // A read we cut short on purpose is a success; a timeout is not.
      const c = code ?? (killedByUs && opts.maxStdoutBytes !== undefined && outBytes >= opts.maxStdoutBytes ? 0 : 124);
      resolve({ code: c, stdout, stderr: Buffer.concat(err).toString('utf8'), combined: Buffer.concat(both).toString('utf8') });
    });
  });
}

/** First non-empty line of an engine's error output, for one-line messages. */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  );
}

/**
 * A command that prints the engine's version only when the engine itself answers: docker's
 * client prints the server part only with a daemon; local podman has no server part, and its
 * `info` needs a working storage and runtime.
 */
export function probeArgs(engine: Engine): string[] {
  return engine.kind === 'podman' ? ['info', '--format', '{{.Version.Version}}'] : ['version', '--format', '{{.Server.Version}}'];
}

/** Throws a UsageError (exit 2) unless the engine's daemon answers. */
export async function ensureEngine(env: NodeJS.ProcessEnv): Promise<Engine> {
  const engine = resolveEngine(env);
  if (!engine) throw new UsageError('verify needs docker or podman on PATH (or CREATE_LAMBDA_IMAGE_DOCKER naming one)');
  const r = await exec(engine, probeArgs(engine), { timeoutMs: 15_000 });
  if (r.code !== 0 || !r.stdout.trim()) {
    const why = r.code === 127 ? `cannot execute ${engine.bin}` : firstLine(r.stderr) || `exit ${r.code}`;
    throw new UsageError(`the ${engine.kind} engine does not answer (${why})`);
  }
  return engine;
}

// ---------------------------------------------------------------------------------------------
// build

export interface Builder {
  env: NodeJS.ProcessEnv;
  platform: boolean;
  provenance: boolean;
  /** Set when we fell back to something slower; printed to stderr. */
  note?: string;
}

/**
 * How to build with this client. A client with buildx: BuildKit with every flag. Debian's 20.10
 * client: no buildx, but DOCKER_BUILDKIT=1 drives the daemon's built-in BuildKit. A newer client
 * without buildx refuses DOCKER_BUILDKIT=1 ("buildx component is missing"): legacy builder.
 * Flags are then taken from that mode's own `build --help`, so we pass only what it accepts.
 */
export async function detectBuilder(engine: Engine): Promise<Builder> {
  const helpFlags = async (env: NodeJS.ProcessEnv): Promise<{ ok: boolean; platform: boolean; provenance: boolean }> => {
    const r = await exec(engine, ['build', '--help'], { env, timeoutMs: 15_000 });
    return { ok: r.code === 0, platform: /--platform\b/.test(r.stdout), provenance: /--provenance\b/.test(r.stdout) };
  };
  if (engine.kind === 'podman') return { env: engine.env, ...(await helpFlags(engine.env)) };
  if (engine.env.DOCKER_BUILDKIT !== undefined) {
    // The user chose; respect it.
    return { env: engine.env, ...(await helpFlags(engine.env)) };
  }
  const buildx = await exec(engine, ['buildx', 'version'], { timeoutMs: 15_000 });
  const bk = { ...engine.env, DOCKER_BUILDKIT: '1' };
  if (buildx.code === 0) return { env: bk, ...(await helpFlags(bk)) };
  const builtin = await helpFlags(bk);
  if (builtin.ok) return { env: bk, ...builtin };
  const legacy = { ...engine.env, DOCKER_BUILDKIT: '0' };
  return {
    env: legacy,
    ...(await helpFlags(legacy)),
    note: `${engine.bin} has no buildx plugin, so BuildKit is unavailable: using the legacy builder (slower). Set CREATE_LAMBDA_IMAGE_DOCKER to a client with BuildKit (for example Debian's /usr/bin/docker) to use it.`,
  };
}

export function buildArgs(builder: Builder, dir: string, tag: string, arch: Arch): string[] {
  const args = ['build', '-t', tag];
  if (builder.platform) args.push('--platform', `linux/${dockerArch(arch)}`);
  // Lambda rejects image indexes with attestation manifests; buildx adds one by default.
  if (builder.provenance) args.push('--provenance=false');
  args.push(dir);
  return args;
}

// ---------------------------------------------------------------------------------------------
// run

export type Arch = 'x86_64' | 'arm64';
export const dockerArch = (a: Arch): string => (a === 'x86_64' ? 'amd64' : 'arm64');

export interface LambdaEnvOptions {
  runtimeApi: string;
  functionName: string;
  memoryMb: number;
  region: string;
  /** The image's CMD joined by spaces (the handler setting of an image function); may be empty. */
  handler: string;
}

/**
 * What Lambda puts in a function's environment; every name and its source is in
 * LAMBDA_ENV_FACTS (facts.ts), and a test keeps the two lists equal.
 */
export function lambdaEnv(o: LambdaEnvOptions, now = new Date()): Record<string, string> {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    _HANDLER: o.handler,
    AWS_LAMBDA_RUNTIME_API: o.runtimeApi,
    AWS_LAMBDA_FUNCTION_NAME: o.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(o.memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${o.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `${day}/[$LATEST]${'0'.repeat(32)}`,
    AWS_REGION: o.region,
    AWS_DEFAULT_REGION: o.region,
    LAMBDA_TASK_ROOT: LAMBDA.taskRoot,
    LAMBDA_RUNTIME_DIR: LAMBDA.runtimeDir,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000',
    _AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129',
    _AWS_XRAY_DAEMON_PORT: '2000',
    // Obviously fake, so an SDK call fails fast instead of using the caller's real identity.
    AWS_ACCESS_KEY_ID: 'FAKEVERIFYACCESSKEY0',
    AWS_SECRET_ACCESS_KEY: 'fake-secret-from-create-lambda-image-verify',
    AWS_SESSION_TOKEN: 'fake-session-token-from-create-lambda-image-verify',
  };
}

/** The name a container uses for the machine the engine's client runs on. */
export function hostAlias(engine: Engine): string {
  return engine.kind === 'podman' ? 'host.containers.internal' : 'host.docker.internal';
}

export interface RunOptions {
  name: string;
  image: string;
  memoryMb: number;
  /** CPUs granted (Lambda's memory-proportional share, capped by the engine's CPUs). */
  cpus: number;
  tmpMb: number;
  /**
   * 'volume': /tmp on a disk-backed anonymous volume, so it does not count against memory (as on
   * Lambda); 'tmpfs': an in-memory /tmp, for images without a world-writable /tmp to copy up.
   */
  tmp: 'volume' | 'tmpfs';
  env: Record<string, string>;
  engine: Engine;
}

/** The sandbox Lambda gives a function, as far as a container can mimic it. */
export function runArgs(o: RunOptions): string[] {
  const args = [
    'run', '-d', '--name', o.name,
    // Lambda's /tmp allows exec (the Java runtime client loads its native library from there);
    // an engine's tmpfs is noexec unless told otherwise (a volume is not).
    '--read-only',
    ...(o.tmp === 'volume' ? ['--mount', `type=volume,dst=${LAMBDA.tmpDir}`] : ['--tmpfs', `${LAMBDA.tmpDir}:rw,exec,mode=1777,size=${o.tmpMb}m`]),
    // Lambda runs functions as an unprivileged user (LAMBDA.user) without a writable HOME.
    // HOME is deliberately not set (the engine makes it "/", read-only).
    '--user', LAMBDA_USER,
    '--memory', `${o.memoryMb}m`, '--memory-swap', `${o.memoryMb}m`,
    '--cpus', o.cpus.toFixed(2),
    '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges',
    // Lambda's quotas: 1024 processes/threads and 1024 file descriptors. Setting nproc also
    // matters for podman: its default nproc is above what a container without
    // CAP_SYS_RESOURCE may set, and runc then refuses to start it.
    '--pids-limit', '1024', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024',
    // The engine's default bridge, never the host's network: the function reaches the emulator
    // through the host alias, and no service bound to the host's loopback.
    ...(o.engine.kind === 'docker' ? ['--add-host', `${hostAlias(o.engine)}:host-gateway`] : []),
  ];
  for (const [k, v] of Object.entries(o.env)) args.push('-e', `${k}=${v}`);
  args.push(o.image);
  return args;
}

/** CPUs the engine can grant (docker refuses --cpus above it); undefined when it does not say. */
export async function engineCpus(engine: Engine): Promise<number | undefined> {
  const r = await exec(engine, ['info', '--format', engine.kind === 'podman' ? '{{.Host.CPUs}}' : '{{.NCPU}}'], { timeoutMs: 15_000 });
  const n = parseInt(r.stdout.trim(), 10);
  return r.code === 0 && n > 0 ? n : undefined;
}

/**
 * Local addresses the engine's containers reach the host by: the default bridge's gateway when
 * the engine runs on this machine (Linux). Docker Desktop and podman machines forward the host
 * alias to the host's loopback instead, which is always listened on.
 */
export async function bridgeGateways(engine: Engine): Promise<string[]> {
  const net = engine.kind === 'podman' ? 'podman' : 'bridge';
  const r = await exec(engine, ['network', 'inspect', net, '--format', '{{json .}}'], { timeoutMs: 60_000 });
  const found = new Set<string>();
  if (r.code === 0) {
    for (const m of r.stdout.matchAll(/"[Gg]ateway"\s*:\s*"(\d+\.\d+\.\d+\.\d+)"/g)) found.add(m[1]!);
    // docker leaves Gateway out of IPAM when it picked the default, which is the subnet's first
    // address. (The interface itself may be down while no container runs, so Node does not list it.)
    for (const m of r.stdout.matchAll(/"[Ss]ubnet"\s*:\s*"(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)"/g)) {
      const bits = Number(m[5]);
      if (bits < 8 || bits > 30) continue;
      const n = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
      const first = ((n & (0xffffffff << (32 - bits))) >>> 0) + 1;
      found.add([24, 16, 8, 0].map((sh) => (first >>> sh) & 255).join('.'));
    }
    for (const m of r.stdout.matchAll(/"com\.docker\.network\.bridge\.name"\s*:\s*"([^"]+)"/g)) {
      for (const a of networkInterfaces()[m[1]!] ?? []) if (a.family === 'IPv4') found.add(a.address);
    }
  }
  // A slow or failing inspect must not leave the container without a way in: fall back to the
  // engines' usual bridge interfaces on this machine.
  if (found.size === 0) {
    for (const [name, addrs] of Object.entries(networkInterfaces())) {
      if (/^(docker0|podman0|cni-podman0)$/.test(name)) for (const a of addrs ?? []) if (a.family === 'IPv4') found.add(a.address);
    }
  }
  return [...found];
}

/** Force-removes a container at once, ignoring "no such container". */
export async function removeContainer(engine: Engine, name: string): Promise<void> {
  await exec(engine, removeArgs(engine, name), { timeoutMs: 30_000 });
}

/** podman's `rm -f` first sends SIGTERM and waits 10 s (a shell as PID 1 ignores it); docker kills. */
export function removeArgs(engine: Engine, name: string): string[] {
  return engine.kind === 'podman' ? ['rm', '-f', '-v', '-t', '0', name] : ['rm', '-f', '-v', name];
}
