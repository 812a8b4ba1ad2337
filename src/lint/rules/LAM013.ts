import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'LAM013',
  severity: 'info',
  description: 'USER is ignored by Lambda, which runs the function as its own user',
  check: (ctx) =>
    ctx.finalInstructions()
      .filter((i) => i.keyword === 'USER')
      .map((i) => ({ line: i.line, message: 'Lambda ignores USER and runs the function as its own least-privileged user; files must be readable by any user, and ownership (chown) grants nothing.' })),
});
