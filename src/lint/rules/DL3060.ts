import { defineRule, runInstructions } from '../engine';
import { programName } from '../shell';
import { commandsOf } from './util';

/**
 * `yarn install` keeps its cache in the layer unless the same RUN cleans it. Like hadolint (since
 * its DL3060 became stage-aware), only stages that end up in an image count: the last stage and
 * stages used as a base by a later FROM; a build stage whose files are copied out does not.
 */
export const rule = defineRule({
  id: 'DL3060',
  severity: 'info',
  description: 'RUN with yarn install must clean the yarn cache',
  check: (ctx) => {
    const last = ctx.df.stages.length - 1;
    const usedAsBase = new Set(ctx.df.stages.filter((s) => s.parent !== null).map((s) => s.parent!));
    return runInstructions(ctx.df.instructions)
      .filter((i) => i.stage === last || i.stage < 0 || usedAsBase.has(i.stage))
      .filter((i) => {
        const cmds = commandsOf(ctx, i).filter((c) => programName(c) === 'yarn');
        return cmds.some((c) => c.words.includes('install')) && !cmds.some((c) => c.words.includes('cache') && c.words.includes('clean'));
      })
      .map((i) => ({ line: i.line, message: 'yarn install keeps its cache in the layer; run `yarn cache clean` in the same RUN.' }));
  },
});
