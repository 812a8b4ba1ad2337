import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'DL3024',
  severity: 'error',
  description: 'Stage names must be unique',
  check: (ctx) =>
    ctx.df.stages
      .filter((s) => s.name && ctx.df.stages.some((o) => o.index < s.index && o.name?.toLowerCase() === s.name!.toLowerCase()))
      .map((s) => ({ line: s.line, message: `Stage name "${s.name}" is already used by an earlier FROM; stage names must be unique.` })),
});
