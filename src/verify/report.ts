import { exitCodeFor, type VerifyResult } from './run';

export interface ReportContext {
  image: string;
  imageId?: string;
  arch: string;
  entrypoint?: string;
}

const HEADLINE: Record<VerifyResult['kind'], string> = {
  response: 'response (the function answered)',
  'function-error': 'function error',
  'init-error': 'init error',
  timeout: 'timeout',
  'exit-error': 'runtime exited without answering',
  'image-problems': 'image problems (not run)',
};

/** Text for stdout: aligned `label: value` lines, logs indented. */
export function formatText(ctx: ReportContext, r: VerifyResult): string {
  const lines: string[] = [];
  const row = (label: string, value: string): number => lines.push(`${`${label}:`.padEnd(11)}${value}`);
  row('image', `${ctx.image}${ctx.entrypoint ? `  (entrypoint ${ctx.entrypoint})` : ''}`);
  row('result', HEADLINE[r.kind]);
  if (r.kind === 'image-problems') {
    for (const p of r.problems) row('problem', p);
    return `${lines.join('\n')}\n`;
  }
  if (r.kind === 'response') row('response', r.body);
  else {
    row('error', `${r.errorType}: ${r.errorMessage}`);
    if (r.containerExitCode !== undefined) row('exit code', String(r.containerExitCode));
  }
  if (r.initMs !== undefined) row('init', `${r.initMs} ms`);
  if (r.invokeMs !== undefined) row('invoke', `${r.invokeMs} ms`);
  if (r.kind !== 'response' && r.logs?.length) {
    row('logs', `last ${r.logs.length} line(s)`);
    for (const l of r.logs) lines.push(`  | ${l}`);
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
    result: kind,
    exitCode: exitCodeFor(r),
  };
  if (r.kind === 'response') {
    Object.assign(out, { requestId: r.requestId, response: r.body, initMs: r.initMs, invokeMs: r.invokeMs });
  } else if (r.kind === 'image-problems') {
    out.problems = r.problems;
  } else {
    const { errorType, errorMessage, stackTrace, ...more } = rest as Extract<VerifyResult, { errorType: string }>;
    out.error = { errorType, errorMessage, ...(stackTrace ? { stackTrace } : {}) };
    Object.assign(out, more);
  }
  return `${JSON.stringify(out)}\n`;
}
