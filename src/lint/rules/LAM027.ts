import { defineRule, runInstructions, type RuleHit } from '../engine';
import { programName } from '../shell';
import { commandsOf, installOf } from './util';

/** microdnf (dnf on AL2023 Lambda images) cannot install local .rpm files, and AL2023 has no EPEL. */
export const rule = defineRule({
  id: 'LAM027',
  severity: 'error',
  description: 'AL2023 minimal images: microdnf installs no local .rpm files and there is no EPEL',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const stage of ctx.df.stages) {
      const base = ctx.base(stage);
      if (base?.family !== 'al2023' || !base.minimal) continue;
      for (const ins of runInstructions(stage.instructions)) {
        for (const cmd of commandsOf(ctx, ins)) {
          const inst = installOf(cmd);
          if (programName(cmd) === 'amazon-linux-extras' || inst?.packages.some((p) => /epel/i.test(p))) {
            hits.push({ line: ins.line, message: 'EPEL (and amazon-linux-extras) do not exist for AL2023; install the package from the AL2023 repositories or build it in another stage.' });
            break;
          }
          if ((inst?.manager === 'dnf' || inst?.manager === 'microdnf') && inst.packages.some((p) => p.endsWith('.rpm'))) {
            hits.push({ line: ins.line, message: 'microdnf (dnf on AL2023 Lambda images) cannot install a local .rpm file; use rpm -i, or install the full dnf first.' });
            break;
          }
        }
      }
    }
    return hits;
  },
});
