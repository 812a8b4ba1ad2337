import { defineRule } from '../engine';
import { parsePragmas } from '../pragmas';

/** A hadolint pragma with a code hadolint does not know is dropped whole by hadolint. */
export const rule = defineRule({
  id: 'LAM024',
  severity: 'info',
  description: 'Keep LAM codes out of hadolint pragmas; use # lambda-lint ignore=',
  check: (ctx) =>
    parsePragmas(ctx.df).rejected.map((r) => ({
      line: r.line,
      message: `This hadolint pragma lists ${r.codes.join(', ')}; hadolint only accepts DL/SC codes and then ignores the whole pragma. Put LAM codes in "# lambda-lint ignore=${r.codes.filter((c) => /^LAM/i.test(c)).join(',') || 'LAM0xx'}" on its own line.`,
    })),
});
