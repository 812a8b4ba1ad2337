import { cacheMountTargets } from '../dockerfile';
import { defineRule, runInstructions } from '../engine';
import { programName } from '../shell';
import { commandsOf, installOf } from './util';

export const rule = defineRule({
  id: 'DL3032',
  severity: 'warning',
  description: 'RUN with yum install must end with yum clean all',
  check: (ctx) =>
    runInstructions(ctx.df.instructions)
      .filter((i) => !cacheMountTargets(i.trigger ?? i).some((t) => t.startsWith('/var/cache/yum')))
      .filter((i) => {
        const cmds = commandsOf(ctx, i);
        const installs = cmds.some((c) => installOf(c)?.manager === 'yum');
        const cleans = cmds.some((c) => programName(c) === 'yum' && c.words.includes('clean') && c.words.includes('all'));
        return installs && !cleans;
      })
      .map((i) => ({ line: i.line, message: 'yum install leaves its cache in the layer; end the same RUN with `yum clean all`.' })),
});
