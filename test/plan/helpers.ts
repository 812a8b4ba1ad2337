import { LANGUAGES } from '../../src/catalog';
import type { Language } from '../../src/catalog/types';
import { defaultOptions, type Options } from '../../src/options';
import { plan, type ImagePlan, type ProjectFacts } from '../../src/plan';

/** Options as resolve() would leave them, with the language's default handler. */
export function optionsFor(language: Language, overrides: Partial<Options> & Pick<Options, 'base' | 'runtime'>): Options {
  return { ...defaultOptions(), handler: LANGUAGES[language].defaultHandler, ...overrides };
}

export function facts(...files: string[]): ProjectFacts {
  return { files: new Set(files) };
}

/** plan() alone: no files are read, no template is rendered. */
export function planFor(language: Language, overrides: Partial<Options> & Pick<Options, 'base' | 'runtime'>, files: ProjectFacts = facts()): ImagePlan {
  return plan(optionsFor(language, overrides), language, files);
}

/** The files a sample brings for each language, so plans see lockfiles and manifests. */
export const PROJECT_FILES: Record<Language, string[]> = {
  nodejs: ['package.json', 'package-lock.json', 'index.mjs'],
  python: ['requirements.txt', 'lambda_function.py'],
  java: ['pom.xml'],
  dotnet: ['Function.csproj'],
  ruby: ['Gemfile', 'Gemfile.lock', 'app.rb'],
  go: ['go.mod', 'go.sum', 'main.go'],
  rust: ['Cargo.toml', 'Cargo.lock'],
  custom: ['bootstrap', 'function.sh'],
};
