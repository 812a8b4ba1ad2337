import type { Language } from './types';

/**
 * Language runtimes for OS-only and non-AWS bases, where the image brings no runtime interface
 * client. Ids mirror the AWS runtimes (nodejs22, python3.13, …) plus go, rust and custom.
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
  lr('python3.13', 'python', '3.13'),
  lr('python3.12', 'python', '3.12'),
  lr('java21', 'java', '21'),
  lr('java17', 'java', '17'),
  lr('dotnet8', 'dotnet', '8'),
  lr('ruby3.3', 'ruby', '3.3'),
];

export function findLanguageRuntime(id: string): LanguageRuntime | undefined {
  const bare = id.replace(/\.x$/, '');
  return LANGUAGE_RUNTIMES.find((r) => r.id === bare);
}

export function languageRuntimeIds(): string[] {
  return LANGUAGE_RUNTIMES.map((r) => r.id);
}
