/**
 * Edit distance for "did you mean" hints: insertions, deletions, substitutions and swaps of two
 * neighbouring letters (the optimal string alignment distance), so `lits` is one edit from `list`.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');

/** Whether a distance is small enough to be a typo of a word: a third of the shorter, at least one. */
function closeEnough(word: string, candidate: string, distance: number): boolean {
  return distance <= Math.max(1, Math.floor(Math.min(word.length, candidate.length) / 3));
}

/**
 * The candidate nearest to a mistyped word (case, - and _ ignored), if it is close enough to be
 * a typo: within a third of the shorter word's length, and at least one edit.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return ranked(word, candidates)[0];
}

/** Every candidate close enough to be meant, nearest first (ties keep the candidates' order). */
export function ranked(word: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: editDistance(norm(word), norm(candidate)) }))
    .filter((c) => closeEnough(word, c.candidate, c.distance))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map((c) => c.candidate);
}

/** " (did you mean X?)" for a close candidate, else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const hit = closest(word, candidates);
  return hit ? `; did you mean ${hit}?` : '';
}
