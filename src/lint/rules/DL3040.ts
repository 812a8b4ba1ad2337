import { cacheMountTargets } from '../dockerfile';
import { defineRule, runInstructions } from '../engine';
import { programName } from '../shell';
import { commandsOf, installOf } from './util';

export const rule = defineRule({
  id: 'DL3040',
  severity: 'warning',
  description: 'RUN with dnf install must end with dnf clean all',
  check: (ctx) =>
    runInstructions(ctx.df.instructions)
      .filter((i) => !cacheMountTargets(i.trigger ?? i).some((t) => /^\/var\/cache\/(dnf|yum|libdnf5)/.test(t)))
      .filter((i) => {
        const cmds = commandsOf(ctx, i);
        const installs = cmds.some((c) => ['dnf', 'microdnf'].includes(installOf(c)?.manager ?? ''));
        const cleans = cmds.some((c) => ['dnf', 'microdnf'].includes(programName(c)) && c.words.includes('clean') && c.words.includes('all'));
        return installs && !cleans;
      })
      .map((i) => ({ line: i.line, message: 'dnf install leaves its cache in the layer; end the same RUN with `dnf clean all`.' })),
});
