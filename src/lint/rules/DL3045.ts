import { defineRule } from '../engine';
import { copyParts } from './util';

/** COPY to a relative path in a stage (or its parents) that never set WORKDIR. */
export const rule = defineRule({
  id: 'DL3045',
  severity: 'warning',
  description: 'COPY to a relative path needs a WORKDIR set in the stage',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => i.keyword === 'COPY')
      .filter((i) => {
        const parts = copyParts(i);
        if (!parts) return false;
        const dest = parts.dest.replace(/^["']|["']$/g, '');
        if (/^([/$]|[A-Za-z]:[\\/])/.test(dest)) return false;
        const stage = ctx.df.stages[i.stage];
        const scope = stage ? ctx.chain(stage).flatMap((s) => s.instructions) : ctx.df.instructions.filter((x) => x.stage < 0);
        return !scope.some((w) => w.keyword === 'WORKDIR' && w.line < i.line);
      })
      .map((i) => ({ line: i.line, message: 'COPY to a relative destination while no WORKDIR is set in this stage; set WORKDIR or use an absolute path.' })),
});
