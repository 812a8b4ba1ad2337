import type { Language } from './types';

/**
 * The language versions the generator knows, newest first: one list per language, from which
 * the runtime ids (nodejs22, python3.13, …), the official default images and the copies onto
 * other releases are all generated. A new version is one entry here; what differs per version
 * (Lambda's own images, a release's packages, the runtime client's range) stays with those facts.
 */
export const LANGUAGE_VERSIONS: Partial<Record<Language, readonly string[]>> = {
  nodejs: ['24', '22'],
  python: ['3.14', '3.13', '3.12', '3.11'],
  java: ['25', '21', '17', '11', '8'],
  dotnet: ['10', '9', '8'],
  ruby: ['4.0', '3.4', '3.3'],
};

/**
 * Versions known only so that they are refused with a reason (the catalogued Node.js client needs
 * 22 or newer): runtime ids exist for them, but no images or packages are generated.
 */
export const REFUSED_VERSIONS: Partial<Record<Language, readonly string[]>> = {
  nodejs: ['20'],
};

/** The versions of a language the generator builds for, newest first. */
export function versionsOf(language: Language): readonly string[] {
  return LANGUAGE_VERSIONS[language] ?? [];
}

/** The runtime id of a language version: nodejs22, python3.13, java21, ruby3.4. */
export function runtimeId(language: Language, version: string): string {
  return `${language}${version}`;
}
