import { flagValue } from '../dockerfile';
import { defineRule, runInstructions, type RuleHit } from '../engine';
import { programName } from '../shell';
import type { RecognisedBase } from '../../catalog/bases';
import { commandsOf } from './util';

/**
 * glibc of the images whose version is certain from the reference alone: Amazon Linux (AL2 2.26,
 * AL2023 2.34: the AWS base-image contract) and Debian/Ubuntu releases named by codename or
 * number (packages.debian.org and packages.ubuntu.com, package libc6). An image such as
 * golang:1.23 follows whichever Debian release is current when it is pulled, so it is unknown.
 */
const GLIBC: Record<string, number[]> = {
  al2: [2, 26], al2023: [2, 34],
  buster: [2, 28], bullseye: [2, 31], bookworm: [2, 36], trixie: [2, 41],
  focal: [2, 31], jammy: [2, 35], noble: [2, 39],
};
const DEBIAN_NUMBERS: Record<string, string> = { '10': 'buster', '11': 'bullseye', '12': 'bookworm', '13': 'trixie' };
const UBUNTU_NUMBERS: Record<string, string> = { '20.04': 'focal', '22.04': 'jammy', '24.04': 'noble' };

export function glibcOf(base: RecognisedBase): number[] | null {
  if (base.family === 'al2' || base.family === 'al2023') return GLIBC[base.family]!;
  if (base.family !== 'debian' && base.family !== 'ubuntu') return null;
  const tag = (base.ref.tag ?? '').toLowerCase();
  const name = /(^|[-.])(buster|bullseye|bookworm|trixie|focal|jammy|noble)([-.]|$)/.exec(tag)?.[2];
  if (name) return GLIBC[name]!;
  const path = base.ref.path.toLowerCase();
  if (path.endsWith('debian')) return GLIBC[DEBIAN_NUMBERS[/^(\d+)/.exec(tag)?.[1] ?? ''] ?? ''] ?? null;
  if (path.endsWith('ubuntu')) return GLIBC[UBUNTU_NUMBERS[/^(\d+\.\d+)/.exec(tag)?.[1] ?? ''] ?? ''] ?? null;
  return null;
}

const newer = (a: number[], b: number[]): boolean => a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);
const show = (v: number[]): string => v.join('.');

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
    const target = base ? glibcOf(base) : null;
    if (!final || !base || !target) return [];
    const hits: RuleHit[] = [];
    for (const copy of ctx.finalInstructions().filter((i) => i.keyword === 'COPY')) {
      const from = flagValue(copy, 'from')?.toLowerCase();
      const stage = ctx.df.stages.find((s) => s.name?.toLowerCase() === from || String(s.index) === from);
      if (!stage || stage === final) continue;
      const buildBase = ctx.base(stage);
      const built = buildBase ? glibcOf(buildBase) : null;
      // Only a real conflict: both versions known and the build's newer.
      if (!buildBase || !built || !newer(built, target)) continue;
      const chain = ctx.chain(stage).flatMap((s) => s.instructions);
      const cgoOff = chain.some((i) => i.keyword === 'ENV' && i.pairs.some((p) => p.name === 'CGO_ENABLED' && p.value === '0'));
      for (const ins of runInstructions(chain)) {
        const text = ins.script ?? '';
        const cmds = commandsOf(ctx, ins);
        const goBuild = cmds.some((c) => programName(c) === 'go' && c.words[1] === 'build');
        const cargoBuild = cmds.some((c) => programName(c) === 'cargo' && c.words[1] === 'build' && !c.words.some((w) => /musl/.test(w)));
        if (goBuild && !cgoOff && !/CGO_ENABLED=0/.test(text)) {
          hits.push({ line: copy.line, message: `This binary is built with go on ${buildBase.ref.path} (glibc ${show(built)}, newer than the ${show(target)} of ${ctx.chain(final)[0]!.expandedImage}) with cgo enabled; build with CGO_ENABLED=0 or it may fail with "GLIBC_2.xx not found".` });
          break;
        }
        if (cargoBuild) {
          hits.push({ line: copy.line, message: `This binary is built with cargo on ${buildBase.ref.path} against its glibc ${show(built)}, newer than the ${show(target)} of ${ctx.chain(final)[0]!.expandedImage}; build for a musl target (or with cargo lambda) to avoid "GLIBC_2.xx not found".` });
          break;
        }
      }
    }
    return hits;
  },
});
