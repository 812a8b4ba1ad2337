import type { DfInstruction } from '../dockerfile';
import { flagValue } from '../dockerfile';
import { defineRule, runInstructions, type RuleHit } from '../engine';
import { operands, programName } from '../shell';
import { commandsOf, copyParts, effectiveConfig, wordsOf } from './util';

/**
 * Permission bits for "other" granted by a mode: a number (644, 0750) or a symbolic mode
 * (u=rwx,go=rx). Symbolic clauses are applied to `start` (what the file had before).
 */
export function otherBits(mode: string, start = 5): number | null {
  if (/^[0-7]{3,4}$/.test(mode)) return Number(mode[mode.length - 1]);
  let bits = start;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    if (!who.includes('o') && !who.includes('a')) continue;
    const perm = (m[3]!.includes('r') ? 4 : 0) | (m[3]!.includes('w') ? 2 : 0) | (/[xX]/.test(m[3]!) ? 1 : 0);
    bits = m[2] === '=' ? perm : m[2] === '+' ? bits | perm : bits & ~perm;
  }
  return bits;
}

/**
 * Lambda runs the function as its own user, neither owner nor group of the files: everything
 * it reads needs o+r, everything it runs (and every directory it enters) needs o+x.
 */
export const rule = defineRule({
  id: 'LAM012',
  severity: 'error',
  description: 'Files in the final image must be readable (and executables executable) by any user',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const entry = wordsOf(effectiveConfig(ctx).entrypoint)[0];
    const executed = (target: string): boolean => target === entry || /(^|\/)bootstrap$|\.sh$/.test(target);
    const judge = (ins: DfInstruction, mode: string, targets: string[], dirs: boolean): void => {
      const bits = otherBits(mode);
      if (bits === null) return;
      if ((bits & 4) === 0) {
        hits.push({ line: ins.line, message: `Mode ${mode} leaves the files unreadable for other users, and Lambda runs as neither their owner nor their group ("Permission denied"); use 644 for files, 755 for programs and directories.` });
      } else if ((bits & 1) === 0 && (dirs || targets.some(executed))) {
        hits.push({ line: ins.line, message: `Mode ${mode} leaves ${dirs ? 'directories' : targets.find(executed)} without execute permission for other users, so Lambda cannot ${dirs ? 'enter them' : 'run it'} ("permission denied"); use 755.` });
      }
    };
    for (const ins of ctx.finalInstructions()) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const mode = flagValue(ins, 'chmod');
        const parts = copyParts(ins);
        if (!mode || !parts) continue;
        // --chmod applies to copied directories too: they then need o+x to be entered.
        const dirs = parts.sources.some((s) => s.endsWith('/') || s === '.');
        const dest = parts.dest.endsWith('/') ? parts.sources.map((s) => parts.dest + s.slice(s.lastIndexOf('/') + 1)) : [parts.dest];
        judge(ins, mode, dest, dirs);
      }
    }
    for (const ins of runInstructions(ctx.finalInstructions())) {
      for (const cmd of commandsOf(ctx, ins)) {
        const name = programName(cmd);
        if (name === 'chmod') {
          const ops = operands(cmd.words.slice(1));
          // A symbolic mode can start with "-" (chmod -r file); operands() would drop it.
          const mode = ops[0] && /^[0-7]{3,4}$|^[ugoa]*[-+=]/.test(ops[0]) ? ops[0] : cmd.words.slice(1).find((w) => /^[ugoa]*-[rwxX]+$/.test(w));
          if (!mode) continue;
          const before = hits.length;
          judge(ins, mode, ops.slice(1), cmd.words.includes('-R') && /^[0-7]+$/.test(mode));
          if (hits.length > before) break;
        } else if (name === 'umask') {
          const mask = cmd.words[1] ?? '';
          if (/^[0-7]{3,4}$/.test(mask) && (Number(mask[mask.length - 1]) & 4) !== 0) {
            hits.push({ line: ins.line, level: 'warning', message: `umask ${mask} makes files created later in this RUN unreadable for other users, and Lambda runs as another user; use umask 022.` });
            break;
          }
        }
      }
    }
    return hits;
  },
});
