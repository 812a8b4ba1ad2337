import { defineRule, runInstructions } from '../engine';
import { programName } from '../shell';

/** Checked on the raw commands: the shared helper strips sudo as a wrapper. */
export const rule = defineRule({
  id: 'DL3004',
  severity: 'error',
  description: 'RUN must not call sudo',
  check: (ctx) =>
    runInstructions(ctx.df.instructions)
      .filter((i) => ctx.shell(i).commands.some((c) => programName(c) === 'sudo'))
      .map((i) => ({ line: i.line, message: 'RUN uses sudo, which behaves unpredictably in a build; RUN already runs as the current USER (switch USER if you need root).' })),
});
