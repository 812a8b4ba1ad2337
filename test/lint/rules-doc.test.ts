import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules';

describe('src/lint/RULES.md', () => {
  it('lists every rule with its current severity and description', () => {
    const doc = readFileSync(new URL('../../src/lint/RULES.md', import.meta.url), 'utf8');
    for (const r of RULES) {
      const id = r.id.startsWith('LAM') ? r.id : `[${r.id}](${r.docs})`;
      expect(doc, r.id).toContain(`| ${id} | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`);
    }
  });

  it('has unique ids and one docs URL constant per family', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.docs).toBe(r.id.startsWith('LAM') ? `https://github.com/create-lambda-image/create-lambda-image#${r.id.toLowerCase()}` : `https://github.com/hadolint/hadolint/wiki/${r.id}`);
    }
  });
});
