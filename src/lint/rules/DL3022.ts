import { flagValue } from '../dockerfile';
import { defineRule } from '../engine';

/**
 * COPY --from must name an earlier stage (an index up to the current one, or an external image,
 * is also fine; an index equal to the current stage is left to Docker, as hadolint does). Stage
 * names compare case-insensitively, as Docker lower-cases them.
 */
export const rule = defineRule({
  id: 'DL3022',
  severity: 'warning',
  description: 'COPY --from must name a stage defined earlier',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => i.keyword === 'COPY')
      .flatMap((i) => {
        const from = flagValue(i, 'from');
        if (!from || /[:/@$]/.test(from)) return [];
        const earlier = ctx.df.stages.filter((s) => s.index <= i.stage); // a self-reference is DL3023's
        if (/^\d+$/.test(from) ? Number(from) <= i.stage : earlier.some((s) => s.name?.toLowerCase() === from.toLowerCase())) return [];
        return [{ line: i.line, message: `COPY --from=${from} names no earlier stage; define it with FROM ... AS ${from} before this line.` }];
      }),
});
