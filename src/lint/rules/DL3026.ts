import { parseImageRef } from '../../catalog/bases';
import { defineRule } from '../engine';

function matches(registry: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return registry.endsWith(pattern.slice(1));
  return registry === pattern;
}

/** Only active when trustedRegistries is configured. */
export const rule = defineRule({
  id: 'DL3026',
  severity: 'error',
  description: 'FROM images must come from a trusted registry (when trustedRegistries is set)',
  check: (ctx) => {
    const trusted = ctx.options.trustedRegistries;
    if (trusted.length === 0) return [];
    return ctx.df.stages
      .filter((s) => s.parent === null && s.image && s.image.toLowerCase() !== 'scratch')
      .flatMap((s) => {
        const image = s.expandedImage ?? s.image!;
        if (image.includes('$')) return [];
        const registry = parseImageRef(image).registry ?? 'docker.io';
        const ok = trusted.some((t) => matches(registry, t) || (registry === 'docker.io' && (t === 'hub.docker.com' || t === 'index.docker.io')));
        return ok ? [] : [{ line: s.line, message: `FROM ${image} comes from ${registry}, which is not a trusted registry (${trusted.join(', ')}).` }];
      });
  },
});
