import { defineRule } from '../engine';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3015',
  severity: 'info',
  description: 'apt-get install should skip recommended packages (--no-install-recommends)',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      if (installOf(cmd)?.manager !== 'apt-get') return null;
      const words = cmd.words.join(' ');
      const off = words.includes('--no-install-recommends') || /APT::Install-Recommends=(false|0)/i.test(words);
      return off ? null : 'apt-get install also pulls recommended packages; add --no-install-recommends.';
    }),
});
