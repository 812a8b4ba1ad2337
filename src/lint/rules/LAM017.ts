import { LAMBDA_RESERVED_ENV, LAMBDA_RESERVED_PATHS } from '../../catalog';
import { defineRule, type RuleHit } from '../engine';

/** Variables Lambda defines itself at run time. */
export const RESERVED: ReadonlySet<string> = new Set(LAMBDA_RESERVED_ENV.names);
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
