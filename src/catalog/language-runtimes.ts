import { AWS_RUNTIMES } from './runtimes';
import { ricFor } from './rics';
import type { Language, Schedule } from './types';
import { LANGUAGE_VERSIONS, REFUSED_VERSIONS, runtimeId } from './versions';

export { LANGUAGE_VERSIONS } from './versions';

/**
 * Language runtimes for OS-only and non-AWS bases, where the image brings no runtime interface
 * client. Ids mirror the AWS runtimes (nodejs22, python3.13, …) plus go, rust and custom. Which
 * base can provide each one is decided per family from src/catalog/images.ts.
 */
export interface LanguageRuntime {
  kind: 'language-runtime';
  id: string;
  language: Language;
  /** Language version (22, 3.13, 21, …); compiled languages and custom have none. */
  version?: string;
}

const lr = (id: string, language: Language, version?: string): LanguageRuntime => ({
  kind: 'language-runtime',
  id,
  language,
  ...(version ? { version } : {}),
});

export const LANGUAGE_RUNTIMES: readonly LanguageRuntime[] = [
  lr('go', 'go'),
  lr('rust', 'rust'),
  lr('custom', 'custom'),
  ...Object.entries(LANGUAGE_VERSIONS).flatMap(([language, versions]) =>
    [...versions, ...(REFUSED_VERSIONS[language as Language] ?? [])].map((v) => lr(runtimeId(language as Language, v), language as Language, v)),
  ),
];

export function findLanguageRuntime(id: string): LanguageRuntime | undefined {
  const bare = id.replace(/\.x$/, '');
  return LANGUAGE_RUNTIMES.find((r) => r.id === bare);
}

/** Runtimes a pinned client supports: the ones worth offering (nodejs20 is only explained). */
export function languageRuntimeIds(): string[] {
  return LANGUAGE_RUNTIMES.filter((r) => ricFor(r.language, r.version) !== undefined || r.language === 'custom').map((r) => r.id);
}

/**
 * The language version's end of support, taken from Lambda's schedule for the same language
 * version (the latest date when several images run it, e.g. java17 on AL2 and AL2023). Lambda
 * deprecates a runtime when its community stops security fixes, so it applies to any base.
 */
export function languageSchedule(runtime: LanguageRuntime): (Schedule & { from: string }) | undefined {
  if (!runtime.version) return undefined;
  const matching = AWS_RUNTIMES.filter((r) => r.language === runtime.language && r.languageVersion === runtime.version);
  const latest = [...matching].sort((a, b) => b.deprecation.localeCompare(a.deprecation))[0];
  if (!latest) return undefined;
  return {
    deprecation: latest.deprecation,
    ...(latest.blockCreate ? { blockCreate: latest.blockCreate } : {}),
    ...(latest.blockUpdate ? { blockUpdate: latest.blockUpdate } : {}),
    from: latest.lambdaId,
  };
}
