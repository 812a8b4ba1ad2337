import type { Finding } from './inspect';
import { exitCodeFor, type Observed, type Sandbox, type VerifyResult } from './run';
import { VERIFY_SOURCES } from './facts';

export interface ReportContext {
  image: string;
  imageId?: string;
  arch: string;
  entrypoint?: string;
  findings?: Finding[];
  /** What the container was given; absent when it was not run. */
  sandbox?: Omit<Sandbox, 'env'>;
}

const HEADLINE: Record<VerifyResult['kind'], string> = {
  response: 'response (the function answered)',
  'function-error': 'function error',
  'init-error': 'init error',
  timeout: 'timeout',
  'exit-error': 'runtime exited without answering',
  'image-problems': 'image problems (not run)',
};

/**
 * Text from the function or the image shown on a terminal: every control character (C0, DEL,
 * C1, including newline and carriage return) becomes a visible escape, so output cannot move the
 * cursor, recolour, or start a line that looks like the report's own.
 */
export function escapeForTty(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

const ms = (n: number): string => `${n.toFixed(2)} ms`;

/**
 * Lambda's per-invocation summary line (monitoring page): Duration, Billed Duration, Memory Size,
 * Max Memory Used, Init Duration on a cold start. Billed Duration counts init too: Lambda bills
 * the init phase of on-demand functions. Fields that were not measured are left out.
 */
export function reportLine(r: VerifyResult, memoryMb: number | undefined): string | undefined {
  if (r.kind === 'image-problems') return undefined;
  const parts: string[] = [];
  if (r.requestId) parts.push(`RequestId: ${r.requestId}`);
  if (r.invokeMs !== undefined) {
    parts.push(`Duration: ${ms(r.invokeMs)}`, `Billed Duration: ${Math.ceil(r.invokeMs + (r.initMs ?? 0))} ms`);
  }
  if (memoryMb !== undefined) parts.push(`Memory Size: ${memoryMb} MB`);
  if (r.observed?.maxMemoryMb !== undefined) parts.push(`Max Memory Used: ${r.observed.maxMemoryMb} MB`);
  if (r.initMs !== undefined) parts.push(`Init Duration: ${ms(r.initMs)}`);
  if (r.kind === 'timeout') parts.push('Status: timeout');
  // Lambda separates the fields with tabs.
  return parts.length > 0 ? `REPORT ${parts.join('\t')}` : undefined;
}

function sandboxText(s: Omit<Sandbox, 'env'>): string {
  const cpu = s.cpus < s.cpusWanted ? `${s.cpus} CPU (Lambda's share is ${s.cpusWanted}; the engine has fewer)` : `${s.cpus} CPU`;
  const tmp = s.tmp === 'volume' ? `/tmp ${s.tmpMb} MB on a volume, separate from memory` : `/tmp ${s.tmpMb} MB in memory (the image has no world-writable /tmp to copy)`;
  return `read-only root, user ${s.user}, ${tmp}, ${s.memoryMb} MB memory, ${cpu}, timeout ${s.timeoutS} s, init limit ${s.initLimitMs / 1000} s, no capabilities, bridge network`;
}

function observedText(o: Observed): string | undefined {
  const parts: string[] = [];
  const c = o.container;
  if (c?.readOnlyRoot !== undefined) parts.push(`root ${c.readOnlyRoot ? 'read-only' : 'WRITABLE'}`);
  if (c?.user !== undefined) parts.push(`user ${c.user || 'image default'}`);
  if (c?.memoryMb !== undefined) parts.push(`memory limit ${c.memoryMb} MB`);
  if (c?.cpus !== undefined) parts.push(`CPU limit ${c.cpus}`);
  if (c?.network !== undefined) parts.push(`network ${c.network}`);
  if (c?.tmp !== undefined) parts.push(`/tmp ${c.tmp}`);
  if (o.tmpUsedBytes !== undefined) parts.push(`/tmp used ${o.tmpUsedBytes} bytes`);
  if (o.maxMemoryMb !== undefined) parts.push(`peak memory ${o.maxMemoryMb} MB (sampled)`);
  if (o.streamedBytes !== undefined) parts.push(`streamed response ${o.streamedBytes} bytes`);
  return parts.length ? parts.join(', ') : undefined;
}

/** Text for stdout: aligned `label: value` lines, logs indented, function output escaped. */
export function formatText(ctx: ReportContext, r: VerifyResult): string {
  const lines: string[] = [];
  const row = (label: string, value: string): number => lines.push(`${`${label}:`.padEnd(11)}${value}`);
  row('image', `${escapeForTty(ctx.image)}${ctx.entrypoint ? `  (runs ${escapeForTty(ctx.entrypoint)})` : ''}`);
  row('arch', ctx.arch);
  for (const f of ctx.findings ?? []) row('finding', `${escapeForTty(f.message)} (${f.source})`);
  row('result', HEADLINE[r.kind]);
  if (r.kind === 'image-problems') {
    for (const p of r.problems) row('problem', escapeForTty(p));
    return `${lines.join('\n')}\n`;
  }
  if (r.kind === 'response') row('response', escapeForTty(r.body));
  else {
    row('error', escapeForTty(`${r.errorType}: ${r.errorMessage}`));
    if (r.containerExitCode !== undefined) row('exit code', String(r.containerExitCode));
  }
  if (r.observed?.streamedBytes !== undefined && r.kind === 'response' && Buffer.byteLength(r.body) < r.observed.streamedBytes) {
    row('note', `streamed response: the first ${Buffer.byteLength(r.body)} of ${r.observed.streamedBytes} bytes are shown`);
  }
  if (r.initMs !== undefined) row('init', ms(r.initMs));
  if (r.invokeMs !== undefined) row('invoke', ms(r.invokeMs));
  if (r.observed?.initRetried) {
    row('note', `init passed the ${r.observed.initRetried.firstAttemptMs / 1000} s init limit, so it was re-run within the function timeout, as Lambda does (${VERIFY_SOURCES.lifecycle})`);
  }
  for (const v of r.violations ?? []) row('limit', escapeForTty(v));
  if (ctx.sandbox) row('enforced', sandboxText(ctx.sandbox));
  const seen = r.observed ? observedText(r.observed) : undefined;
  if (seen) row('observed', seen);
  const report = reportLine(r, ctx.sandbox?.memoryMb);
  if (report) lines.push(report);
  if (r.kind !== 'response' && r.logs?.length) {
    row('logs', `last ${r.logs.length} line(s)`);
    for (const l of r.logs) lines.push(`  | ${escapeForTty(l)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One JSON object; `response` is the body exactly as the function sent it. */
export function formatJson(ctx: ReportContext, r: VerifyResult): string {
  const { kind, ...rest } = r;
  const out: Record<string, unknown> = {
    image: ctx.image,
    ...(ctx.imageId ? { imageId: ctx.imageId } : {}),
    arch: ctx.arch,
    ...(ctx.entrypoint ? { entrypoint: ctx.entrypoint } : {}),
    findings: ctx.findings ?? [],
    result: kind,
    exitCode: exitCodeFor(r),
  };
  if (ctx.sandbox) out.enforced = ctx.sandbox;
  if (r.kind === 'response') {
    Object.assign(out, { requestId: r.requestId, response: r.body, initMs: r.initMs, invokeMs: r.invokeMs });
    if (r.observed) out.observed = r.observed;
    if (r.violations) out.violations = r.violations;
  } else if (r.kind === 'image-problems') {
    out.problems = r.problems;
  } else {
    const { errorType, errorMessage, stackTrace, ...more } = rest as Extract<VerifyResult, { errorType: string }>;
    out.error = { errorType, errorMessage, ...(stackTrace ? { stackTrace } : {}) };
    Object.assign(out, more);
  }
  if (r.kind !== 'image-problems') {
    out.report = {
      line: reportLine(r, ctx.sandbox?.memoryMb),
      ...(r.requestId ? { requestId: r.requestId } : {}),
      ...(r.invokeMs !== undefined ? { durationMs: r.invokeMs, billedDurationMs: Math.ceil(r.invokeMs + (r.initMs ?? 0)) } : {}),
      ...(ctx.sandbox ? { memorySizeMb: ctx.sandbox.memoryMb } : {}),
      ...(r.observed?.maxMemoryMb !== undefined ? { maxMemoryUsedMb: r.observed.maxMemoryMb } : {}),
      ...(r.initMs !== undefined ? { initDurationMs: r.initMs } : {}),
    };
  }
  return `${JSON.stringify(out)}\n`;
}
