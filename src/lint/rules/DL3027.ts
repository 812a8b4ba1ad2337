import { defineRule } from '../engine';
import { programName } from '../shell';
import { eachCommand } from './util';

export const rule = defineRule({
  id: 'DL3027',
  severity: 'warning',
  description: 'Scripts should call apt-get or apt-cache, not apt',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) =>
      programName(cmd) === 'apt' ? '`apt` has no stable command-line interface for scripts; use apt-get or apt-cache.' : null),
});
