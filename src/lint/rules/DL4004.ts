import { defineRule } from '../engine';
import { repeatedPerStage } from './repeated';

export const rule = defineRule({
  id: 'DL4004',
  severity: 'error',
  description: 'A stage must have at most one ENTRYPOINT',
  check: (ctx) => repeatedPerStage(ctx, 'ENTRYPOINT', 'Another ENTRYPOINT in this stage; only the last one takes effect.'),
});
