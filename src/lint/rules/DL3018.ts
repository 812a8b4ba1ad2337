import { defineRule } from '../engine';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3018',
  severity: 'warning',
  description: 'apk add needs package=version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const inst = installOf(cmd);
      if (inst?.manager !== 'apk') return null;
      const loose = inst.packages.filter((p) => !/[=<>~]/.test(p) && !p.endsWith('.apk'));
      return loose.length ? `apk add without versions (${loose.join(', ')}); write <package>=<version>.` : null;
    }),
});
