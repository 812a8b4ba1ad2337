import { LAMBDA_RESERVED_PATHS } from '../../catalog';
import { defineRule, type RuleHit } from '../engine';

/** Variables Lambda defines itself at run time ("defined runtime environment variables"). */
export const RESERVED = new Set([
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_RUNTIME_API', '_HANDLER',
  '_X_AMZN_TRACE_ID', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_XRAY_CONTEXT_MISSING', 'AWS_XRAY_DAEMON_ADDRESS', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);
/** Values Lambda enforces anyway: setting them is harmless (and helps some clients). */
const ENFORCED = LAMBDA_RESERVED_PATHS;

export const rule = defineRule({
  id: 'LAM017',
  severity: 'warning',
  description: 'Do not set environment variables that Lambda reserves and sets itself',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const ins of ctx.finalInstructions()) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      const names = ins.pairs
        .filter((p) => RESERVED.has(p.name))
        .filter((p) => !(p.name in ENFORCED && (p.value ?? '').replace(/\/$/, '') === ENFORCED[p.name]))
        .map((p) => p.name);
      if (names.length === 0) continue;
      hits.push(ins.keyword === 'ENV'
        ? { line: ins.line, message: `ENV sets ${names.join(', ')}, which Lambda reserves and sets at run time; the image's value is overridden or breaks the runtime. Read it at run time instead.` }
        : { line: ins.line, level: 'info', message: `ARG ${names.join(', ')} shadows a variable Lambda reserves; it only exists during the build, at run time Lambda sets its own value.` });
    }
    return hits;
  },
});
