import { defineRule } from '../engine';
import { hasFlag, programName } from '../shell';
import { eachCommand } from './util';

export const rule = defineRule({
  id: 'DL3047',
  severity: 'info',
  description: 'wget should not print a progress bar into the build log',
  check: (ctx) =>
    eachCommand(ctx, ctx.df.instructions, (cmd) => {
      if (programName(cmd) !== 'wget') return null;
      const args = cmd.words.slice(1);
      const quiet = hasFlag(args, 'progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose') || args.includes('-nv');
      return quiet ? null : 'wget prints a progress line per chunk into the build log; add --progress=dot:giga, -q or -nv.';
    }),
});
