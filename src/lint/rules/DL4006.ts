import { defineRule, type RuleHit } from '../engine';
import { hasFlag } from '../shell';

const NON_POSIX = /pwsh|powershell|cmd/i;

/** A pipe hides failures of all but the last command unless the SHELL sets -o pipefail. */
export const rule = defineRule({
  id: 'DL4006',
  severity: 'warning',
  description: 'A RUN with a pipe needs SHELL with -o pipefail',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    let safe = false;
    for (const i of ctx.df.instructions) {
      if (i.keyword === 'FROM') safe = false;
      else if (i.keyword === 'SHELL' && i.json) {
        const [prog = '', ...rest] = i.json;
        const name = prog.slice(prog.lastIndexOf('/') + 1);
        safe = NON_POSIX.test(prog) || (['bash', 'zsh', 'ash'].includes(name) && hasFlag(rest, 'o') && rest.includes('pipefail'));
      } else if (i.keyword === 'RUN' && !i.exec && !safe && ctx.shell(i).hasPipe) {
        hits.push({ line: i.line, message: 'RUN has a pipe, so a failure before the last command goes unnoticed; set SHELL ["/bin/bash", "-o", "pipefail", "-c"] first.' });
      }
    }
    return hits;
  },
});
