import { cacheMountTargets } from '../dockerfile';
import { defineRule, runInstructions } from '../engine';
import { commandsOf } from './util';
import { programName } from '../shell';

/**
 * `apt-get update` leaves lists behind unless the same RUN removes /var/lib/apt/lists/* (or a
 * cache mount holds them). Like hadolint, only stages that end up in an image count: the last
 * stage and stages used as a base by a later FROM.
 */
export const rule = defineRule({
  id: 'DL3009',
  severity: 'info',
  description: 'RUN with apt-get update must remove /var/lib/apt/lists afterwards',
  check: (ctx) => {
    const last = ctx.df.stages.length - 1;
    const usedAsBase = new Set(ctx.df.stages.filter((s) => s.parent !== null).map((s) => s.parent!));
    return runInstructions(ctx.df.instructions)
      .filter((i) => i.stage === last || i.stage < 0 || usedAsBase.has(i.stage))
      .filter((i) => {
        const run = i.trigger ?? i;
        const mounts = cacheMountTargets(run);
        if (mounts.some((t) => t.startsWith('/var/lib/apt/lists')) || (mounts.some((t) => t.startsWith('/var/lib/apt')) && mounts.some((t) => t.startsWith('/var/cache/apt')))) return false;
        const cmds = commandsOf(ctx, i);
        const updates = cmds.some((c) => (programName(c) === 'apt-get' || programName(c) === 'apt') && c.words.includes('update'));
        const cleans = cmds.some((c) => programName(c) === 'rm' && c.words.some((w) => w.startsWith('/var/lib/apt/lists')));
        return updates && !cleans;
      })
      .map((i) => ({ line: i.line, message: 'apt-get update leaves package lists in the layer; end the same RUN with `rm -rf /var/lib/apt/lists/*`.' }));
  },
});
