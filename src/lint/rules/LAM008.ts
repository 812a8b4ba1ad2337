import type { AwsRuntime } from '../../catalog';
import { defineRule } from '../engine';

/** AWS's runtime deprecation policy; image functions are rebuilt by their owners (shared responsibility). */
export const DEPRECATION_POLICY = 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html';

/** Compares dotted versions numerically: 3.9 < 3.10. */
function older(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/**
 * Deprecated (or soon deprecated) AWS base images, from the catalog's schedule and "today". A
 * version older than every one the catalog tracks for its language was retired before them, so
 * it is reported at least as severely as the deprecated ones. The wording follows AWS's policy:
 * after deprecation the base image gets no more patches; an image function keeps deploying, so
 * only its owner can move it.
 */
export const rule = defineRule({
  id: 'LAM008',
  severity: 'error',
  description: 'The final base image must not be a deprecated Lambda runtime',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    const base = final ? ctx.base(final) : null;
    if (!final || !base || base.kind === 'other') return [];
    const line = ctx.chain(final)[0]!.line;
    const accepted = ctx.options.allowDeprecated;
    const level = accepted ? 'warning' : 'error';
    const advice = accepted ? ' Accepted with --allow-deprecated.' : ' Move to a supported runtime, or pass --allow-deprecated.';
    const { record } = base;
    if (!record) {
      const tag = base.ref.tag ?? '';
      if (tag === '' || tag === 'latest' || base.ref.digest) return [];
      const retired = ctx.catalog.RETIRED_IMAGES.find((r) => r.language === base.language && r.tags.test(tag));
      if (retired) {
        return [{ line, level, message: `lambda/${base.language}:${tag} is the base image of ${retired.lambdaId}, a runtime Lambda has deprecated: it gets no security patches, and nothing on Lambda's side moves an image function off it (${DEPRECATION_POLICY}). Move to ${retired.replacement}.${advice}` }];
      }
      const version = /^(\d+(?:\.\d+)*)/.exec(tag.replace(/-(x86_64|arm64)$/, ''))?.[1];
      const known = ctx.catalog.AWS_RUNTIMES.filter((r: AwsRuntime) => r.language === base.language && /^\d+(\.\d+)*$/.test(r.languageVersion));
      const oldest = known.sort((a, b) => (older(a.languageVersion, b.languageVersion) ? -1 : 1))[0];
      if (version && oldest && older(version, oldest.languageVersion)) {
        return [{ line, level, message: `lambda/${base.language}:${tag} is older than ${oldest.lambdaId}, the oldest ${base.language} runtime still listed (${ctx.catalog.describeSchedule(oldest)}): it was deprecated before it and gets no security patches; nothing on Lambda's side moves an image function off it (${DEPRECATION_POLICY}).${advice}` }];
      }
      return [{ line, level: 'info', message: `lambda/${base.language}:${tag} is not in this tool's catalog of Lambda base images: it may be retired, or newer than the catalog.` }];
    }
    const status = ctx.catalog.scheduleStatus(record, ctx.today);
    const name = `${record.lambdaId} (${record.image}:${record.tag})`;
    const when = ctx.catalog.describeSchedule(record);
    if (status.state === 'deprecated') {
      return [{ line, level, message: `${name} is deprecated (${when}): AWS no longer patches this base image. The blocks on creating and updating functions apply to a function's runtime setting, which an image function does not have, so it keeps deploying unpatched (${DEPRECATION_POLICY}).${advice}` }];
    }
    if (status.state === 'soon') {
      return [{ line, level: 'warning', message: `${name} will be deprecated in ${status.days} days (${when}); plan the move to a newer runtime.` }];
    }
    return [];
  },
});
