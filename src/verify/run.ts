/**
 * One invocation in a Lambda-like sandbox: start the emulator, start the container, and race
 * the emulator's outcome against the container exiting and the init limit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { LAMBDA, LAMBDA_USER } from '../catalog';
import { UsageError } from '../shared/errors';
import { bridgeGateways, engineCpus, exec, firstLine, hostAlias, lambdaEnv, removeArgs, removeContainer, runArgs, type Engine } from './docker';
import { RuntimeApiEmulator, type Outcome } from './emulator';
import { cpusFor, INIT_LIMIT_MS } from './facts';

export { INIT_LIMIT_MS } from './facts';
/** After the container exits, how long an in-flight answer may still arrive. */
const EXIT_GRACE_MS = 300;
const LOG_LINES = 20;
/** The engine refused to start it: docker and podman both say `exec: "/path": <why>`. */
const RUN_EXEC_FAILED = /exec: "|exec format error|executable file .*not found/i;
/** It started, but runc ("exec /x: ...") or crun ("exec container process `/x`: ...") could not exec it. */
const LOG_EXEC_FAILED = /^exec \S+: .*(no such file|exec format|permission denied)|exec container process|executable file .*not found/i;

export type ErrorKind = 'function-error' | 'init-error' | 'timeout' | 'exit-error';

export interface Timings {
  initMs?: number;
  invokeMs?: number;
}

/** What the sandbox enforced and what was seen of the function, for the report. */
export interface Observed {
  /** Set when the first init ran past Lambda's init limit and was re-run within the timeout. */
  initRetried?: { firstAttemptMs: number };
  /** Highest memory use the engine reported while the function ran (sampled), in MB. */
  maxMemoryMb?: number;
  /** Bytes in /tmp when the invocation ended. */
  tmpUsedBytes?: number;
  /** As the engine applied them to the container. */
  container?: {
    readOnlyRoot?: boolean;
    user?: string;
    memoryMb?: number;
    cpus?: number;
    network?: string;
    tmp?: string;
  };
  /** Streamed response: total bytes the function sent. */
  streamedBytes?: number;
}

export interface Common extends Timings {
  observed?: Observed;
  /** Limits the function went past where Lambda enforces them differently (e.g. /tmp on a volume). */
  violations?: string[];
}

export type VerifyResult =
  | ({ kind: 'response'; requestId: string; body: string } & Common)
  | ({
      kind: ErrorKind;
      requestId?: string;
      errorType: string;
      errorMessage: string;
      stackTrace?: string[];
      containerExitCode?: number;
      logs?: string[];
    } & Common)
  | { kind: 'image-problems'; problems: string[] };

/** 0 when the function answered within every limit, 1 for everything the function or image got wrong. */
export function exitCodeFor(result: VerifyResult): 0 | 1 {
  return result.kind === 'response' && !result.violations?.length ? 0 : 1;
}

export interface RunAsLambdaOptions {
  image: string;
  event: string;
  timeoutS: number;
  memoryMb: number;
  tmpMb: number;
  tmp: 'volume' | 'tmpfs';
  functionName: string;
  region: string;
  handler: string;
  initLimitMs?: number;
}

/** What the sandbox is given, before it runs: the report's "enforced" half. */
export interface Sandbox {
  memoryMb: number;
  cpus: number;
  /** Lambda's share, when the engine has fewer CPUs than that. */
  cpusWanted: number;
  tmpMb: number;
  tmp: 'volume' | 'tmpfs';
  timeoutS: number;
  initLimitMs: number;
  user: string;
  env: Record<string, string>;
}

type Race = { t: 'outcome'; o: Outcome } | { t: 'exit'; code: number } | { t: 'init-limit' };

export async function planSandbox(engine: Engine, o: RunAsLambdaOptions): Promise<Omit<Sandbox, 'env'>> {
  const cpusWanted = cpusFor(o.memoryMb);
  const host = await engineCpus(engine);
  const cpus = Math.max(0.01, host !== undefined ? Math.min(cpusWanted, host) : cpusWanted);
  return { memoryMb: o.memoryMb, cpus, cpusWanted, tmpMb: o.tmpMb, tmp: o.tmp, timeoutS: o.timeoutS, initLimitMs: o.initLimitMs ?? INIT_LIMIT_MS, user: LAMBDA_USER };
}

/**
 * One on-demand invocation: init, then the event. If init does not reach its first /next within
 * the init limit, the sandbox is discarded and init runs again in a fresh one, this time within
 * the function timeout, which then covers init and the event together (as Lambda does).
 */
export async function runAsLambda(engine: Engine, o: RunAsLambdaOptions, sandbox?: Omit<Sandbox, 'env'>): Promise<VerifyResult & { kind: Exclude<VerifyResult['kind'], 'image-problems'> }> {
  const plan = sandbox ?? (await planSandbox(engine, o));
  const gateways = await bridgeGateways(engine);
  const first = await attempt(engine, o, plan, gateways, undefined);
  if (first.kind !== 'init-limit') return first.result;
  const second = await attempt(engine, o, plan, gateways, Date.now());
  if (second.kind === 'init-limit') throw new Error('init limit applies to the first attempt only');
  second.result.observed = { ...second.result.observed, initRetried: { firstAttemptMs: plan.initLimitMs } };
  return second.result;
}

type Attempt =
  | { kind: 'init-limit' }
  | { kind: 'done'; result: VerifyResult & { kind: Exclude<VerifyResult['kind'], 'image-problems'> } };

async function attempt(engine: Engine, o: RunAsLambdaOptions, plan: Omit<Sandbox, 'env'>, gateways: string[], invokeStartedAt: number | undefined): Promise<Attempt> {
  const emu = new RuntimeApiEmulator({
    event: o.event,
    timeoutMs: o.timeoutS * 1000,
    functionArn: `arn:aws:lambda:${o.region}:123456789012:function:${o.functionName}`,
    ...(invokeStartedAt !== undefined ? { invokeStartedAt } : {}),
  });
  const port = (await emu.listen(gateways)).split(':')[1]!;
  const name = `cli-verify-${randomBytes(6).toString('hex')}`;
  const unhook = removeOnSignal(engine, name);
  const timers: NodeJS.Timeout[] = [];
  const after = <T>(ms: number, v: T): Promise<T> => new Promise((r) => timers.push(setTimeout(() => r(v), ms)));
  let stats: MemorySampler | undefined;
  const done = (result: VerifyResult & { kind: Exclude<VerifyResult['kind'], 'image-problems'> }): Attempt => ({ kind: 'done', result });
  try {
    const env = lambdaEnv({ runtimeApi: `${hostAlias(engine)}:${port}`, functionName: o.functionName, memoryMb: o.memoryMb, region: o.region, handler: o.handler });
    const spawnedEpoch = Date.now();
    const run = await exec(engine, runArgs({ name, image: o.image, memoryMb: o.memoryMb, cpus: plan.cpus, tmpMb: plan.tmpMb, tmp: plan.tmp, env, engine }), { timeoutMs: 120_000 });
    if (run.code !== 0) {
      const why = firstLine(run.stderr.replace(/^WARNING:.*$/gm, ''));
      // The engine could not exec the entrypoint: Lambda calls that an invalid entrypoint.
      if (RUN_EXEC_FAILED.test(why)) {
        return done({ kind: 'init-error', errorType: 'Runtime.InvalidEntrypoint', errorMessage: why });
      }
      throw new UsageError(`cannot run ${o.image}: ${why || `${engine.bin} exit ${run.code}`}`);
    }
    // Lock the bridge listeners to this container's addresses.
    const addrs = await exec(engine, ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', name], { timeoutMs: 30_000 });
    emu.allowPeers(addrs.code === 0 ? addrs.stdout.split(/\s+/).filter((a) => /^[0-9a-f.:]+$/i.test(a)) : undefined);
    stats = sampleMemory(engine, name);
    const exited = exec(engine, ['wait', name]).then((r): Race => {
      const code = parseInt(r.stdout.trim(), 10);
      return { t: 'exit', code: Number.isNaN(code) ? -1 : code };
    });
    // First attempt: Lambda's init limit. A re-run init: whatever is left of the function timeout.
    const limitMs = invokeStartedAt === undefined ? plan.initLimitMs : Math.max(0, invokeStartedAt + o.timeoutS * 1000 - Date.now());
    const initLimit = new Promise<Race>((resolve) =>
      timers.push(setTimeout(() => emu.milestones.firstPoll === undefined && resolve({ t: 'init-limit' }), limitMs)),
    );
    let first = await Promise.race([emu.outcome.then((x): Race => ({ t: 'outcome', o: x })), exited, initLimit]);
    if (first.t === 'exit') {
      // An answer posted just before exiting may still be in flight.
      first = await Promise.race([emu.outcome.then((x): Race => ({ t: 'outcome', o: x })), after(EXIT_GRACE_MS, first)]);
    }
    if (first.t === 'init-limit' && invokeStartedAt === undefined) return { kind: 'init-limit' };

    const timings = await measure(engine, name, emu, spawnedEpoch, first.t === 'outcome' && first.o.kind === 'init-error');
    const observed = await observe(engine, name, plan, stats);
    const violations = tmpViolations(plan, observed);
    const common: Common = { ...timings, observed, ...(violations.length ? { violations } : {}) };
    if (first.t === 'outcome') {
      const x = first.o;
      if ('streamed' in x && x.streamed) observed.streamedBytes = x.streamed.bytes;
      if (x.kind === 'response') return done({ kind: 'response', requestId: x.requestId, body: x.body, ...common });
      const logs = await logTail(engine, name);
      if (x.kind === 'timeout') return done({ kind: 'timeout', requestId: x.requestId, errorType: x.errorType, errorMessage: x.errorMessage, ...common, logs });
      const kind = x.kind === 'init-error' ? 'init-error' : 'function-error';
      const requestId = x.kind === 'function-error' ? { requestId: x.requestId } : {};
      return done({ kind, ...requestId, errorType: x.errorType, errorMessage: x.errorMessage, ...(x.stackTrace ? { stackTrace: x.stackTrace } : {}), ...common, logs });
    }
    const logs = await logTail(engine, name);
    if (first.t === 'init-limit') {
      return done({ kind: 'timeout', errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${o.timeoutS.toFixed(2)} seconds (init was re-run after passing the ${plan.initLimitMs / 1000} s init limit and did not finish within the function timeout)`, ...common, logs });
    }
    const phase = emu.milestones.eventSent === undefined ? 'during init' : 'while handling the event';
    // runc reports a failed exec of the entrypoint (bad interpreter, wrong format) as the
    // container's only output; Lambda calls that an invalid entrypoint.
    const execFailure = emu.milestones.firstPoll === undefined && logs.length <= 2 ? logs.find((l) => LOG_EXEC_FAILED.test(l)) : undefined;
    if (execFailure) {
      return done({ kind: 'init-error', errorType: 'Runtime.InvalidEntrypoint', errorMessage: execFailure, containerExitCode: first.code, ...common, logs });
    }
    const oom = (await exec(engine, ['inspect', '-f', '{{.State.OOMKilled}}', name])).stdout.trim() === 'true';
    return done({
      kind: 'exit-error',
      errorType: oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError',
      errorMessage: oom
        ? `runtime killed for exceeding ${o.memoryMb} MB ${phase}`
        : `runtime exited with status ${first.code} ${phase} without answering`,
      containerExitCode: first.code,
      ...common,
      logs,
    });
  } finally {
    stats?.stop();
    for (const t of timers) clearTimeout(t);
    await removeContainer(engine, name);
    unhook();
    await emu.close();
  }
}

/** A disk-backed /tmp has no size limit of its own: going past Lambda's is reported instead. */
function tmpViolations(plan: Omit<Sandbox, 'env'>, observed: Observed): string[] {
  const limit = plan.tmpMb * 1024 * 1024;
  if (plan.tmp !== 'volume' || observed.tmpUsedBytes === undefined || observed.tmpUsedBytes <= limit) return [];
  return [`/tmp held ${observed.tmpUsedBytes} bytes, over the ${plan.tmpMb} MB (${limit} bytes) configured: on Lambda writes past that fail with ENOSPC (raise it with --tmp-size)`];
}

interface MemorySampler {
  max(): number | undefined;
  stop(): void;
}

/** `stats` streams a sample about once a second; the highest is the closest to Lambda's Max Memory Used. */
function sampleMemory(engine: Engine, name: string): MemorySampler {
  let maxBytes: number | undefined;
  let child: ReturnType<typeof spawn> | undefined;
  try {
    child = spawn(engine.bin, ['stats', '--format', '{{.MemUsage}}', name], { env: engine.env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.on('error', () => undefined);
    child.stdout?.on('data', (b: Buffer) => {
      for (const bytes of memUsages(b.toString('utf8'))) if (maxBytes === undefined || bytes > maxBytes) maxBytes = bytes;
    });
  } catch {
    child = undefined;
  }
  return {
    max: () => (maxBytes === undefined ? undefined : Math.ceil(maxBytes / (1024 * 1024))),
    stop: () => {
      child?.kill('SIGKILL');
    },
  };
}

/** The "used" halves of `stats` MemUsage columns ("12.5MiB / 128MiB"), in bytes. */
function memUsages(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/([\d.]+)\s*([KMGT]?i?B)\s*\//g)) {
    const bytes = toBytes(Number(m[1]), m[2]!);
    if (bytes !== undefined) out.push(bytes);
  }
  return out;
}

/** Highest usage in `stats` output, in whole MB (rounded up, as Lambda's report does). */
export function parseMemUsage(text: string): number | undefined {
  const all = memUsages(text);
  return all.length ? Math.ceil(Math.max(...all) / (1024 * 1024)) : undefined;
}

/** "12.5MiB" and "12.5MB" (docker prints binary units, podman decimal ones). */
export function toBytes(n: number, unit: string): number | undefined {
  const pow: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };
  const p = pow[unit];
  return p === undefined || Number.isNaN(n) ? undefined : n * p;
}

/** The container as the engine applied it, the memory peak, and what /tmp holds. */
async function observe(engine: Engine, name: string, plan: Omit<Sandbox, 'env'>, stats: MemorySampler | undefined): Promise<Observed> {
  const out: Observed = {};
  let peak = stats?.max();
  if (peak === undefined) {
    // A quick function can finish before the first streamed sample: take one now (the runtime
    // is parked on /next, so its memory is still there).
    const once = await exec(engine, ['stats', '--no-stream', '--format', '{{.MemUsage}}', name], { timeoutMs: 30_000 });
    peak = parseMemUsage(once.stdout);
  }
  if (peak !== undefined) out.maxMemoryMb = peak;
  const r = await exec(engine, ['inspect', '--type', 'container', name], { timeoutMs: 30_000 });
  try {
    const c = (JSON.parse(r.stdout) as ContainerInfo[])[0];
    if (c) {
      const h = c.HostConfig ?? {};
      const tmpMount = c.Mounts?.find((m) => m.Destination === LAMBDA.tmpDir);
      out.container = {
        ...(h.ReadonlyRootfs !== undefined ? { readOnlyRoot: h.ReadonlyRootfs } : {}),
        ...(c.Config?.User !== undefined ? { user: c.Config.User } : {}),
        ...(h.Memory ? { memoryMb: Math.round(h.Memory / (1024 * 1024)) } : {}),
        ...(h.NanoCpus ? { cpus: h.NanoCpus / 1e9 } : {}),
        ...(h.NetworkMode ? { network: h.NetworkMode } : {}),
        ...(tmpMount ? { tmp: `${tmpMount.Type ?? 'mount'}` } : h.Tmpfs?.[LAMBDA.tmpDir] !== undefined ? { tmp: `tmpfs ${h.Tmpfs[LAMBDA.tmpDir]}` } : {}),
      };
    }
  } catch {
    // An engine that prints no JSON here: nothing observed.
  }
  if (plan.tmp === 'volume') {
    const used = await tmpBytes(engine, name);
    if (used !== undefined) out.tmpUsedBytes = used;
  }
  return out;
}

interface ContainerInfo {
  Config?: { User?: string };
  HostConfig?: { ReadonlyRootfs?: boolean; Memory?: number; NanoCpus?: number; NetworkMode?: string; Tmpfs?: Record<string, string> };
  Mounts?: Array<{ Type?: string; Destination?: string }>;
}

/** Sums the sizes of the regular files in a tar stream of /tmp, reading it as it comes. */
async function tmpBytes(engine: Engine, name: string): Promise<number | undefined> {
  const counter = new TarSizeCounter();
  const r = await exec(engine, ['cp', `${name}:/tmp`, '-'], { timeoutMs: 10 * 60_000, binary: (b) => counter.push(b), discardStdout: true });
  return r.code === 0 ? counter.total : undefined;
}

/** Streaming tar reader that keeps only the running total of file sizes. */
export class TarSizeCounter {
  total = 0;
  private skip = 0;
  private header = Buffer.alloc(0);
  private ended = false;

  push(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length && !this.ended) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - off);
        this.skip -= n;
        off += n;
        continue;
      }
      const need = 512 - this.header.length;
      this.header = Buffer.concat([this.header, chunk.subarray(off, off + need)]);
      off += Math.min(need, chunk.length - off);
      if (this.header.length < 512) return;
      const h = this.header;
      this.header = Buffer.alloc(0);
      if (h.every((b) => b === 0)) {
        this.ended = true;
        return;
      }
      const type = String.fromCharCode(h[156] ?? 0);
      const size = parseInt(h.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim() || '0', 8) || 0;
      if (type === '0' || type === '\0' || type === '7') this.total += size;
      this.skip = Math.ceil(size / 512) * 512;
    }
  }
}

/** init: container start (the engine's StartedAt) to the first /next; invoke: event handed out to answer. */
async function measure(engine: Engine, name: string, emu: RuntimeApiEmulator, spawnedEpoch: number, initErrored: boolean): Promise<Timings> {
  const m = emu.milestones;
  const out: Timings = {};
  // Init ends at the first /next, or at an init error reported instead.
  const initEnd = m.firstPoll ?? (initErrored ? m.answered : undefined);
  if (initEnd !== undefined) {
    const started = parseStartedAt((await exec(engine, ['inspect', '-f', '{{.State.StartedAt}}', name])).stdout);
    // The monotonic milestone in wall-clock time as of now: performance.timeOrigin is fixed when
    // the process starts, and the wall clock can drift or be stepped from it since.
    const pollEpoch = Date.now() - (performance.now() - initEnd);
    // Fall back to the moment we asked the engine to start it (adds its ~0.3 s overhead).
    const from = started !== undefined && started <= pollEpoch ? started : spawnedEpoch;
    out.initMs = round2(pollEpoch - from);
  }
  if (m.eventSent !== undefined && m.answered !== undefined) out.invokeMs = round2(m.answered - m.eventSent);
  return out;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The engine's container start time: RFC 3339 with nanoseconds (docker), or Go's default time
 * format "2025-03-01 10:00:00.123456789 +0000 UTC" (podman). Anything else yields undefined.
 */
export function parseStartedAt(text: string): number | undefined {
  let s = text.trim();
  const go = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?) ([+-]\d\d)(\d\d)\b/.exec(s);
  if (go) s = `${go[1]}T${go[2]}${go[3]}:${go[4]}`;
  s = s.replace(/(\.\d{3})\d*/, '$1');
  if (!/^\d{4}-\d\d-\d\dT/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) || t <= 0 ? undefined : t;
}

async function logTail(engine: Engine, name: string): Promise<string[]> {
  const r = await exec(engine, ['logs', '--tail', String(LOG_LINES), name], { timeoutMs: 30_000 });
  return r.combined.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-LOG_LINES);
}

/** Ctrl-C or SIGTERM while a container runs: remove it, then let the signal take its course. */
function removeOnSignal(engine: Engine, name: string): () => void {
  const handler = (sig: NodeJS.Signals): void => {
    spawnSync(engine.bin, removeArgs(engine, name), { env: engine.env, stdio: 'ignore', timeout: 15_000 });
    unhook();
    // If nobody else handles it, re-raise so the default behaviour (exit 130/143) happens.
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  const unhook = (): void => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return unhook;
}
