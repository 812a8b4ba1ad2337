/**
 * Inline suppressions.
 *  - `# hadolint ignore=DL3008,SC2086`: the next line only (hadolint's rule); DL and SC codes.
 *  - `# hadolint global ignore=…` anywhere; `# hadolint stage ignore=…` right above a FROM.
 *  - `# lambda-lint ignore=LAM001`: the next instruction (comment lines in between are
 *    skipped, so it can sit under a hadolint pragma); `global` and `stage` forms as above.
 * hadolint accepts only the characters D, L, S, C and digits in a code list and drops the
 * whole pragma otherwise; we do the same, and LAM024 explains it.
 */
import type { ParsedDockerfile } from './dockerfile';

export interface PragmaScope {
  /** Finding line → codes ignored on it. */
  lines: Map<number, Set<string>>;
  global: Set<string>;
  /** Stage index → codes ignored in it. */
  stages: Map<number, Set<string>>;
}

export interface Pragmas {
  hadolint: PragmaScope;
  lambda: PragmaScope;
  /** hadolint pragmas that real hadolint would drop (foreign or malformed codes). */
  rejected: { line: number; codes: string[] }[];
}

const HADOLINT = /^hadolint\s+(global\s+|stage\s+)?ignore\s*=\s*(.*)$/;
const HADOLINT_LIST = /^([DLSC0-9]+(?:\s*,\s*[DLSC0-9]+)*)\s*(#.*)?$/;
const LAMBDA = /^lambda-lint\s+(global\s+|stage\s+)?ignore\s*=\s*([A-Za-z0-9]+(?:\s*,\s*[A-Za-z0-9]+)*)\s*(#.*)?$/i;

const cache = new WeakMap<ParsedDockerfile, Pragmas>();

export function parsePragmas(df: ParsedDockerfile): Pragmas {
  const known = cache.get(df);
  if (known) return known;
  const empty = (): PragmaScope => ({ lines: new Map(), global: new Set(), stages: new Map() });
  const result: Pragmas = { hadolint: empty(), lambda: empty(), rejected: [] };
  const fromAt = new Map(df.stages.map((s) => [s.line, s.index]));
  const add = (map: Map<number, Set<string>>, key: number, codes: string[]): void => {
    const set = map.get(key) ?? new Set<string>();
    codes.forEach((c) => set.add(c));
    map.set(key, set);
  };
  const place = (scope: PragmaScope, kind: string, target: number, codes: string[]): void => {
    if (kind === 'global') codes.forEach((c) => scope.global.add(c));
    else if (kind === 'stage') {
      const stage = fromAt.get(target);
      if (stage !== undefined) add(scope.stages, stage, codes);
    } else add(scope.lines, target, codes);
  };
  for (const c of df.comments) {
    // Most comments are prose: skip them before any pattern runs (each costs a compile on first use).
    const start = c.text.slice(0, 11).toLowerCase();
    if (!start.startsWith('hadolint') && start !== 'lambda-lint') continue;
    const h = HADOLINT.exec(c.text);
    if (h) {
      const list = HADOLINT_LIST.exec(h[2]!.trim());
      if (!list) {
        const codes = h[2]!.split('#')[0]!.split(',').map((x) => x.trim()).filter(Boolean);
        result.rejected.push({ line: c.line, codes });
        continue;
      }
      place(result.hadolint, (h[1] ?? '').trim(), c.line + 1, list[1]!.split(',').map((x) => x.trim()));
      continue;
    }
    const l = LAMBDA.exec(c.text);
    if (l) {
      const next = df.instructions.find((i) => i.line > c.line)?.line ?? c.line + 1;
      place(result.lambda, (l[1] ?? '').trim().toLowerCase(), next, l[2]!.split(',').map((x) => x.trim().toUpperCase()));
    }
  }
  cache.set(df, result);
  return result;
}

/** Drops findings that a pragma ignores: LAM codes by lambda-lint pragmas, others by hadolint's. */
export function applyPragmas<T extends { code: string; line: number }>(findings: T[], df: ParsedDockerfile): T[] {
  const p = parsePragmas(df);
  const stageAt = (line: number): number => {
    let index = -1;
    for (const s of df.stages) if (s.line <= line) index = s.index;
    return index;
  };
  return findings.filter((f) => {
    const scope = f.code.startsWith('LAM') ? p.lambda : p.hadolint;
    if (scope.global.has(f.code)) return false;
    if (scope.lines.get(f.line)?.has(f.code)) return false;
    return !scope.stages.get(stageAt(f.line))?.has(f.code);
  });
}
