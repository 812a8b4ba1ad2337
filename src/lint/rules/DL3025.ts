import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'DL3025',
  severity: 'warning',
  description: 'CMD and ENTRYPOINT should be JSON arrays (exec form)',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.exec && i.argsText.trim() !== '')
      .map((i) => ({ line: i.line, message: `${i.keyword} is in shell form; write it as a JSON array (["executable", "arg"]) so signals reach the process.` })),
});
