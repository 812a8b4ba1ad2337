import { cacheMountTargets } from '../dockerfile';
import { defineRule, runInstructions } from '../engine';
import { programName } from '../shell';
import { removesCache } from './DL3032';
import { commandsOf, installOf } from './util';

/**
 * dnf and microdnf each clean their own cache: `dnf install` wants `dnf clean all`, `microdnf
 * install` wants `microdnf clean all` (as hadolint judges them); removing /var/cache/dnf also counts.
 */
export const rule = defineRule({
  id: 'DL3040',
  severity: 'warning',
  description: 'RUN with dnf install must end with dnf clean all',
  check: (ctx) =>
    runInstructions(ctx.df.instructions)
      .filter((i) => !cacheMountTargets(i.trigger ?? i).some((t) => /^\/var\/cache\/(dnf|yum|libdnf5)/.test(t)))
      .filter((i) => {
        const cmds = commandsOf(ctx, i);
        const tools = new Set(cmds.filter((c) => ['dnf', 'microdnf'].includes(installOf(c)?.manager ?? '') || (programName(c) === 'dnf' && c.words.includes('module') && c.words.includes('install'))).map(programName));
        if (tools.size === 0) return false;
        if (cmds.some((c) => removesCache(c, /^\/var\/cache\/(dnf|yum|libdnf5)(\/|$)/))) return false;
        const cleaned = new Set(cmds.filter((c) => c.words.includes('clean') && c.words.includes('all')).map(programName));
        return [...tools].some((t) => !cleaned.has(t));
      })
      .map((i) => ({ line: i.line, message: 'dnf install leaves its cache in the layer; end the same RUN with `dnf clean all` (`microdnf clean all` after microdnf).' })),
});
