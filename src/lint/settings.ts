/**
 * Lint settings and their one precedence, highest first:
 *
 *   1. command-line flags (--failure-threshold, --ignore)
 *   2. the `lint:` section of lambda-image.yaml (handed in by the caller)
 *   3. .hadolint.yaml (--config FILE, else searched as hadolint does)
 *   4. defaults: failure threshold `warning`, nothing ignored or re-levelled
 *
 * Scalars (failureThreshold) take the highest layer that sets them; lists (ignored, each
 * override level, trustedRegistries) are concatenated across layers, as hadolint merges its
 * own sources. LAM codes may appear in any layer (hadolint ignores unknown codes).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../shared/errors';
import { MAX_CONFIG_BYTES, readLimited } from './read';
import { isLevel, LEVELS, levelRank, type Finding, type Level, type Threshold } from './types';

/** One source of settings; the shape of lambda-image.yaml's `lint:` section. */
export interface SettingsLayer {
  failureThreshold?: Threshold;
  ignored?: string[];
  override?: Partial<Record<Level, string[]>>;
  trustedRegistries?: string[];
}

export interface LintSettings {
  failureThreshold: Threshold;
  ignored: string[];
  override: Record<Level, string[]>;
  trustedRegistries: string[];
}

export const DEFAULT_SETTINGS: LintSettings = {
  failureThreshold: 'warning',
  ignored: [],
  override: { error: [], warning: [], info: [], style: [] },
  trustedRegistries: [],
};

/** Merges layers given lowest precedence first. */
export function mergeSettings(...layers: (SettingsLayer | undefined)[]): LintSettings {
  const out: LintSettings = { ...DEFAULT_SETTINGS, ignored: [], override: { error: [], warning: [], info: [], style: [] }, trustedRegistries: [] };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.failureThreshold) out.failureThreshold = layer.failureThreshold;
    out.ignored.push(...(layer.ignored ?? []));
    out.trustedRegistries.push(...(layer.trustedRegistries ?? []));
    for (const level of LEVELS) out.override[level].push(...(layer.override?.[level] ?? []));
  }
  out.ignored = [...new Set(out.ignored)];
  out.trustedRegistries = [...new Set(out.trustedRegistries)];
  return out;
}

/** Re-levels and drops findings. Overrides apply style, info, warning, error: error wins. */
export function applySettings(findings: Finding[], settings: LintSettings): Finding[] {
  const ignored = new Set(settings.ignored);
  const levelOf = new Map<string, Level>();
  for (const level of ['style', 'info', 'warning', 'error'] as const) {
    for (const code of settings.override[level]) levelOf.set(code, level);
  }
  return findings
    .filter((f) => !ignored.has(f.code))
    .map((f) => {
      const level = levelOf.get(f.code);
      return level && level !== f.level ? { ...f, level } : f;
    });
}

/** A parse error always fails (as with hadolint); otherwise any finding at or above the threshold. */
export function fails(findings: readonly Finding[], threshold: Threshold): boolean {
  if (threshold === 'none') return false;
  return findings.some((f) => f.code === 'DL1000' || levelRank(f.level) <= levelRank(threshold));
}

/** Where hadolint looks for its config, in its order (the working directory first). */
export function hadolintConfigCandidates(cwd: string, env: NodeJS.ProcessEnv): string[] {
  const out = [join(cwd, '.hadolint.yaml'), join(cwd, '.hadolint.yml')];
  if (env.XDG_CONFIG_HOME) out.push(join(env.XDG_CONFIG_HOME, 'hadolint.yaml'), join(env.XDG_CONFIG_HOME, 'hadolint.yml'));
  if (env.HOME) {
    const h = env.HOME;
    out.push(
      join(h, '.config', 'hadolint.yaml'), join(h, '.config', 'hadolint.yml'),
      join(h, '.hadolint', 'hadolint.yaml'), join(h, '.hadolint', 'hadolint.yml'),
      join(h, 'hadolint', 'config.yaml'), join(h, 'hadolint', 'config.yml'),
      join(h, '.hadolint.yaml'), join(h, '.hadolint.yml'),
    );
  }
  return out;
}

export interface LoadedHadolintConfig {
  /** The file read, or null when none was found. */
  path: string | null;
  layer: SettingsLayer;
}

/**
 * Reads .hadolint.yaml: the explicit path if given (missing → UsageError), else the first file
 * hadolint itself would find. Unknown keys are ignored; a broken file is a config error.
 */
export async function loadHadolintConfig(cwd: string, env: NodeJS.ProcessEnv, explicit?: string): Promise<LoadedHadolintConfig> {
  const candidates = explicit ? [isAbsolute(explicit) ? explicit : resolve(cwd, explicit)] : hadolintConfigCandidates(cwd, env);
  for (const path of candidates) {
    // A candidate that does not exist is skipped; anything else there (a FIFO, a device, a
    // huge file) is refused in one line rather than read.
    if (!explicit && !existsSync(path)) continue;
    const text = readLimited(path, explicit ? `the hadolint config ${explicit}` : path, MAX_CONFIG_BYTES);
    return { path, layer: await parseHadolintConfig(text, path) };
  }
  return { path: null, layer: {} };
}

export async function parseHadolintConfig(text: string, path = '.hadolint.yaml'): Promise<SettingsLayer> {
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new UsageError(`${path} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new UsageError(`${path} must be a YAML mapping`);
  const d = doc as Record<string, unknown>;
  const layer: SettingsLayer = {};
  const threshold = d['failure-threshold'];
  if (threshold !== undefined) {
    // hadolint's `ignore` means "fail on anything"; our `none` never fails.
    const t = threshold === 'ignore' ? 'style' : threshold;
    if (t !== 'none' && !isLevel(t)) throw new UsageError(`${path}: failure-threshold must be error, warning, info, style or none (got ${String(threshold)})`);
    layer.failureThreshold = t as Threshold;
  }
  layer.ignored = codeList(d.ignored, path, 'ignored');
  const override = d.override;
  if (override !== undefined && override !== null) {
    if (typeof override !== 'object' || Array.isArray(override)) throw new UsageError(`${path}: override must map levels to lists of codes`);
    layer.override = {};
    for (const level of LEVELS) {
      const list = codeList((override as Record<string, unknown>)[level], path, `override.${level}`);
      if (list.length) layer.override[level] = list;
    }
  }
  const trusted = d.trustedRegistries;
  layer.trustedRegistries = typeof trusted === 'string' ? [trusted] : codeList(trusted, path, 'trustedRegistries');
  return layer;
}

function codeList(value: unknown, path: string, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(',').map((x) => x.trim()).filter(Boolean);
  if (!Array.isArray(value) || !value.every((x) => typeof x === 'string' || typeof x === 'number')) {
    throw new UsageError(`${path}: ${key} must be a list of strings`);
  }
  return value.map(String);
}

export interface ResolveSettingsInput {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** An explicit .hadolint.yaml (--config). */
  configPath?: string;
  /** The lambda-image.yaml `lint:` section. */
  project?: SettingsLayer;
  /** Command-line flags. */
  flags?: SettingsLayer;
}

/** Applies the documented precedence: flags > lambda-image.yaml > .hadolint.yaml > defaults. */
export async function resolveSettings(input: ResolveSettingsInput): Promise<{ settings: LintSettings; configPath: string | null }> {
  const hadolint = await loadHadolintConfig(input.cwd, input.env, input.configPath);
  return { settings: mergeSettings(hadolint.layer, input.project, input.flags), configPath: hadolint.path };
}
