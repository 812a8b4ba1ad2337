/**
 * The built-in DL rules against the real hadolint, over every generated Dockerfile, every rule
 * table's cases and a few hundred mutants of realistic Dockerfiles. Prints the agreement per
 * rule; skipped (saying why) when no hadolint is installed. CI installs one.
 */
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/commands/generate';
import { onPathSync } from '../../src/lint/which';
import { resolveOptions } from '../../src/options/resolve';
import { everyCombination } from '../support/matrix';
import { BEFORE_ANY_DEPRECATION } from '../support/run';
import { CAUGHT_TARGET, compare, formatAgreement, SILENCE_TARGET } from './agreement/compare';
import { mutants } from './agreement/mutants';
import { collectedTables, collectTables, TODAY } from './helpers';

const hadolint = process.env.HADOLINT || onPathSync('hadolint', process.env);
const version = hadolint ? /(\d+\.\d+\.\d+)/.exec(spawnSync(hadolint, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? null : null;

/** Rules that stay below a target, each with the reason; anything else below target fails. */
const KNOWN_BELOW: Record<string, string> = {
  DL3020: 'ADD of a git@ SSH source is ADD\'s own feature (COPY cannot fetch git); hadolint reports it',
  DL3022: 'Docker lower-cases stage names (AS Build is --from=build); hadolint compares them case-sensitively',
  DL3032: 'a RUN with a cache mount on /var/cache/yum leaves nothing to clean, and `rm -rf` of another folder cleans nothing; hadolint 2.15.1 judges the reverse',
  DL3033: 'a local .rpm file cannot carry a version pin; hadolint asks for one',
  DL3041: 'a local .rpm file cannot carry a version pin; hadolint asks for one',
};

async function corpus(): Promise<string[]> {
  const texts: string[] = [];
  for (const { raw } of everyCombination()) {
    try {
      const resolved = resolveOptions(raw, BEFORE_ANY_DEPRECATION);
      texts.push(generate(resolved, { files: new Set() }, 'fn').dockerfile);
    } catch {
      // refused combinations
    }
  }
  collectTables(true);
  const dir = join(import.meta.dirname, 'rules');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.test.ts')).sort()) await import(pathToFileURL(join(dir, f)).href);
  collectTables(false);
  for (const t of collectedTables) texts.push(...t.texts.map((x) => (x.endsWith('\n') ? x : `${x}\n`)));
  texts.push(...mutants(400));
  return [...new Set(texts)];
}

describe.skipIf(!version)(`agreement with the real hadolint${version ? ` ${version}` : ' (skipped: no hadolint on PATH or in $HADOLINT)'}`, () => {
  it(`catches ≥ ${CAUGHT_TARGET * 100}% of its findings and keeps ≥ ${SILENCE_TARGET * 100}% of its silences, per rule and overall`, async () => {
    const texts = await corpus();
    const a = compare(hadolint!, texts, TODAY);
    const named = a.below.map((code) => `${code}: ${KNOWN_BELOW[code] ?? 'below target, unexplained'}`);
    const report = [formatAgreement(a, version!), ...named].join('\n');
    console.log(report);
    for (const r of a.rules.filter((x) => a.below.includes(x.code))) console.log(`${r.code} disagreements:\n${r.examples.slice(0, 3).join('\n---\n')}`);
    if (process.env.CREATE_LAMBDA_IMAGE_AGREEMENT_OUT) writeFileSync(process.env.CREATE_LAMBDA_IMAGE_AGREEMENT_OUT, JSON.stringify({ version, ...a, report }));
    expect(texts.length).toBeGreaterThan(700);
    expect(a.overall.caught / a.overall.found).toBeGreaterThanOrEqual(CAUGHT_TARGET);
    expect(a.overall.kept / a.overall.silent).toBeGreaterThanOrEqual(SILENCE_TARGET);
    expect(a.below.sort()).toEqual(Object.keys(KNOWN_BELOW).sort());
  }, 300_000);
});
