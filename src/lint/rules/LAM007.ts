import type { RecognisedBase } from '../../catalog/bases';
import { defineRule, runInstructions, type RuleHit } from '../engine';
import type { Level } from '../types';
import { programName } from '../shell';
import { commandsOf } from './util';

const MANAGERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf', 'zypper']);

/** Why `manager` does not exist on `base`, or null when it plausibly does. */
function mismatch(base: RecognisedBase, manager: string): { level: Level; why: string } | null {
  const amazon = base.kind !== 'other' || base.family === 'al2023' || base.family === 'al2';
  const debianish = manager === 'apt-get' || manager === 'apt';
  if (amazon) {
    const os = base.family === 'al2' ? 'Amazon Linux 2' : base.family === 'al2023' ? 'Amazon Linux 2023' : 'Amazon Linux';
    if (debianish || manager === 'apk' || manager === 'zypper') return { level: 'error', why: `${os} has no ${manager}; use ${base.family === 'al2' ? 'yum' : 'dnf'}` };
    if (base.family === 'al2023' && base.minimal && manager === 'yum') return { level: 'error', why: 'AL2023-based Lambda images have no yum ("yum: command not found"); use dnf (microdnf)' };
    if (base.family === 'al2' && (manager === 'dnf' || manager === 'microdnf')) return { level: 'error', why: `Amazon Linux 2 images have no ${manager}; use yum` };
    return null;
  }
  const wrong = (want: string): { level: Level; why: string } => ({ level: 'warning', why: `${base.ref.path}${base.ref.tag ? `:${base.ref.tag}` : ''} looks ${want}-based, which has no ${manager}` });
  if (base.family === 'alpine' && manager !== 'apk') return wrong('Alpine');
  if ((base.family === 'debian' || base.family === 'ubuntu') && !debianish) return wrong(base.family === 'debian' ? 'Debian' : 'Ubuntu');
  if (base.rpm && (debianish || manager === 'apk')) return wrong('RPM');
  return null;
}

/** The package manager a RUN calls must exist on the stage's base image. */
export const rule = defineRule({
  id: 'LAM007',
  severity: 'error',
  description: 'Use the package manager of the base image\'s OS (dnf on AL2023, yum on AL2)',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const stage of ctx.df.stages) {
      const base = ctx.base(stage);
      if (!base || base.scratch) continue;
      for (const ins of runInstructions(stage.instructions)) {
        const used = commandsOf(ctx, ins).map(programName).find((m) => MANAGERS.has(m) && mismatch(base, m));
        if (!used) continue;
        // A RUN that installs the manager first (rare, e.g. microdnf install yum) is fine.
        const m = mismatch(base, used)!;
        hits.push({ line: ins.line, level: m.level, message: `RUN calls ${used}, but ${m.why}.` });
      }
    }
    return hits;
  },
});
