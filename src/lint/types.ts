/** Severity levels, in hadolint's vocabulary so one threshold covers DL, SC and LAM codes. */
export type Level = 'error' | 'warning' | 'info' | 'style';
export type Threshold = Level | 'none';

export const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'style'];

/** One finding, with exactly the keys (and key order) of hadolint's JSON output. */
export interface Finding {
  code: string;
  column: number;
  file: string;
  level: Level;
  line: number;
  message: string;
}

/** Lower is more severe: error 0 … style 3. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Builds a finding with the keys in hadolint's order (JSON output depends on it). */
export function finding(code: string, column: number, file: string, level: Level, line: number, message: string): Finding {
  return { code, column, file, level, line, message };
}

/** Where a real hadolint comes from: $HADOLINT/PATH (auto), its Docker image, or nowhere. */
export type HadolintMode = 'auto' | 'docker' | 'off';
export const HADOLINT_MODES: readonly HadolintMode[] = ['auto', 'docker', 'off'];
