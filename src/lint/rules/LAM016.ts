import { flagValue } from '../dockerfile';
import { defineRule, type RuleHit } from '../engine';

const FIPS = /\.dkr\.ecr-fips\./;

/** Lambda cannot pull function images from ECR FIPS endpoints; pulling a base from one at build time is fine. */
export const rule = defineRule({
  id: 'LAM016',
  severity: 'info',
  description: 'ECR FIPS endpoints are not supported for Lambda function images',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const s of ctx.df.stages) {
      if (FIPS.test(s.expandedImage ?? s.image ?? '')) hits.push({ line: s.line, message: 'This image comes from an ECR FIPS endpoint (.dkr.ecr-fips.); fine for building, but push the function image to a regular .dkr.ecr. endpoint: Lambda does not support FIPS endpoints.' });
    }
    for (const i of ctx.df.instructions) {
      if (i.keyword === 'COPY' && FIPS.test(flagValue(i, 'from') ?? '')) hits.push({ line: i.line, message: 'COPY --from pulls from an ECR FIPS endpoint; fine at build time, but Lambda cannot use FIPS endpoints for the function image itself.' });
    }
    return hits;
  },
});
