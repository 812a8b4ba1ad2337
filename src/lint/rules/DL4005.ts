import { defineRule } from '../engine';
import { programName } from '../shell';
import { eachCommand } from './util';

export const rule = defineRule({
  id: 'DL4005',
  severity: 'warning',
  description: 'Change the default shell with SHELL, not by relinking /bin/sh',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) =>
      programName(cmd) === 'ln' && cmd.words.slice(1).includes('/bin/sh')
        ? 'RUN relinks /bin/sh; change the shell for later RUNs with the SHELL instruction instead.'
        : null),
});
