import type { Language } from '../../catalog/types';
import { custom } from './custom';
import { dotnet } from './dotnet';
import { go } from './go';
import { java } from './java';
import type { LanguageModule } from './module';
import { nodejs } from './nodejs';
import { python } from './python';
import { ruby } from './ruby';
import { rust } from './rust';

/**
 * One module per language: a new language is a module here, its catalog entries (src/catalog/)
 * and its templates (templates/dockerfile/<kind>/<language>.hbs).
 */
export const LANGUAGE_MODULES = { nodejs, python, java, dotnet, ruby, go, rust, custom } satisfies {
  [L in Language]: LanguageModule & { id: L };
};

type Modules = typeof LANGUAGE_MODULES;
type PartsOf<M> =
  | (M extends { aws: (ctx: never) => infer A } ? A : never)
  | (M extends { native: (ctx: never) => infer N } ? N : never);

/**
 * Every Dockerfile template with the data it reads, keyed by the template's name: derived from
 * what the modules return, so a module's template and its data cannot drift apart.
 */
export type LanguageTemplate = { [L in Language]: PartsOf<Modules[L]> }[Language]['dockerfile'];

export type { LanguageModule } from './module';
