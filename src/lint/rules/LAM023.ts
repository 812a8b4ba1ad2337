import { defineRule } from '../engine';

/** `<< EOF`: BuildKit versions disagree on whether that is a heredoc; `<<EOF` always is. */
export const rule = defineRule({
  id: 'LAM023',
  severity: 'warning',
  description: 'Write heredocs without a space after << (<<EOF)',
  check: (ctx) =>
    ctx.df.heredocSpaces.map((h) => ({
      line: h.line,
      column: h.column,
      message: `"<< ${h.message}" has a space after <<, which some Docker versions and Dockerfile parsers do not read as a heredoc (the body lines then become unknown instructions); write <<${h.message}.`,
    })),
});
