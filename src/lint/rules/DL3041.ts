import { defineRule } from '../engine';
import { eachCommand, installOf } from './util';
import { rpmPinned } from './rpm';

export const rule = defineRule({
  id: 'DL3041',
  severity: 'warning',
  description: 'dnf/microdnf install needs package-version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const inst = installOf(cmd);
      if ((inst?.manager !== 'dnf' && inst?.manager !== 'microdnf') || cmd.words.includes('group') || cmd.words.includes('groupinstall')) return null;
      // `dnf module install name:stream` pins a stream.
      const isModule = cmd.words.includes('module');
      const loose = inst.packages.filter((p) => p !== 'install' && (isModule ? !p.includes(':') : !rpmPinned(p)));
      return loose.length ? `${inst.manager} install without versions (${loose.join(', ')}); write <package>-<version>.` : null;
    }),
});
