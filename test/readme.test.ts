import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES, OS_ONLY_BASES } from '../src/catalog';
import { OPTION_SPECS } from '../src/options';

const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every flag', () => {
    for (const spec of OPTION_SPECS.filter((s) => s.flag)) expect(readme, spec.flag).toContain(`\`--${spec.flag}`);
  });

  it('has a runtime table row per catalog runtime with its image and dates', () => {
    for (const r of [...AWS_RUNTIMES, ...OS_ONLY_BASES]) {
      const row = readme.split('\n').find((l) => l.includes(`\`${r.image}:${r.tag}\``) && l.includes(`\`${r.lambdaId}\``));
      expect(row, r.lambdaId).toBeDefined();
      expect(row).toContain(r.deprecation);
      if (r.blockUpdate) expect(row).toContain(r.blockUpdate);
    }
  });

  it('gives the two set-up commands, the second being the CI test command', () => {
    expect(readme).toContain('npm ci && npm start -- --yes');
    expect(readme).toContain('npm ci && npm test');
    expect(readFileSync(join(import.meta.dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/^npm test( |$)/m);
  });
});
