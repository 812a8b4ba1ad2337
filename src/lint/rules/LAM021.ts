import { OS_ONLY_BASES } from '../../catalog';
import { recogniseBase } from '../../catalog/bases';
import { defineRule, type RuleHit } from '../engine';

/**
 * The final base must be pinned: an untagged or `latest` image changes under you (the AWS
 * `provided` image silently moved from AL2 to AL2023). AWS images are checked in every stage.
 */
export const rule = defineRule({
  id: 'LAM021',
  severity: 'warning',
  description: 'Pin the final base image (and every AWS base image) to an explicit tag',
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const final = ctx.df.finalStage;
    const finalRoot = final ? ctx.chain(final)[0] : undefined;
    for (const s of ctx.df.stages) {
      if (s.parent !== null || !s.expandedImage) continue;
      const base = recogniseBase(s.expandedImage);
      if (base.scratch || base.ref.digest) continue;
      const floating = !base.ref.tag || base.ref.tag === 'latest';
      if (!floating || (s !== finalRoot && base.kind === 'other')) continue;
      const what = base.ref.tag ? 'the moving "latest" tag' : 'no tag (so "latest")';
      hits.push({ line: s.line, message: `FROM ${s.expandedImage} uses ${what}; ${base.kind !== 'other' ? 'AWS moves these between OS releases and runtimes' : 'the image can change under you'}. Pin a version tag (e.g. ${base.kind === 'os-only' ? `provided:${OS_ONLY_BASES[0]!.tag}` : base.kind === 'aws-runtime' ? `${base.language}:<version>` : '<image>:<version>'}) or a digest.` });
    }
    return hits;
  },
});
