import { defineRule, type RuleHit } from '../engine';

/** Lambda runs Linux images only. */
export const rule = defineRule({
  id: 'LAM005',
  severity: 'error',
  description: 'Lambda runs Linux container images only',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    if (!final) return [];
    const hits: RuleHit[] = [];
    for (const stage of ctx.chain(final)) {
      if (stage.platform && /^windows\//i.test(stage.platform)) hits.push({ line: stage.line, message: `FROM --platform=${stage.platform}: Lambda runs only Linux images.` });
    }
    if (ctx.base(final)?.windows) hits.push({ line: final.line, message: `${final.image} is a Windows image; Lambda runs only Linux images.` });
    for (const i of ctx.finalInstructions()) {
      if (i.keyword === 'SHELL' && i.json && /powershell|pwsh|cmd(\.exe)?$/i.test(i.json[0] ?? '')) {
        hits.push({ line: i.line, message: `SHELL ${i.json[0]} belongs to a Windows image; Lambda runs only Linux images.` });
      }
    }
    return hits;
  },
});
