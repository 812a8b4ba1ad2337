import { defineRule } from '../engine';
import { effectiveConfig, wordsOf } from './util';

const RIC = /awslambdaric|aws-lambda-ric|aws_lambda_ric|com\.amazonaws\.services\.lambda\.runtime\.api\.client\.AWSLambda/;

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
    if (!entrypoint || !words.some((w) => RIC.test(w)) || words.some((w) => /aws-lambda-rie/.test(w))) return [];
    if (ctx.finalInstructions().some((i) => /aws-lambda-rie/.test(i.argsText))) return [];
    return [{ line: entrypoint.line, message: 'ENTRYPOINT starts the runtime interface client directly, which fails outside Lambda (no AWS_LAMBDA_RUNTIME_API); to test locally, run it under the Runtime Interface Emulator (aws-lambda-rie), e.g. with an entry script that uses it when AWS_LAMBDA_RUNTIME_API is unset.' }];
  },
});
