import { defineRule } from '../engine';

/** Deprecated (or soon deprecated) AWS base images, from the catalog's schedule and "today". */
export const rule = defineRule({
  id: 'LAM008',
  severity: 'error',
  description: 'The final base image must not be a deprecated Lambda runtime',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    const base = final ? ctx.base(final) : null;
    if (!final || !base || base.kind === 'other') return [];
    const line = ctx.chain(final)[0]!.line;
    const { record } = base;
    if (!record) {
      const tag = base.ref.tag ?? '';
      if (tag === '' || tag === 'latest' || base.ref.digest) return [];
      return [{ line, level: 'info', message: `lambda/${base.language}:${tag} is not in this tool's catalog of Lambda base images: it may be retired, or newer than the catalog.` }];
    }
    const status = ctx.catalog.scheduleStatus(record, ctx.today);
    const name = `${record.lambdaId} (${record.image}:${record.tag})`;
    const when = ctx.catalog.describeSchedule(record);
    if (status.state === 'deprecated') {
      const accepted = ctx.options.allowDeprecated;
      return [{ line, level: accepted ? 'warning' : 'error', message: `${name} is deprecated (${when}): it gets no security patches and Lambda will block function updates.${accepted ? ' Accepted with --allow-deprecated.' : ' Move to a supported runtime, or pass --allow-deprecated.'}` }];
    }
    if (status.state === 'soon') {
      return [{ line, level: 'warning', message: `${name} will be deprecated in ${status.days} days (${when}); plan the move to a newer runtime.` }];
    }
    return [];
  },
});
