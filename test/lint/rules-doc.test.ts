import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README documents every lint rule', () => {
  it('a heading (the rule\'s docs anchor) per LAM rule, with its severity and description', () => {
    for (const r of RULES.filter((x) => x.id.startsWith('LAM'))) {
      expect(readme, r.id).toContain(`#### ${r.id}\n\n**${r.severity}**: ${r.description}\n`);
    }
  });

  it('a table row per DL rule', () => {
    for (const r of RULES.filter((x) => !x.id.startsWith('LAM'))) {
      expect(readme, r.id).toContain(`| [${r.id}](${r.docs}) | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`);
    }
  });

  it('has unique ids and one docs URL per family', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.docs).toBe(r.id.startsWith('LAM') ? `https://www.npmjs.com/package/create-lambda-image#${r.id.toLowerCase()}` : `https://github.com/hadolint/hadolint/wiki/${r.id}`);
    }
  });
});
