import { defineRule } from '../engine';
import { programName } from '../shell';
import { eachCommand } from './util';

export const rule = defineRule({
  id: 'DL3003',
  severity: 'warning',
  description: 'Change directories with WORKDIR, not cd inside RUN',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) =>
      programName(cmd) === 'cd' ? 'RUN changes directory with `cd`; set the directory with WORKDIR instead.' : null),
});
