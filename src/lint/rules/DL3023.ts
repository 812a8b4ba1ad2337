import { flagValue } from '../dockerfile';
import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'DL3023',
  severity: 'error',
  description: 'COPY --from cannot name the stage it is in',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => i.keyword === 'COPY')
      .filter((i) => {
        const from = flagValue(i, 'from')?.toLowerCase();
        const own = ctx.df.stages[i.stage];
        return !!from && !!own && (own.name?.toLowerCase() === from || from === String(own.index));
      })
      .map((i) => ({ line: i.line, message: 'COPY --from names the stage it is in; a stage cannot copy from itself.' })),
});
