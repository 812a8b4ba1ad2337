import { cacheMountTargets } from '../dockerfile';
import { defineRule } from '../engine';
import { programName } from '../shell';
import { eachCommand, installOf } from './util';

const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);

/** pip keeps a download cache unless told not to (flag, PIP_NO_CACHE_DIR, or a cache mount). */
export const rule = defineRule({
  id: 'DL3042',
  severity: 'warning',
  description: 'pip install should not keep its download cache (--no-cache-dir)',
  check: (ctx) => {
    // PIP_NO_CACHE_DIR set by ENV in a stage (or a stage it builds FROM) turns the cache off.
    const envOff = (stageIndex: number, line: number): boolean => {
      const stage = ctx.df.stages[stageIndex];
      const scope = stage ? ctx.chain(stage).flatMap((s) => s.instructions) : ctx.df.instructions.filter((i) => i.stage < 0);
      return scope.some((i) => i.keyword === 'ENV' && i.line < line && i.pairs.some((p) => p.name === 'PIP_NO_CACHE_DIR' && TRUTHY.has(p.value ?? '')));
    };
    return eachCommand(ctx, ctx.df.instructions, (cmd, ins) => {
      const inst = installOf(cmd);
      if (inst?.manager !== 'pip' || /pipx|pipenv/.test(programName(cmd)) || cmd.words.includes('pipx') || cmd.words.includes('pipenv')) return null;
      if (inst.args.includes('--no-cache-dir') || cmd.words.includes('--no-cache-dir')) return null;
      const run = ins.trigger ?? ins;
      if (cmd.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR=') && TRUTHY.has(a.slice('PIP_NO_CACHE_DIR='.length)))) return null;
      if (/PIP_NO_CACHE_DIR=["']?(1|true|on|yes)\b/i.test(run.argsText)) return null;
      if (cacheMountTargets(run).some((t) => /\.cache\/pip\/?$/.test(t))) return null;
      if (envOff(ins.stage, ins.line)) return null;
      return 'pip install keeps its download cache in the layer; add --no-cache-dir (or set PIP_NO_CACHE_DIR=1).';
    });
  },
});
