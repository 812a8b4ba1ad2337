import { parseImageRef } from '../../catalog/bases';
import { defineRule } from '../engine';

export const rule = defineRule({
  id: 'DL3007',
  severity: 'warning',
  description: 'FROM images must not float on the "latest" tag',
  check: (ctx) =>
    ctx.df.stages
      .filter((s) => s.image && s.parent === null)
      .filter((s) => {
        const ref = parseImageRef(s.image!);
        return ref.tag === 'latest' && !ref.digest;
      })
      .map((s) => ({ line: s.line, message: `FROM ${s.image} follows the moving "latest" tag; pin a release tag or a digest.` })),
});
