import { defineRule } from '../engine';
import { hasFlag } from '../shell';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3014',
  severity: 'warning',
  description: 'apt-get install needs -y to run unattended',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      if (installOf(cmd)?.manager !== 'apt-get') return null;
      const args = cmd.words.slice(1);
      // -qq implies -y; -q=2 as well.
      const yes = hasFlag(args, 'y', 'yes', 'assume-yes') || args.includes('-qq') || args.includes('-q=2') || args.includes('--quiet=2');
      return yes ? null : 'apt-get install without -y waits for an answer that never comes in a build; add -y.';
    }),
});
