import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'DL3029',
  severity: 'warning',
  description: 'FROM --platform should not pin a fixed platform',
  check: (ctx) =>
    ctx.df.stages
      .filter((s) => s.platform !== null && !/BUILDPLATFORM|TARGETPLATFORM/.test(s.platform))
      .map((s) => ({ line: s.line, message: `FROM --platform=${s.platform} pins the platform in the file; pass --platform to docker build instead.` })),
});
