/**
 * The rule engine: one pass over the parsed Dockerfile, every rule sharing the same model and
 * the same memoised shell parses. Pragmas and settings are applied afterwards.
 */
import * as catalog from '../catalog';
import type { Arch } from '../catalog';
import { recogniseBase, type RecognisedBase } from '../catalog/bases';
import type { DfInstruction, DfStage, ParsedDockerfile } from './dockerfile';
import { parseShell, type ShellScript } from './shell';
import type { Level } from './types';

/** Where LAM rules are documented; the rule id in lower case is the anchor. */
export const LAMBDA_DOCS_BASE = 'https://www.npmjs.com/package/create-lambda-image#';
export const HADOLINT_DOCS_BASE = 'https://github.com/hadolint/hadolint/wiki/';
export const SHELLCHECK_DOCS_BASE = 'https://www.shellcheck.net/wiki/';

export function docsUrl(code: string): string {
  if (code.startsWith('LAM')) return LAMBDA_DOCS_BASE + code.toLowerCase();
  if (code.startsWith('SC')) return SHELLCHECK_DOCS_BASE + code;
  return HADOLINT_DOCS_BASE + code;
}

export interface RuleOptions {
  /** The function's architecture, when known. */
  arch?: Arch;
  /** The user accepted a deprecated runtime: report it as a warning, not an error. */
  allowDeprecated: boolean;
  /** Registries allowed by DL3026; the rule is off when empty. */
  trustedRegistries: string[];
  /** Registry prefixes that mirror public.ecr.aws. */
  registryMirrors?: string[];
}

export interface RuleContext {
  df: ParsedDockerfile;
  catalog: typeof catalog;
  today: Date;
  options: RuleOptions;
  /** The shell commands of a RUN (exec form and ONBUILD triggers included); memoised. */
  shell(ins: DfInstruction): ShellScript;
  /** Per-context memo for derived data the rules share (keyed by a helper's name). */
  memo<T>(key: string, make: () => T): T;
  /** The stage and the earlier stages it builds FROM, root first. */
  chain(stage: DfStage): DfStage[];
  /** The base image at the root of a stage's chain; null when it cannot be resolved. */
  base(stage: DfStage): RecognisedBase | null;
  /** Instructions that end up in the final image: the final stage's chain, FROMs excluded. */
  finalInstructions(): DfInstruction[];
}

export interface RuleHit {
  line: number;
  column?: number;
  message: string;
  /** Overrides the rule's default severity for this hit. */
  level?: Level;
}

export interface Rule {
  id: string;
  severity: Level;
  description: string;
  docs: string;
  check(ctx: RuleContext): RuleHit[];
}

export interface RawFinding {
  code: string;
  line: number;
  column: number;
  level: Level;
  message: string;
}

export function createContext(df: ParsedDockerfile, today: Date, options: RuleOptions): RuleContext {
  const shells = new Map<DfInstruction, ShellScript>();
  const bases = new Map<DfStage, RecognisedBase | null>();
  let finals: DfInstruction[] | null = null;
  const memos = new Map<string, unknown>();
  const chain = (stage: DfStage): DfStage[] => {
    const out = [stage];
    let s = stage;
    while (s.parent !== null && out.length <= df.stages.length) {
      s = df.stages[s.parent]!;
      out.unshift(s);
    }
    return out;
  };
  return {
    df,
    catalog,
    today,
    options,
    shell(ins) {
      let parsed = shells.get(ins);
      if (!parsed) {
        parsed = shellOf(ins);
        shells.set(ins, parsed);
      }
      return parsed;
    },
    memo<T>(key: string, make: () => T): T {
      if (!memos.has(key)) memos.set(key, make());
      return memos.get(key) as T;
    },
    chain,
    base(stage) {
      if (!bases.has(stage)) {
        const root = chain(stage)[0]!;
        bases.set(stage, root.expandedImage ? recogniseBase(root.expandedImage, options.registryMirrors ?? []) : null);
      }
      return bases.get(stage) ?? null;
    },
    finalInstructions() {
      finals ??= df.finalStage ? chain(df.finalStage).flatMap((s) => s.instructions.filter((i) => i.keyword !== 'FROM')) : [];
      return finals;
    },
  };
}

function shellOf(ins: DfInstruction): ShellScript {
  if (ins.keyword === 'ONBUILD' && ins.trigger) return shellOf(ins.trigger);
  if (ins.keyword !== 'RUN') return { commands: [], hasPipe: false };
  if (ins.exec && ins.json) {
    // ["sh", "-c", "script"] runs a script; any other exec form is one command.
    const [prog, flag, script] = ins.json;
    if (prog && /(^|\/)(ba|da|a|z|k)?sh$/.test(prog) && flag === '-c' && script !== undefined) return parseShell(script);
    return { commands: [{ words: ins.json, assignments: [], nested: false }], hasPipe: false };
  }
  if (ins.script === null) return { commands: [], hasPipe: false };
  // A heredoc script with a non-shell interpreter (#!/usr/bin/env python3) is not shell.
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(ins.script);
  if (shebang) {
    const prog = shebang[1]!.endsWith('/env') ? shebang[2] ?? '' : shebang[1]!;
    if (!/(^|\/)(ba|da|a|z|k)?sh$/.test(prog)) return { commands: [], hasPipe: false };
  }
  return parseShell(ins.script);
}

/** Runs every rule once; a rule that throws is a bug, reported as a finding instead of a crash. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    let hits: RuleHit[];
    try {
      hits = rule.check(ctx);
    } catch (e) {
      hits = [{ line: 1, level: 'info', message: `internal error in rule ${rule.id}: ${(e as Error).message} (please report it)` }];
    }
    for (const h of hits) {
      out.push({ code: rule.id, line: h.line, column: h.column ?? 1, level: h.level ?? rule.severity, message: h.message });
    }
  }
  return out;
}

/** Instructions a RUN-looking rule should examine: RUNs, and RUNs inside ONBUILD. */
export function runInstructions(ins: readonly DfInstruction[]): DfInstruction[] {
  return ins.filter((i) => i.keyword === 'RUN' || (i.keyword === 'ONBUILD' && i.trigger?.keyword === 'RUN'));
}

/** A rule with its documentation link filled in from the id. */
export function defineRule(rule: Omit<Rule, 'docs'>): Rule {
  return { ...rule, docs: docsUrl(rule.id) };
}
