/**
 * Runs the built-in DL rules and a real hadolint over the same Dockerfiles and measures, per
 * rule, how many of hadolint's findings the built-in rules catch (same file, line and code) and
 * how many of its silences they keep (a file where hadolint says nothing of a rule and neither
 * do we). Only the codes the built-in rules implement (and DL1000, a parse error) are compared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintSync } from '../../../src/lint';
import { DL_RULES } from '../../../src/lint/rules';

export const CAUGHT_TARGET = 0.98;
export const SILENCE_TARGET = 0.99;

export interface RuleAgreement {
  code: string;
  /** hadolint's findings of this rule, and how many the built-in rules report at the same line. */
  found: number;
  caught: number;
  /** Files where hadolint is silent about the rule, and how many we are silent about too. */
  silent: number;
  kept: number;
  /** Every disagreement: `+` we report alone, `-` we miss. */
  examples: string[];
}

export interface Agreement {
  /** Files compared. */
  files: number;
  /** Files Docker accepts but hadolint cannot parse: left out of the comparison. */
  unparsed: string[];
  rules: RuleAgreement[];
  overall: { found: number; caught: number; silent: number; kept: number };
  /** Rules below either target. */
  below: string[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

/** hadolint's (code, line) findings per file; files go in batches to keep argument lists short. */
function hadolintFindings(hadolint: string, texts: string[], today: string): Map<number, Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'lint-agreement-'));
  const out = new Map<number, Set<string>>();
  try {
    const names = texts.map((t, i) => {
      const name = join(dir, `f${i}.Dockerfile`);
      writeFileSync(name, t);
      out.set(i, new Set());
      return name;
    });
    for (let k = 0; k < names.length; k += 200) {
      const batch = names.slice(k, k + 200);
      // An empty HOME and cwd: no .hadolint.yaml of the machine's leaks in.
      const r = spawnSync(hadolint, ['-f', 'json', '--no-color', '--no-fail', ...batch], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`hadolint exited with ${r.status}: ${r.stderr.split('\n')[0]} (${today})`);
      for (const f of JSON.parse(r.stdout) as { code: string; file: string; line: number }[]) {
        const i = Number(/f(\d+)\.Dockerfile$/.exec(f.file)?.[1]);
        out.get(i)?.add(`${f.code}:${f.line}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

export function compare(hadolint: string, texts: string[], today: Date): Agreement {
  const codes = ['DL1000', ...DL_RULES.map((r) => r.id)];
  const theirs = hadolintFindings(hadolint, texts, today.toISOString());
  const rules = new Map<string, RuleAgreement>(codes.map((c) => [c, { code: c, found: 0, caught: 0, silent: 0, kept: 0, examples: [] }]));
  const unparsed: string[] = [];
  texts.forEach((text, i) => {
    const ours = new Set(lintSync(text, { today, rules: DL_RULES }).map((f) => `${f.code}:${f.line}`));
    const their = theirs.get(i)!;
    // hadolint's parser rejects some files Docker builds (a heredoc followed at once by the next
    // instruction); it then reports nothing else, so such a file says nothing about the rules.
    if ([...their].some((k) => k.startsWith('DL1000:')) && ![...ours].some((k) => k.startsWith('DL1000:'))) {
      unparsed.push(text);
      return;
    }
    for (const code of codes) {
      const a = rules.get(code)!;
      const t = [...their].filter((k) => k.startsWith(`${code}:`));
      const o = [...ours].filter((k) => k.startsWith(`${code}:`));
      if (t.length === 0) {
        a.silent++;
        if (o.length === 0) a.kept++;
        else a.examples.push(`+ line ${o[0]!.split(':')[1]}: ${text}`);
      }
      for (const k of t) {
        a.found++;
        if (ours.has(k)) a.caught++;
        else a.examples.push(`- line ${k.split(':')[1]}: ${text}`);
      }
    }
  });
  const list = [...rules.values()];
  const overall = list.reduce((s, r) => ({ found: s.found + r.found, caught: s.caught + r.caught, silent: s.silent + r.silent, kept: s.kept + r.kept }), { found: 0, caught: 0, silent: 0, kept: 0 });
  const below = list.filter((r) => ratio(r.caught, r.found) < CAUGHT_TARGET || ratio(r.kept, r.silent) < SILENCE_TARGET).map((r) => r.code);
  return { files: texts.length - unparsed.length, unparsed, rules: list, overall, below };
}

const pct = (n: number, d: number): string => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** A plain-text table: one row per rule, then the overall figures and the rules below target. */
export function formatAgreement(a: Agreement, version: string): string {
  const lines = [`Agreement with hadolint ${version} over ${a.files} Dockerfiles (targets: ≥ ${CAUGHT_TARGET * 100}% of its findings caught, ≥ ${SILENCE_TARGET * 100}% of its silences kept)`];
  lines.push('rule    findings  caught   silences  kept');
  for (const r of a.rules) {
    lines.push(`${r.code.padEnd(7)} ${String(r.found).padStart(8)}  ${pct(r.caught, r.found)}  ${String(r.silent).padStart(8)}  ${pct(r.kept, r.silent)}`);
  }
  const o = a.overall;
  lines.push(`overall ${String(o.found).padStart(8)}  ${pct(o.caught, o.found)}  ${String(o.silent).padStart(8)}  ${pct(o.kept, o.silent)}`);
  if (a.unparsed.length) lines.push(`left out: ${a.unparsed.length} Dockerfiles that Docker accepts and hadolint cannot parse (a heredoc followed directly by the next instruction)`);
  lines.push(a.below.length ? `below target: ${a.below.join(', ')}` : 'every rule meets both targets');
  return lines.join('\n');
}
