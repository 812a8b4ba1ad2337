/**
 * The linter's library entry: `lintText` parses once, runs the Lambda rules and either a real
 * hadolint (when available and allowed) or the built-in DL rules plus ShellCheck, then applies
 * pragmas and settings. No work happens at import time; the hadolint and ShellCheck helpers
 * are loaded only when they run.
 */
import type { Arch } from '../catalog';
import { parseDockerfile } from './dockerfile';
import { createContext, runRules, type RawFinding, type RuleOptions } from './engine';
import { applyPragmas } from './pragmas';
import type { Rule } from './engine';
import { DL_RULES, LAMBDA_RULES, RULES } from './rules';
import { looksLikeLambda } from './rules/lambda-shape';
import { applySettings, fails, resolveSettings, type LintSettings, type SettingsLayer } from './settings';
import { finding, type Finding, type HadolintMode } from './types';

export type { Finding, HadolintMode, Level, Threshold } from './types';
export type { LintSettings, SettingsLayer } from './settings';
export type { RecognisedBase } from '../catalog/bases';
export { recogniseBase } from '../catalog/bases';

import { onPathSync } from './which';

export const BUILTIN_ENGINE = 'create-lambda-image built-in rules';

export interface LintTextOptions {
  /** The name findings carry (`-` for stdin); default `Dockerfile`. */
  file?: string;
  /** "Today" for deprecation dates. */
  today: Date;
  /** The function's architecture, when known. */
  arch?: Arch;
  /** The user accepted a deprecated runtime: report it as a warning. */
  allowDeprecated?: boolean;
  /** Real hadolint: $HADOLINT/PATH (auto, the default), its Docker image, or off. */
  hadolint?: HadolintMode;
  /** The `lint:` section of lambda-image.yaml. */
  settings?: SettingsLayer;
  /** Command-line settings (above lambda-image.yaml). */
  flags?: SettingsLayer;
  /** An explicit .hadolint.yaml; otherwise it is searched from `cwd` as hadolint does. */
  configPath?: string;
  /** Settings already resolved (skips the .hadolint.yaml search). */
  resolved?: LintSettings;
  /** Run ShellCheck on RUN scripts when it is installed (built-in engine only); default true. */
  shellcheck?: boolean;
  /** Run the Lambda (LAM) rules; default true. Off for teams that lint every Dockerfile they have. */
  lambdaRules?: boolean;
  /** Registry prefixes that mirror public.ecr.aws (--registry-mirror, the team config). */
  registryMirrors?: string[];
  hadolintTimeoutMs?: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface LintResult {
  /** Findings after pragmas and settings, sorted by line. */
  findings: Finding[];
  /** Which engine ran: "create-lambda-image built-in rules" or "hadolint X.Y.Z + Lambda rules". */
  engine: string;
  /** One-line notes: hadolint fallbacks, ShellCheck skipped, ... */
  notes: string[];
  settings: LintSettings;
  /** A finding at or above the failure threshold (or a parse error). */
  failed: boolean;
  /** False when nothing in the file suggests a Lambda image (no AWS base, client or adapter). */
  lambdaImage: boolean;
}

export interface LintSyncOptions {
  file?: string;
  today: Date;
  arch?: Arch;
  allowDeprecated?: boolean;
  trustedRegistries?: string[];
  /** The rules to run; default all built-in rules. */
  rules?: readonly Rule[];
  registryMirrors?: string[];
}

/**
 * The built-in rules alone, synchronously: no hadolint, no ShellCheck, no settings; pragmas
 * applied. What the property tests and per-rule tables drive.
 */
export function lintSync(text: string, opts: LintSyncOptions): Finding[] {
  const df = parseDockerfile(text);
  const raw = builtinFindings(df, opts.rules ?? RULES, opts.today, { ...(opts.arch ? { arch: opts.arch } : {}), allowDeprecated: opts.allowDeprecated ?? false, trustedRegistries: opts.trustedRegistries ?? [], registryMirrors: opts.registryMirrors ?? [] }).findings;
  const file = opts.file ?? 'Dockerfile';
  return applyPragmas(raw, df)
    .map((f) => finding(f.code, f.column, file, f.level, f.line, f.message))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

function builtinFindings(df: ReturnType<typeof parseDockerfile>, rules: readonly Rule[], today: Date, options: RuleOptions): { findings: RawFinding[]; lambdaImage: boolean } {
  if (df.errors.length > 0) {
    // Like hadolint: a file Docker cannot parse gets one DL1000 and no rule results.
    const e = df.errors[0]!;
    return { findings: [{ code: 'DL1000', line: e.line, column: e.column, level: 'error', message: e.message }], lambdaImage: true };
  }
  const ctx = createContext(df, today, options);
  return { findings: runRules(rules, ctx), lambdaImage: looksLikeLambda(ctx) };
}

export async function lintText(text: string, opts: LintTextOptions): Promise<LintResult> {
  const file = opts.file ?? 'Dockerfile';
  const settings = opts.resolved ?? (await resolveSettings({ cwd: opts.cwd, env: opts.env, configPath: opts.configPath, project: opts.settings, flags: opts.flags })).settings;
  const notes: string[] = [];
  const df = parseDockerfile(text);

  let hadolintFindings: Finding[] | null = null;
  let engine = BUILTIN_ENGINE;
  const mode = opts.hadolint ?? 'auto';
  // The wrappers (and child_process with them) load only when there is something to run.
  if (mode === 'docker' || (mode === 'auto' && (opts.env.HADOLINT || onPathSync('hadolint', opts.env)))) {
    const { runHadolint } = await import('./hadolint');
    const outcome = await runHadolint(text, {
      mode,
      file,
      cwd: opts.cwd,
      env: opts.env,
      configPath: opts.configPath ?? null,
      trustedRegistries: settings.trustedRegistries,
      ...(opts.hadolintTimeoutMs ? { timeoutMs: opts.hadolintTimeoutMs } : {}),
    });
    if (outcome.ok) {
      hadolintFindings = outcome.findings;
      engine = `hadolint ${outcome.version} + Lambda rules`;
    } else if (outcome.note) {
      notes.push(outcome.note);
    }
  }

  const lambda = opts.lambdaRules !== false;
  const rules = hadolintFindings ? (lambda ? LAMBDA_RULES : []) : lambda ? RULES : DL_RULES;
  const built = builtinFindings(df, rules, opts.today, { ...(opts.arch ? { arch: opts.arch } : {}), allowDeprecated: opts.allowDeprecated ?? false, trustedRegistries: settings.trustedRegistries, registryMirrors: opts.registryMirrors ?? [] });
  const raw = built.findings;
  if (!hadolintFindings && opts.shellcheck !== false && df.errors.length === 0) {
    if (onPathSync('shellcheck', opts.env)) {
      const { runShellcheck } = await import('./shellcheck');
      const sc = await runShellcheck(df, opts.env);
      raw.push(...sc.findings);
      if (sc.note) notes.push(sc.note);
    } else {
      notes.push('shellcheck not found; SC checks on RUN scripts were skipped');
    }
  }
  const own = applyPragmas(raw, df).map((f) => finding(f.code, f.column, file, f.level, f.line, f.message));
  const merged = applySettings([...(hadolintFindings ?? []), ...own], settings);
  const seen = new Set<string>();
  const findings = merged
    .filter((f) => {
      const key = `${f.code}:${f.line}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, engine, notes, settings, failed: fails(findings, settings.failureThreshold), lambdaImage: built.lambdaImage };
}
