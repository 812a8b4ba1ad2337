import { describe, expect, it } from 'vitest';
import { generate } from '../../src/commands/generate';
import { lintSync } from '../../src/lint';
import { resolveOptions } from '../../src/options/resolve';
import { everyCombination } from '../support/matrix';
import { BEFORE_ANY_DEPRECATION } from '../support/run';

describe("the generator's whole matrix lints clean", () => {
  it('no error- or warning-level finding at a date when no runtime is deprecated (pragmas with reasons allowed)', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const { raw } of everyCombination()) {
      let resolved;
      try {
        resolved = resolveOptions(raw, BEFORE_ANY_DEPRECATION);
      } catch {
        continue; // refused combinations are tested with their messages elsewhere
      }
      const { dockerfile } = generate(resolved, { files: new Set() }, 'fn');
      const findings = lintSync(dockerfile, { today: BEFORE_ANY_DEPRECATION, arch: resolved.options.arch });
      for (const f of findings.filter((x) => x.level === 'error' || x.level === 'warning')) {
        problems.push(`${JSON.stringify(raw)}: ${f.code} ${f.level} line ${f.line}: ${f.message}`);
      }
      // Every pragma the generator writes comes with a comment saying why, on the line above.
      const lines = dockerfile.split('\n');
      lines.forEach((line, i) => {
        if (/^# (hadolint|lambda-lint) /.test(line)) expect(lines[i - 1], line).toMatch(/^# \S/);
      });
      checked++;
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });
});
