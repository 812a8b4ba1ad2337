import { flagValue } from '../dockerfile';
import { defineRule, runInstructions, type RuleHit } from '../engine';
import { programName } from '../shell';
import { commandsOf } from './util';

/**
 * A binary compiled on a newer glibc (golang, rust, debian, ubuntu images) than Amazon Linux's
 * (2.26 on AL2, 2.34 on AL2023) fails with "GLIBC_2.xx not found". Go needs CGO_ENABLED=0;
 * Rust needs a musl target (or cargo-lambda / zigbuild), unless it is built on Amazon Linux.
 */
export const rule = defineRule({
  id: 'LAM026',
  severity: 'warning',
  description: 'Binaries for Amazon Linux bases must not need a newer glibc than the base has',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    const base = final ? ctx.base(final) : null;
    if (!final || !base || (base.family !== 'al2' && base.family !== 'al2023')) return [];
    const hits: RuleHit[] = [];
    for (const copy of ctx.finalInstructions().filter((i) => i.keyword === 'COPY')) {
      const from = flagValue(copy, 'from')?.toLowerCase();
      const stage = ctx.df.stages.find((s) => s.name?.toLowerCase() === from || String(s.index) === from);
      if (!stage || stage === final) continue;
      const buildBase = ctx.base(stage);
      if (!buildBase || buildBase.kind !== 'other' || !buildBase.family || !['debian', 'ubuntu'].includes(buildBase.family)) continue;
      const chain = ctx.chain(stage).flatMap((s) => s.instructions);
      const cgoOff = chain.some((i) => i.keyword === 'ENV' && i.pairs.some((p) => p.name === 'CGO_ENABLED' && p.value === '0'));
      for (const ins of runInstructions(chain)) {
        const text = ins.script ?? '';
        const cmds = commandsOf(ctx, ins);
        const goBuild = cmds.some((c) => programName(c) === 'go' && c.words[1] === 'build');
        const cargoBuild = cmds.some((c) => programName(c) === 'cargo' && c.words[1] === 'build' && !c.words.some((w) => /musl/.test(w)));
        if (goBuild && !cgoOff && !/CGO_ENABLED=0/.test(text)) {
          hits.push({ line: copy.line, message: `This binary is built with go on ${buildBase.ref.path} (a newer glibc than ${base.family === 'al2' ? 'Amazon Linux 2' : 'AL2023'}) with cgo enabled; build with CGO_ENABLED=0 or it may fail with "GLIBC_2.xx not found".` });
          break;
        }
        if (cargoBuild) {
          hits.push({ line: copy.line, message: `This binary is built with cargo on ${buildBase.ref.path} against its glibc, which is newer than ${base.family === 'al2' ? 'Amazon Linux 2' : 'AL2023'}'s; build for a musl target (or with cargo lambda) to avoid "GLIBC_2.xx not found".` });
          break;
        }
      }
    }
    return hits;
  },
});
