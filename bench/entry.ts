// What the benchmark drives in process: the generator and the built-in linter, bundled like the CLI.
export { generate } from '../src/commands/generate';
export { resolveOptions } from '../src/options/resolve';
export { AWS_RUNTIMES } from '../src/catalog';
export { lintText } from '../src/lint';
export { resolveSettings } from '../src/lint/settings';
