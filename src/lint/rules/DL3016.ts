import { defineRule } from '../engine';
import { operands, programName } from '../shell';
import { eachCommand } from './util';

function pinned(p: string): boolean {
  if (/^git(\+(ssh|https?))?:\/\//.test(p)) return p.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(p) || /^(\/|\.\/|\.\.\/|~\/)/.test(p)) return true;
  const name = p.startsWith('@') ? p.slice(p.indexOf('/') + 1) : p;
  return name.includes('@');
}

/** `npm install <pkg>` needs `<pkg>@<version>`; plain `npm install`/`npm ci` use the lockfile. */
export const rule = defineRule({
  id: 'DL3016',
  severity: 'warning',
  description: 'npm install of named packages needs @version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      if (programName(cmd) !== 'npm') return null;
      const ops = operands(cmd.words.slice(1));
      if (ops[0] !== 'install' && ops[0] !== 'i') return null;
      const loose = ops.slice(1).filter((p) => !pinned(p));
      return loose.length ? `npm install without versions (${loose.join(', ')}); write <package>@<version>.` : null;
    }),
});
