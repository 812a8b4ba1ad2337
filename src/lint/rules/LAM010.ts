import { LAMBDA } from '../../catalog';
import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'LAM010',
  severity: 'warning',
  description: `VOLUME has no effect on Lambda, whose filesystem is read-only except ${LAMBDA.tmpDir}`,
  check: (ctx) =>
    ctx.finalInstructions()
      .filter((i) => i.keyword === 'VOLUME')
      .map((i) => ({ line: i.line, message: `VOLUME has no effect on Lambda: the filesystem is read-only apart from ${LAMBDA.tmpDir}; write run-time data under ${LAMBDA.tmpDir}.` })),
});
