import { RICS, RIE_COMMAND } from '../../catalog/rics';
import { escapeRegExp } from '../../shared/regexp';
import { defineRule } from '../engine';
import { effectiveConfig, wordsOf } from './util';

/** A word that starts one of the catalogued clients. */
const RIC = new RegExp(RICS.flatMap((r) => (r.command ? [escapeRegExp(r.command)] : [])).join('|'));

/**
 * A runtime interface client started directly only works inside Lambda (it needs
 * AWS_LAMBDA_RUNTIME_API); to run the image locally, wrap it in the emulator.
 */
export const rule = defineRule({
  id: 'LAM028',
  severity: 'info',
  description: 'A runtime interface client needs the Runtime Interface Emulator to run outside Lambda',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    if (!final || ctx.base(final)?.kind !== 'other') return [];
    const { entrypoint } = effectiveConfig(ctx);
    const words = wordsOf(entrypoint);
    if (!entrypoint || !words.some((w) => RIC.test(w)) || words.some((w) => w.includes(RIE_COMMAND))) return [];
    if (ctx.finalInstructions().some((i) => i.argsText.includes(RIE_COMMAND))) return [];
    return [{ line: entrypoint.line, message: `ENTRYPOINT starts the runtime interface client directly, which fails outside Lambda (no AWS_LAMBDA_RUNTIME_API); to test locally, run it under the Runtime Interface Emulator (${RIE_COMMAND}), e.g. with an entry script that uses it when AWS_LAMBDA_RUNTIME_API is unset.` }];
  },
});
