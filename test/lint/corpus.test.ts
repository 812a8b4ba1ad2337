/**
 * Real-world-style Lambda Dockerfiles (AWS documentation and SAM layouts, Lambda Web Adapter
 * examples, AWS's own base-image recipe, images built on other bases with a runtime client):
 * every one of them works on Lambda. Each file's first line lists the LAM findings it should
 * get (`# expect: LAM008@6 ...`, or `none`), so every finding is pinned by rule and line; no
 * error-level finding may claim that a working image breaks (deprecation notices aside, which
 * are facts about the base image, not claims about the Dockerfile).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSync } from '../../src/lint';
import { LAMBDA_RULES } from '../../src/lint/rules';
import { FIXTURES } from './io';
import { TODAY } from './helpers';

const DIR = join(FIXTURES, 'corpus');
const files = readdirSync(DIR).filter((f) => f.endsWith('.Dockerfile')).sort();

function expected(text: string): string[] {
  const header = /^# expect: (.*)$/m.exec(text.split('\n')[0] ?? '');
  if (!header) throw new Error('corpus files start with "# expect: ..."');
  return header[1] === 'none' ? [] : header[1]!.split(/\s+/).sort();
}

describe('a corpus of working Lambda Dockerfiles', () => {
  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const found = lintSync(text, { today: TODAY, rules: LAMBDA_RULES }).map((x) => `${x.code}@${x.line}`).sort();
      expect(found).toEqual(expected(text));
    });
  }

  it('no error-level claim that a working image breaks (false-positive rate 0 of the corpus)', () => {
    const wrong: string[] = [];
    for (const f of files) {
      const findings = lintSync(readFileSync(join(DIR, f), 'utf8'), { today: TODAY, rules: LAMBDA_RULES });
      for (const x of findings.filter((y) => y.level === 'error' && y.code !== 'LAM008')) wrong.push(`${f}:${x.line} ${x.code} ${x.message}`);
    }
    const rate = wrong.length / files.length;
    console.log(`corpus: ${files.length} working Lambda Dockerfiles, ${wrong.length} error-level false positives (${(100 * rate).toFixed(1)}%)`);
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(wrong).toEqual([]);
  });
});
