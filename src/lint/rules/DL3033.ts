import { defineRule } from '../engine';
import { eachCommand, installOf } from './util';
import { rpmPinned } from './rpm';

export const rule = defineRule({
  id: 'DL3033',
  severity: 'warning',
  description: 'yum install needs package-version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const inst = installOf(cmd);
      if (inst?.manager !== 'yum' || cmd.words.includes('groupinstall')) return null;
      const loose = inst.packages.filter((p) => !rpmPinned(p));
      return loose.length ? `yum install without versions (${loose.join(', ')}); write <package>-<version>.` : null;
    }),
});
