import { defineRule } from '../engine';
import { hasFlag } from '../shell';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3030',
  severity: 'warning',
  description: 'yum install needs -y to run unattended',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) =>
      installOf(cmd)?.manager === 'yum' && !hasFlag(cmd.words.slice(1), 'y', 'assumeyes')
        ? 'yum install without -y waits for an answer that never comes in a build; add -y.'
        : null),
});
