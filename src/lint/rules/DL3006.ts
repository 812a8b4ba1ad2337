import { parseImageRef } from '../../catalog/bases';
import { defineRule } from '../engine';

/** FROM without a tag: scratch, digests, variables and earlier stages are fine. */
export const rule = defineRule({
  id: 'DL3006',
  severity: 'warning',
  description: 'FROM images need an explicit tag',
  check: (ctx) =>
    ctx.df.stages
      .filter((s) => s.image && !s.image.includes('$') && s.parent === null && s.image.toLowerCase() !== 'scratch')
      .filter((s) => {
        const ref = parseImageRef(s.image!);
        return !ref.tag && !ref.digest && !ctx.df.stages.some((o) => o.index < s.index && o.name?.toLowerCase() === s.image!.toLowerCase());
      })
      .map((s) => ({ line: s.line, message: `FROM ${s.image} has no tag; pin a version so builds are repeatable.` })),
});
