import type { RuleContext, RuleHit } from '../engine';

/** The second and later `keyword` instructions of each stage (state resets at FROM). */
export function repeatedPerStage(ctx: RuleContext, keyword: string, message: string): RuleHit[] {
  const seen = new Set<number>();
  const hits: RuleHit[] = [];
  for (const i of ctx.df.instructions) {
    if (i.keyword !== keyword) continue;
    if (seen.has(i.stage)) hits.push({ line: i.line, message });
    seen.add(i.stage);
  }
  return hits;
}
