import { defineRule } from '../engine';

/** HEALTHCHECK [options] CMD command (not a JSON array): hadolint reports it with CMD and ENTRYPOINT. */
function healthcheckShell(keyword: string, args: string): boolean {
  if (keyword !== 'HEALTHCHECK') return false;
  const m = /^(?:--\S+\s+)*CMD\s+(.*)$/is.exec(args.trim());
  return m !== null && !m[1]!.trim().startsWith('[');
}

export const rule = defineRule({
  id: 'DL3025',
  severity: 'warning',
  description: 'CMD and ENTRYPOINT should be JSON arrays (exec form)',
  check: (ctx) =>
    ctx.df.instructions
      .filter((i) => ((i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && !i.exec && i.argsText.trim() !== '') || healthcheckShell(i.keyword, i.argsText))
      .map((i) => ({ line: i.line, message: `${i.keyword} is in shell form; write it as a JSON array (["executable", "arg"]) so signals reach the process.` })),
});
