import { defineRule } from '../engine';
import { hasFlag } from '../shell';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3028',
  severity: 'warning',
  description: 'gem install needs version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const inst = installOf(cmd);
      if (inst?.manager !== 'gem' || hasFlag(inst.args, 'v', 'version')) return null;
      const loose = inst.packages.filter((p) => !p.includes(':') && !p.endsWith('.gem'));
      return loose.length ? `gem install without versions (${loose.join(', ')}); write <gem>:<version> or -v <version>.` : null;
    }),
});
