/** Shared helpers: per-rule catch/not-catch tables in the style of hadolint's ruleCatches. */
import { describe, expect, it } from 'vitest';
import type { Arch } from '../../src/catalog';
import { lintSync } from '../../src/lint';
import { findRule } from '../../src/lint/rules';
import type { Finding, Level } from '../../src/lint/types';

export const TODAY = new Date('2026-11-22T00:00:00Z');

export interface Case {
  text: string;
  arch?: Arch;
  allowDeprecated?: boolean;
  trustedRegistries?: string[];
  today?: Date;
  /** Some finding has this level. */
  level?: Level;
  /** Some finding (with `level`, if given) is on this line. */
  line?: number;
  /** The lines of every finding of the rule, in order: required for `catches`. */
  lines?: number[];
}

type Entry = string | Case;

const asCase = (e: Entry): Case => (typeof e === 'string' ? { text: e } : e);

/** Findings of one rule on a Dockerfile. */
export function findingsOf(id: string, c: Entry): Finding[] {
  const k = asCase(c);
  const rule = findRule(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return lintSync(k.text, {
    today: k.today ?? TODAY,
    ...(k.arch ? { arch: k.arch } : {}),
    allowDeprecated: k.allowDeprecated ?? false,
    trustedRegistries: k.trustedRegistries ?? [],
    rules: [rule],
  }).filter((f) => f.code === id);
}

/** All built-in findings (every rule) of a Dockerfile. */
export function lintAll(text: string, extra: Partial<Case> = {}): Finding[] {
  return lintSync(text, { today: extra.today ?? TODAY, ...(extra.arch ? { arch: extra.arch } : {}), allowDeprecated: extra.allowDeprecated ?? false, trustedRegistries: extra.trustedRegistries ?? [] });
}

const label = (e: Entry): string => asCase(e).text.replace(/\n/g, ' ⏎ ').slice(0, 90);

/** Tables recorded instead of run while `collectTables` is on (the agreement test reads them). */
export const collectedTables: { id: string; texts: string[] }[] = [];
let collecting = false;
export function collectTables(on: boolean): void {
  collecting = on;
}

/** A table: every `catches` entry gives at least one finding of `id`, every `passes` entry none. */
export function ruleTable(id: string, table: { catches: Entry[]; passes: Entry[] }): void {
  if (collecting) {
    collectedTables.push({ id, texts: [...table.catches, ...table.passes].map((e) => asCase(e).text) });
    return;
  }
  describe(id, () => {
    it('has metadata', () => {
      const rule = findRule(id)!;
      expect(rule.description.length).toBeGreaterThan(5);
      expect(rule.docs).toMatch(id.startsWith('LAM') ? new RegExp(`#${id.toLowerCase()}$`) : new RegExp(`/wiki/${id}$`));
    });
    for (const entry of table.catches) {
      it(`catches: ${label(entry)}`, () => {
        const found = findingsOf(id, entry);
        expect(found.length, `expected ${id} on:\n${asCase(entry).text}`).toBeGreaterThan(0);
        const c = asCase(entry);
        const match = found.filter((f) => (!c.level || f.level === c.level) && (!c.line || f.line === c.line));
        expect(match.length, `expected ${id}${c.level ? ` (${c.level})` : ''}${c.line ? ` at line ${c.line}` : ''}, got ${JSON.stringify(found)}`).toBeGreaterThan(0);
        for (const f of found) expect(f.message.length).toBeGreaterThan(10);
        // Every finding pinned by rule id and line, as ESLint's RuleTester does.
        expect(c.lines, `pin the lines of every ${id} finding of this case`).toBeDefined();
        expect(found.map((f) => f.line)).toEqual(c.lines);
        expect(found.every((f) => f.code === id)).toBe(true);
      });
    }
    for (const entry of table.passes) {
      it(`passes: ${label(entry)}`, () => {
        expect(findingsOf(id, entry), `unexpected ${id} on:\n${asCase(entry).text}`).toEqual([]);
      });
    }
  });
}

export interface Invalid extends Case {
  /** Every finding of the rule, in line order: its line, and its level when given. */
  errors: { line: number; level?: Level }[];
}

/**
 * ESLint RuleTester style: each `invalid` case lists every finding of `id` by line (and level),
 * exactly; each `valid` case has none.
 */
export function ruleTester(id: string, table: { valid: Entry[]; invalid: Invalid[] }): void {
  if (collecting) {
    collectedTables.push({ id, texts: [...table.valid.map((e) => asCase(e).text), ...table.invalid.map((c) => c.text)] });
    return;
  }
  describe(`${id} (every finding pinned)`, () => {
    for (const c of table.invalid) {
      it(`invalid: ${label(c)}`, () => {
        const found = findingsOf(id, c);
        expect(found.map((f) => ({ line: f.line, ...(c.errors.some((e) => e.level) ? { level: f.level } : {}) }))).toEqual(c.errors.map((e) => ({ line: e.line, ...(c.errors.some((x) => x.level) ? { level: e.level } : {}) })));
        for (const f of found) expect(f.code).toBe(id);
      });
    }
    for (const entry of table.valid) {
      it(`valid: ${label(entry)}`, () => {
        expect(findingsOf(id, entry), `unexpected ${id} on:\n${asCase(entry).text}`).toEqual([]);
      });
    }
  });
}
