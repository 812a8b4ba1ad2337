import { defineRule } from '../engine';

/** Layers an AWS base image brings with it (its Dockerfiles ADD several tarballs). */
export const AWS_BASE_LAYERS = 8;
const WARN_ABOVE = 25;
const ERROR_ABOVE = 100;

/**
 * Every RUN/COPY/ADD adds a layer and a descriptor (~150-200 bytes) to the manifest, which
 * Lambda wants under ~25,400 bytes; Docker itself stops at about 127 layers.
 */
export const rule = defineRule({
  id: 'LAM015',
  severity: 'warning',
  description: 'Keep the final image\'s layer count low (the manifest must stay under ~25,400 bytes)',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    if (!final) return [];
    const own = ctx.finalInstructions().filter((i) => ['RUN', 'COPY', 'ADD'].includes(i.keyword)).length;
    const base = ctx.base(final);
    const inherited = base && base.kind !== 'other' ? AWS_BASE_LAYERS : 0;
    const total = own + inherited;
    if (total <= WARN_ABOVE) return [];
    const detail = `${own} RUN/COPY/ADD layers${inherited ? ` plus about ${inherited} from the AWS base` : ''}`;
    return [{
      line: final.line,
      level: total > ERROR_ABOVE ? 'error' : 'warning',
      message: `The final image has ${detail}; each layer grows the manifest, which Lambda wants under about 25,400 bytes. Build in a separate stage and COPY --from the result, and merge RUNs.`,
    }];
  },
});
