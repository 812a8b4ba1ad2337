import { defineRule } from '../engine';
import { copyParts } from './util';

const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tbz2?|tb2|txz|tlz|tpz|tz|gz|bz2|xz|zst|zip)$/i;

/** ADD is for URLs and archives; plain files and folders should use COPY. */
export const rule = defineRule({
  id: 'DL3020',
  severity: 'error',
  description: 'ADD is for URLs and archives; copy plain files with COPY',
  check: (ctx) =>
    ctx.df.instructions
      .map((i) => (i.keyword === 'ONBUILD' && i.trigger ? { at: i, ins: i.trigger } : { at: i, ins: i }))
      .filter(({ ins }) => ins.keyword === 'ADD' && ins.heredocs.length === 0)
      .filter(({ ins }) => {
        const parts = copyParts(ins);
        return parts !== null && parts.sources.some((s) => !/^(https?|git|ssh):\/\//i.test(s) && !s.startsWith('git@') && !ARCHIVE.test(s) && !s.includes('$'));
      })
      .map(({ at }) => ({ line: at.line, message: 'ADD copies local files here; use COPY (keep ADD for URLs and archives to unpack).' })),
});
