import { defineRule } from '../engine';
import { repeatedPerStage } from './repeated';

export const rule = defineRule({
  id: 'DL4003',
  severity: 'warning',
  description: 'A stage should have at most one CMD',
  check: (ctx) => repeatedPerStage(ctx, 'CMD', 'Another CMD in this stage; only the last one takes effect.'),
});
