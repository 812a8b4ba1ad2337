import { defineRule } from '../engine';
import { hasFlag } from '../shell';
import { eachCommand, installOf } from './util';

const VCS = /^(git|hg|svn|bzr)(\+[a-z]+)?:/;

function pinned(p: string): boolean {
  if (/(==|>=|<=|>|<|!=|~=)/.test(p)) return true;
  if (p.endsWith('.whl') || p.endsWith('.tar.gz')) return true;
  if (VCS.test(p)) return p.includes('@');
  return p.includes('/');
}

/** pip install of named packages needs versions; requirement/constraint files and `.` are fine. */
export const rule = defineRule({
  id: 'DL3013',
  severity: 'warning',
  description: 'pip install of named packages needs version pins',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      const inst = installOf(cmd);
      if (inst?.manager !== 'pip') return null;
      if (hasFlag(inst.args, 'r', 'requirement', 'c', 'constraint') || inst.args.includes('.')) return null;
      const loose = inst.packages.filter((p) => !pinned(p));
      return loose.length ? `pip install without version pins (${loose.join(', ')}); write <package>==<version> or use a requirements file.` : null;
    }),
});
