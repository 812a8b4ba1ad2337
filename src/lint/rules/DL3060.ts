import { defineRule, runInstructions } from '../engine';
import { programName } from '../shell';
import { commandsOf } from './util';

export const rule = defineRule({
  id: 'DL3060',
  severity: 'info',
  description: 'RUN with yarn install must clean the yarn cache',
  check: (ctx) =>
    runInstructions(ctx.df.instructions)
      .filter((i) => {
        const cmds = commandsOf(ctx, i).filter((c) => programName(c) === 'yarn');
        return cmds.some((c) => c.words.includes('install')) && !cmds.some((c) => c.words.includes('cache') && c.words.includes('clean'));
      })
      .map((i) => ({ line: i.line, message: 'yarn install keeps its cache in the layer; run `yarn cache clean` in the same RUN.' })),
});
