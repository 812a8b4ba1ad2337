// Bundles the CLI into dist/ so the published package has no runtime dependencies.
import { build } from 'esbuild';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import Handlebars from 'handlebars';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Must match COMPILE_OPTIONS in src/render/engine.ts (a test compares bundle and source output).
const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  preventIndent: true,
  knownHelpers: { eq: true, join: true, json: true },
  knownHelpersOnly: true,
};

function templates() {
  const base = join(root, 'templates');
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.hbs')) out.push([relative(base, full).split('\\').join('/').slice(0, -4), readFileSync(full, 'utf8')]);
    }
  };
  walk(base);
  return out.sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Swaps the template engine for one built from precompiled templates: start-up then loads only
 * the small Handlebars runtime, never its compiler. Each template's code sits behind a function,
 * so a run compiles (and its code cache holds) only the few templates it renders.
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]engine\.ts$/ }, () => {
      const specs = templates()
        .map(([name, source]) => `  ${JSON.stringify(name)}: () => (${Handlebars.precompile(source, COMPILE_OPTIONS)})`)
        .join(',\n');
      const contents = `import Handlebars from 'handlebars/runtime';
const SPECS = {
${specs}
};
const PARTIALS = 'dockerfile/partials/';
export function createEngine() {
  const hb = Handlebars.create();
  const cache = new Map();
  const template = (name) => {
    let t = cache.get(name);
    if (!t) {
      if (!SPECS[name]) throw new Error('no template ' + name);
      t = hb.template(SPECS[name]());
      cache.set(name, t);
    }
    return t;
  };
  // A partial is built on its first use: a run renders a handful of the templates.
  for (const name of Object.keys(SPECS)) {
    if (name.startsWith(PARTIALS)) hb.registerPartial(name.slice(PARTIALS.length), (context, options) => template(name)(context, options));
  }
  return { hb, template };
}
`;
      return { contents, loader: 'js', resolveDir: join(root, 'src') };
    });
  },
};

/**
 * Swaps the config validator for ajv's standalone code generated from the shipped JSON Schema
 * (a test keeps that file equal to the options), so start-up never loads ajv's compiler.
 */
const standaloneValidator = {
  name: 'standalone-config-validator',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]inputs[\\/]config[\\/]validator\.ts$/ }, () => {
      const schema = JSON.parse(readFileSync(join(root, 'schema', 'lambda-image.schema.json'), 'utf8'));
      // Same options as src/inputs/config/validator.ts, so messages match.
      const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, code: { source: true, esm: true } });
      let code = standaloneCode(ajv, ajv.compile(schema));
      // The generated code requires ajv's small runtime helpers; turn them into imports to bundle.
      const imports = [];
      code = code.replace(/require\("([^"]+)"\)/g, (_, mod) => {
        const name = `__rt${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(mod)};`);
        return name;
      });
      const contents = `${imports.join('\n')}\n${code}\nexport async function configValidator() { return validate; }\n`;
      return { contents, loader: 'js', resolveDir: root };
    });
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
// One CommonJS file: bin/create-lambda-image.cjs compiles it with a V8 code cache (vm.Script),
// which ES modules cannot use on Node 20. Commands load their modules lazily all the same:
// esbuild turns each dynamic import() into an init call that runs on first use.
await build({
  entryPoints: [join(root, 'src/cli/index.ts')],
  outfile: join(root, 'dist', 'cli.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  // The launcher reads the bundle as latin1: non-ASCII characters must stay escaped.
  charset: 'ascii',
  legalComments: 'none',
  plugins: [precompiledTemplates, standaloneValidator],
  // dockerfile-ast needs only Position.create and Range.create from this 100 kB module.
  alias: { 'vscode-languageserver-types': join(root, 'src', 'lint', 'lsp-types.ts') },
  // import.meta.url has no CommonJS equivalent; the bundle's own file stands in for it.
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: "var __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The bundle is one function expression: the launcher's vm.Script returns it without first
// copying 800 kB of source into a wrapper string. Run directly (`node dist/cli.cjs`), the same
// file calls itself as a module would.
const out = join(root, 'dist', 'cli.cjs');
writeFileSync(
  out,
  "(function (run) { if (typeof module === 'object' && require.main === module) { run(exports, require, module, __filename, __dirname); module.exports.runCli(); } return run; })" +
    `(function (exports, require, module, __filename, __dirname) {${readFileSync(out, 'latin1')}\n})\n`,
  'latin1',
);
const bundled = readFileSync(out);
if (bundled.some((byte) => byte > 0x7f)) throw new Error('dist/cli.cjs is not ASCII; the launcher reads it as latin1');
const required = [...bundled.toString('latin1').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
// ajv's helpers carry their own require() as a code string (unused by standalone code).
const foreign = required.filter((id) => !builtinModules.includes(id.replace(/^node:/, '')) && !id.startsWith('ajv/dist/runtime/'));
if (foreign.length) throw new Error(`dist/cli.cjs requires modules that are not built in: ${foreign.join(', ')}`);
