import { defineRule, runInstructions, type RuleHit } from '../engine';
import { programName } from '../shell';
import { commandsOf, installOf } from './util';

/**
 * AL2023 minimal images (the Lambda AL2023 images, amazonlinux:2023-minimal) lack find, xargs,
 * tar, gzip, ... (catalog FAMILIES missingTools). Using one needs its package installed first.
 */
export const rule = defineRule({
  id: 'LAM022',
  severity: 'warning',
  description: 'Commands missing from AL2023 minimal images must be installed before use',
  check: (ctx) => {
    const missing = ctx.catalog.family('al2023').missingTools;
    const hits: RuleHit[] = [];
    for (const stage of ctx.df.stages) {
      const base = ctx.base(stage);
      if (base?.family !== 'al2023' || !base.minimal) continue;
      const installed = new Set<string>();
      // Earlier stages of the chain count: what they installed is in this stage too.
      for (const ins of runInstructions(ctx.chain(stage).flatMap((s) => s.instructions))) {
        const absent: string[] = [];
        for (const cmd of commandsOf(ctx, ins)) {
          const inst = installOf(cmd);
          if (inst) inst.packages.forEach((p) => installed.add(p));
          const name = programName(cmd);
          const tool = missing.find((t) => t.command === name);
          if (tool && !installed.has(tool.package) && !absent.includes(name)) absent.push(name);
        }
        if (ins.stage !== stage.index || absent.length === 0) continue;
        const pkgs = [...new Set(absent.map((a) => missing.find((t) => t.command === a)!.package))];
        hits.push({ line: ins.line, message: `${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not installed on AL2023 minimal images ("command not found"); install ${pkgs.join(' ')} first (dnf install -y ${pkgs.join(' ')}).` });
      }
    }
    return hits;
  },
});
