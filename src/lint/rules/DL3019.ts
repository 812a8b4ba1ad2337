import { cacheMountTargets } from '../dockerfile';
import { defineRule } from '../engine';
import { hasFlag } from '../shell';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3019',
  severity: 'info',
  description: 'apk add should not keep its index cache (--no-cache)',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd, ins) => {
      if (installOf(cmd)?.manager !== 'apk') return null;
      if (cacheMountTargets(ins.trigger ?? ins).some((t) => t.startsWith('/var/cache/apk'))) return null;
      return hasFlag(cmd.words.slice(1), 'no-cache') ? null : 'apk add keeps its index cache in the layer; add --no-cache.';
    }),
});
