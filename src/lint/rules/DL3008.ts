import { defineRule } from '../engine';
import { eachCommand, installOf } from './util';

/** apt-get install packages need `pkg=version` (a release `pkg/suite` or a local .deb also pins). */
export const rule = defineRule({
  id: 'DL3008',
  severity: 'warning',
  description: 'apt-get install needs package=version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const inst = installOf(cmd);
      if (inst?.manager !== 'apt-get') return null;
      const loose = inst.packages.filter((p) => !p.includes('=') && !p.includes('/') && !p.endsWith('.deb'));
      return loose.length ? `apt-get install without version pins (${loose.join(', ')}); write <package>=<version>.` : null;
    }),
});
