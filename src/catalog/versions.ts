import type { Language } from './types';

/**
 * The language versions the generator knows, newest first: one list per language, from which
 * the runtime ids (nodejs22, python3.13, …), the official default images and the copies onto
 * other releases are all generated. A new version is one entry here; what differs per version
 * (Lambda's own images, a release's packages, the runtime client's range) stays with those facts.
 */
export const LANGUAGE_VERSIONS: Partial<Record<Language, readonly string[]>> = {
  // 20 is known so that it is refused with a reason: the catalogued client needs Node.js 22 or newer.
  nodejs: ['24', '22', '20'],
  python: ['3.14', '3.13', '3.12', '3.11'],
  java: ['25', '21', '17', '11', '8'],
  dotnet: ['10', '9', '8'],
  ruby: ['4.0', '3.4', '3.3'],
};

/** The runtime id of a language version: nodejs22, python3.13, java21, ruby3.4. */
export function runtimeId(language: Language, version: string): string {
  return `${language}${version}`;
}
