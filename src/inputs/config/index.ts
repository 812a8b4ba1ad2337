import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configValidator } from './validator';
import { UsageError } from '../../shared/errors';
import { CONFIG_FILE, noConfig } from './file';
import { merge } from './merge';
import { projectRoot, readLayers, type Layer } from './read';
import { saveValues } from './save';
import { show } from './util';
import type { LoadedConfig } from './types';
export type { LintConfig, Policy, LoadedConfig } from './types';

export { ALLOWED_INSTRUCTIONS, instructionProblem } from '../../options/instructions';

export { CONFIG_FILE };

export interface LoadConfigOptions {
  /** Messages name files relative to this folder; without `explicit` the project file is looked for here. */
  cwd: string;
  /** --config FILE, relative to cwd. It must exist. */
  explicit?: string | undefined;
}

/**
 * Reads the project config (or --config) and every file it extends, validates each against the
 * schema and the catalog, and merges them: later files over earlier ones, a file over what it
 * extends. Policy keys only narrow. Any problem is one UsageError naming file, line and key.
 */
export async function loadConfig(opts: LoadConfigOptions): Promise<LoadedConfig> {
  const path = opts.explicit ? resolve(opts.cwd, opts.explicit) : resolve(opts.cwd, CONFIG_FILE);
  if (opts.explicit && !existsSync(path)) throw new UsageError(`--config ${opts.explicit}: no such file`);
  if (!existsSync(path)) return emptyConfig(opts.cwd, path);
  if (statSync(path).isDirectory()) throw new UsageError(`${show(opts.cwd, path)} is a folder, not a config file`);
  const validate = await configValidator();
  const layers: Layer[] = [];
  await readLayers(path, { cwd: opts.cwd, validate, stack: [], seen: new Set(), layers, root: projectRoot(dirname(realpathSync(path))) });
  return merge(opts.cwd, path, layers);
}

function emptyConfig(cwd: string, savePath: string): LoadedConfig {
  return noConfig((values) => saveValues(cwd, savePath, values, {}));
}
