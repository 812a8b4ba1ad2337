import { defineRule } from '../engine';
import { copyParts } from './util';

const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|lz|lzma|z|zst)|tgz|tbz2?|tb2|txz|tlz|tpz|tz|gz|bz2|xz|zst|zip)$/i;

const unquote = (s: string): string => (/^(["']).*\1$/.test(s) && s.length > 1 ? s.slice(1, -1) : s);

/** ADD is for URLs and archives; plain files and folders should use COPY. Git sources stay ADD's. */
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
        // Quotes are not part of the name; a bare variable may be anything, and hadolint reports it.
        return parts !== null && parts.sources.map(unquote).some((s) => !/^(https?|git|ssh):\/\//i.test(s) && !s.startsWith('git@') && !ARCHIVE.test(s));
      })
      .map(({ at }) => ({ line: at.line, message: 'ADD copies local files here; use COPY (keep ADD for URLs and archives to unpack).' })),
});
