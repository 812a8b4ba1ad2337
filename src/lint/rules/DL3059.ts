import { defineRule } from '../engine';

/**
 * A RUN right after another RUN with the same flags. Like hadolint (2.15, measured against the
 * binary), a RUN that already chains commands is taken as a deliberate split: only two
 * single-command RUNs in a row are reported.
 */
export const rule = defineRule({
  id: 'DL3059',
  severity: 'info',
  description: 'Consecutive RUN instructions could be merged',
  check: (ctx) => {
    const hits = [];
    const all = ctx.df.instructions;
    for (let k = 1; k < all.length; k++) {
      const prev = all[k - 1]!;
      const cur = all[k]!;
      if (cur.keyword !== 'RUN' || prev.keyword !== 'RUN') continue;
      const flags = (i: typeof cur): string => i.flags.map((f) => `${f.name}=${f.value}`).sort().join(' ');
      if (flags(prev) !== flags(cur)) continue;
      if (ctx.shell(prev).commands.length > 1 || ctx.shell(cur).commands.length > 1) continue;
      hits.push({ line: cur.line, message: 'This RUN follows another RUN; merge them with && to save a layer.' });
    }
    return hits;
  },
});
