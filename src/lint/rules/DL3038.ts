import { defineRule } from '../engine';
import { hasFlag } from '../shell';
import { eachCommand, installOf } from './util';

export const rule = defineRule({
  id: 'DL3038',
  severity: 'warning',
  description: 'dnf/microdnf install needs -y to run unattended',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const m = installOf(cmd)?.manager;
      return (m === 'dnf' || m === 'microdnf') && !hasFlag(cmd.words.slice(1), 'y', 'assumeyes')
        ? `${m} install without -y waits for an answer that never comes in a build; add -y.`
        : null;
    }),
});
