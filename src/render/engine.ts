import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { templatePath } from '../shared/paths';

/**
 * Compiles templates/ from disk. The published bundle replaces this module with one built from
 * precompiled templates (scripts/build.mjs), so users never load the Handlebars compiler.
 */
export const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  preventIndent: true,
  // Only our helpers (registered in render.ts): a misspelt helper fails to compile.
  knownHelpers: { eq: true, join: true, json: true },
  knownHelpersOnly: true,
};

export interface TemplateEngine {
  hb: typeof Handlebars;
  template(name: string): Handlebars.TemplateDelegate;
}

/** Every template under templates/, by name without extension (dockerfile/aws/nodejs). */
export function templateFiles(): Map<string, string> {
  const base = templatePath();
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.hbs')) out.set(relative(base, full).split('\\').join('/').slice(0, -4), full);
    }
  };
  walk(base);
  return out;
}

export function createEngine(): TemplateEngine {
  const hb = Handlebars.create();
  const files = templateFiles();
  const cache = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, file] of files) {
    if (name.startsWith('dockerfile/partials/')) {
      hb.registerPartial(name.slice('dockerfile/partials/'.length), hb.compile(readFileSync(file, 'utf8'), COMPILE_OPTIONS));
    }
  }
  return {
    hb,
    template(name) {
      let t = cache.get(name);
      if (!t) {
        const file = files.get(name);
        if (!file) throw new Error(`no template ${name}`);
        t = hb.compile(readFileSync(file, 'utf8'), COMPILE_OPTIONS);
        cache.set(name, t);
      }
      return t;
    },
  };
}
