import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSync } from '../../src/lint';
import { findRule, RULES } from '../../src/lint/rules';
import { TODAY } from './helpers';

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

  it('each LAM rule names its source and gives a failing and a passing example that really fail and pass', () => {
    for (const r of RULES.filter((x) => x.id.startsWith('LAM'))) {
      const start = readme.indexOf(`#### ${r.id}\n`);
      const end = readme.indexOf('\n####', start + 1);
      const section = readme.slice(start, end);
      expect(section, r.id).toMatch(/\nSource: [^\n]*https:\/\/[^\s]+/);
      const example = (label: string): string => {
        const m = new RegExp(`\\n${label}:\\n\\n\`\`\`Dockerfile\\n([\\s\\S]*?)\\n\`\`\`\\n`).exec(section);
        expect(m, `${r.id} ${label}`).not.toBeNull();
        return m![1]!;
      };
      const run = (text: string) => lintSync(text, { today: TODAY, rules: [findRule(r.id)!] }).filter((f) => f.code === r.id);
      expect(run(example('Fails')).length, `${r.id}: its failing example`).toBeGreaterThan(0);
      expect(run(example('Passes')), `${r.id}: its passing example`).toEqual([]);
    }
  });
});
