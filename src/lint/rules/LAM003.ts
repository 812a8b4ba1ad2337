import { defineRule } from '../engine';
import { effectiveConfig } from './util';

/** Lambda wants an absolute entry point (and not a symlink, which a linter cannot see). */
export const rule = defineRule({
  id: 'LAM003',
  severity: 'warning',
  description: 'ENTRYPOINT must start with an absolute path',
  check: (ctx) => {
    const { entrypoint } = effectiveConfig(ctx);
    const prog = entrypoint?.exec ? entrypoint.json?.[0] : undefined;
    if (!entrypoint || prog === undefined || prog.startsWith('/') || prog.startsWith('$')) return [];
    return [{ line: entrypoint.line, message: `ENTRYPOINT starts with "${prog}", not an absolute path; Lambda expects the absolute path of a real file (not a symlink), e.g. "/usr/local/bin/${prog.replace(/^\.\//, '')}".` }];
  },
});
