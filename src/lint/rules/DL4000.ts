import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'DL4000',
  severity: 'error',
  description: 'MAINTAINER is deprecated; use a LABEL',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => i.keyword === 'MAINTAINER')
      .map((i) => ({ line: i.line, message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="..." instead.' })),
});
