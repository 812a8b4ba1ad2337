import type { Language } from '../../catalog/types';
import { custom, type CustomTemplates } from './custom';
import { dotnet, type DotnetTemplates } from './dotnet';
import { go, type GoTemplates } from './go';
import { java, type JavaTemplates } from './java';
import type { LanguageModule } from './module';
import { nodejs, type NodeTemplates } from './nodejs';
import { python, type PythonTemplates } from './python';
import { ruby, type RubyTemplates } from './ruby';
import { rust, type RustTemplates } from './rust';

/**
 * One module per language: a new language is a module here, its catalog entries (src/catalog/)
 * and its templates (templates/dockerfile/<kind>/<language>.hbs).
 */
export const LANGUAGE_MODULES = { nodejs, python, java, dotnet, ruby, go, rust, custom } satisfies {
  [L in Language]: LanguageModule & { id: L };
};

export function languageModule(language: Language): LanguageModule {
  return LANGUAGE_MODULES[language];
}

/** Every Dockerfile template with the data it reads, keyed by the template's name. */
export type LanguageTemplate =
  | NodeTemplates
  | PythonTemplates
  | JavaTemplates
  | DotnetTemplates
  | RubyTemplates
  | GoTemplates
  | RustTemplates
  | CustomTemplates;

export type { LanguageModule, NativeCommon } from './module';
