import { LANGUAGES } from './languages';
import { AWS_RUNTIMES } from './runtimes';
import { ricFor } from './rics';
import type { Language, Schedule } from './types';

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
  lr('nodejs24', 'nodejs', '24'),
  lr('nodejs22', 'nodejs', '22'),
  // Known so that it is refused with a reason: the catalogued client needs Node.js 22 or newer.
  lr('nodejs20', 'nodejs', '20'),
  lr('python3.14', 'python', '3.14'),
  lr('python3.13', 'python', '3.13'),
  lr('python3.12', 'python', '3.12'),
  lr('python3.11', 'python', '3.11'),
  lr('java25', 'java', '25'),
  lr('java21', 'java', '21'),
  lr('java17', 'java', '17'),
  lr('java11', 'java', '11'),
  lr('java8', 'java', '8'),
  lr('dotnet10', 'dotnet', '10'),
  lr('dotnet9', 'dotnet', '9'),
  lr('dotnet8', 'dotnet', '8'),
  lr('ruby4.0', 'ruby', '4.0'),
  lr('ruby3.4', 'ruby', '3.4'),
  lr('ruby3.3', 'ruby', '3.3'),
];

export function findLanguageRuntime(id: string): LanguageRuntime | undefined {
  const bare = id.replace(/\.x$/, '');
  return LANGUAGE_RUNTIMES.find((r) => r.id === bare);
}

/** Runtimes a pinned client supports: the ones worth offering (nodejs20 is only explained). */
export function languageRuntimeIds(): string[] {
  return LANGUAGE_RUNTIMES.filter((r) => ricFor(r.language, r.version) !== undefined || LANGUAGES[r.language].bootstrap === 'script').map((r) => r.id);
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
