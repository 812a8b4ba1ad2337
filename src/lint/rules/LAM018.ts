import { defineRule } from '../engine';

const IGNORED = new Set(['EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'ONBUILD']);

export const rule = defineRule({
  id: 'LAM018',
  severity: 'info',
  description: 'EXPOSE, HEALTHCHECK, STOPSIGNAL and ONBUILD have no effect on Lambda',
  check: (ctx) =>
    ctx.finalInstructions()
      .filter((i) => IGNORED.has(i.keyword))
      .map((i) => ({ line: i.line, message: `${i.keyword} has no effect on Lambda, which only uses ENTRYPOINT, CMD, WORKDIR and ENV${i.keyword === 'EXPOSE' ? ' (fine with the Lambda Web Adapter)' : ''}.` })),
});
