/**
 * One invocation in a Lambda-like sandbox: start the emulator, start the container, and race
 * the emulator's outcome against the container exiting and the init limit.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../errors';
import { exec, firstLine, lambdaEnv, removeArgs, removeContainer, runArgs, type Engine } from './docker';
import { RuntimeApiEmulator, type Outcome } from './emulator';

/** Lambda gives init (the runtime's start-up until its first /next) 10 seconds. */
export const INIT_LIMIT_MS = 10_000;
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

export type VerifyResult =
  | ({ kind: 'response'; requestId: string; body: string } & Timings)
  | ({
      kind: ErrorKind;
      errorType: string;
      errorMessage: string;
      stackTrace?: string[];
      containerExitCode?: number;
      logs?: string[];
    } & Timings)
  | { kind: 'image-problems'; problems: string[] };

/** 0 when the function answered, 1 for everything the function or image got wrong. */
export function exitCodeFor(result: VerifyResult): 0 | 1 {
  return result.kind === 'response' ? 0 : 1;
}

export interface RunAsLambdaOptions {
  image: string;
  event: string;
  timeoutS: number;
  memoryMb: number;
  functionName: string;
  region: string;
  initLimitMs?: number;
}

type Race = { t: 'outcome'; o: Outcome } | { t: 'exit'; code: number } | { t: 'init-limit' };

export async function runAsLambda(engine: Engine, o: RunAsLambdaOptions): Promise<VerifyResult> {
  const emu = new RuntimeApiEmulator({
    event: o.event,
    timeoutMs: o.timeoutS * 1000,
    functionArn: `arn:aws:lambda:${o.region}:123456789012:function:${o.functionName}`,
  });
  const runtimeApi = await emu.listen();
  const name = `cli-verify-${randomBytes(6).toString('hex')}`;
  const unhook = removeOnSignal(engine, name);
  const timers: NodeJS.Timeout[] = [];
  const after = <T>(ms: number, v: T): Promise<T> => new Promise((r) => timers.push(setTimeout(() => r(v), ms)));
  try {
    const env = lambdaEnv({ runtimeApi, functionName: o.functionName, memoryMb: o.memoryMb, region: o.region });
    const spawnedEpoch = Date.now();
    const run = await exec(engine, runArgs({ name, image: o.image, memoryMb: o.memoryMb, env }), { timeoutMs: 120_000 });
    if (run.code !== 0) {
      const why = firstLine(run.stderr.replace(/^WARNING:.*$/gm, ''));
      // The engine could not exec the entrypoint: Lambda calls that an invalid entrypoint.
      if (RUN_EXEC_FAILED.test(why)) {
        return { kind: 'init-error', errorType: 'Runtime.InvalidEntrypoint', errorMessage: why };
      }
      throw new UsageError(`cannot run ${o.image}: ${why || `${engine.bin} exit ${run.code}`}`);
    }
    const exited = exec(engine, ['wait', name]).then((r): Race => {
      const code = parseInt(r.stdout.trim(), 10);
      return { t: 'exit', code: Number.isNaN(code) ? -1 : code };
    });
    const initLimit = new Promise<Race>((resolve) =>
      timers.push(setTimeout(() => emu.milestones.firstPoll === undefined && resolve({ t: 'init-limit' }), o.initLimitMs ?? INIT_LIMIT_MS)),
    );
    let first = await Promise.race([emu.outcome.then((x): Race => ({ t: 'outcome', o: x })), exited, initLimit]);
    if (first.t === 'exit') {
      // An answer posted just before exiting may still be in flight.
      first = await Promise.race([emu.outcome.then((x): Race => ({ t: 'outcome', o: x })), after(EXIT_GRACE_MS, first)]);
    }

    const timings = await measure(engine, name, emu, spawnedEpoch, first.t === 'outcome' && first.o.kind === 'init-error');
    if (first.t === 'outcome') {
      const x = first.o;
      if (x.kind === 'response') return { kind: 'response', requestId: x.requestId, body: x.body, ...timings };
      const logs = await logTail(engine, name);
      if (x.kind === 'timeout') return { kind: 'timeout', errorType: x.errorType, errorMessage: x.errorMessage, ...timings, logs };
      const kind = x.kind === 'init-error' ? 'init-error' : 'function-error';
      return { kind, errorType: x.errorType, errorMessage: x.errorMessage, ...(x.stackTrace ? { stackTrace: x.stackTrace } : {}), ...timings, logs };
    }
    const logs = await logTail(engine, name);
    if (first.t === 'init-limit') {
      const secs = (o.initLimitMs ?? INIT_LIMIT_MS) / 1000;
      return { kind: 'timeout', errorType: 'Sandbox.Timedout', errorMessage: `init did not finish within ${secs} s (the runtime never asked for an event)`, ...timings, logs };
    }
    const phase = emu.milestones.eventSent === undefined ? 'during init' : 'while handling the event';
    // runc reports a failed exec of the entrypoint (bad interpreter, wrong format) as the
    // container's only output; Lambda calls that an invalid entrypoint.
    const execFailure = emu.milestones.firstPoll === undefined && logs.length <= 2 ? logs.find((l) => LOG_EXEC_FAILED.test(l)) : undefined;
    if (execFailure) {
      return { kind: 'init-error', errorType: 'Runtime.InvalidEntrypoint', errorMessage: execFailure, containerExitCode: first.code, ...timings, logs };
    }
    const oom = (await exec(engine, ['inspect', '-f', '{{.State.OOMKilled}}', name])).stdout.trim() === 'true';
    return {
      kind: 'exit-error',
      errorType: oom ? 'Runtime.OutOfMemory' : 'Runtime.ExitError',
      errorMessage: oom
        ? `runtime killed for exceeding ${o.memoryMb} MB ${phase}`
        : `runtime exited with status ${first.code} ${phase} without answering`,
      containerExitCode: first.code,
      ...timings,
      logs,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    await removeContainer(engine, name);
    unhook();
    await emu.close();
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
    const pollEpoch = performance.timeOrigin + initEnd;
    // Fall back to the moment we asked the engine to start it (adds its ~0.3 s overhead).
    const from = started !== undefined && started <= pollEpoch ? started : spawnedEpoch;
    out.initMs = Math.round(pollEpoch - from);
  }
  if (m.eventSent !== undefined && m.answered !== undefined) out.invokeMs = Math.round(m.answered - m.eventSent);
  return out;
}

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
