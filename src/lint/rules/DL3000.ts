import { defineRule } from '../engine';

/** WORKDIR must be absolute; `$VAR` and Windows drive paths are accepted as hadolint does. */
export const rule = defineRule({
  id: 'DL3000',
  severity: 'error',
  description: 'WORKDIR paths must be absolute',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => i.keyword === 'WORKDIR' && i.argsText.trim() !== '')
      .filter((i) => {
        const dir = i.argsText.trim().replace(/^["']|["']$/g, '');
        return !/^([/$]|[A-Za-z]:[\\/])/.test(dir);
      })
      .map((i) => ({ line: i.line, message: `WORKDIR ${i.argsText.trim()} is relative; use an absolute path so the directory does not depend on the previous WORKDIR.` })),
});
