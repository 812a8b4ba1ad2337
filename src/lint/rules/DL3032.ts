import { cacheMountTargets } from '../dockerfile';
import { defineRule, runInstructions } from '../engine';
import { programName, type Command } from '../shell';
import { commandsOf, installOf } from './util';

/** `rm` of the package cache itself also cleans it (hadolint accepts it too). */
export function removesCache(c: Command, dirs: RegExp): boolean {
  return programName(c) === 'rm' && c.words.slice(1).some((w) => dirs.test(w));
}

export const rule = defineRule({
  id: 'DL3032',
  severity: 'warning',
  description: 'RUN with yum install must end with yum clean all',
  check: (ctx) =>
    runInstructions(ctx.df.instructions)
      // With the cache on a build-time mount nothing stays in the layer, and cleaning would empty the cache.
      .filter((i) => !cacheMountTargets(i.trigger ?? i).some((t) => t.startsWith('/var/cache/yum')))
      .filter((i) => {
        const cmds = commandsOf(ctx, i);
        const installs = cmds.some((c) => installOf(c)?.manager === 'yum');
        const cleans = cmds.some((c) => (programName(c) === 'yum' && c.words.includes('clean') && c.words.includes('all')) || removesCache(c, /^\/var\/cache\/(yum|dnf)(\/|$)/));
        return installs && !cleans;
      })
      .map((i) => ({ line: i.line, message: 'yum install leaves its cache in the layer; end the same RUN with `yum clean all`.' })),
});
