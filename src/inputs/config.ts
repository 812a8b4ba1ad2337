import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configValidator } from '../config-validator';
import { UsageError } from '../errors';
import { CONFIG_FILE, noConfig } from './config-file';
import type { Options } from '../options';
import { merge } from './config/merge';
import { projectRoot, readLayers, type Layer } from './config/read';
import { saveValues } from './config/save';
import { show } from './config/util';

export { ALLOWED_INSTRUCTIONS, instructionProblem } from '../instructions';

/** Lint settings from the config's `lint:` section. */
export interface LintConfig {
  failureThreshold?: 'error' | 'warning' | 'info' | 'style' | 'none';
  ignored?: string[];
  override?: Partial<Record<'error' | 'warning' | 'info' | 'style', string[]>>;
  trustedRegistries?: string[];
}

/** Team policy after every layer narrowed it. */
export interface Policy {
  allowedBases?: string[];
  /** Normalised runtime ids (nodejs22, not nodejs22.x). */
  allowedRuntimes?: string[];
  /** The mirror a config file set; nothing later may change it. */
  registryMirror?: string;
  /** The file that set each policy key, for error messages. */
  sources: Record<string, string>;
}

export interface LoadedConfig {
  /** The config file read (project file or --config), or null. */
  path: string | null;
  /** Every file read, as messages name them, lowest precedence first (extended files, then the project file). */
  files: string[];
  /** Option values from the file and the files it extends, merged in precedence order. */
  values: Record<string, unknown>;
  /** "lambda-image.yaml:4: runtime" for a key the config set, else undefined. */
  origin: (key: string) => string | undefined;
  policy: Policy;
  lint?: LintConfig;
  /** Throws UsageError when resolved options break the policy (naming the policy's file). */
  checkPolicy: (options: Options, flagValues: Record<string, unknown>) => void;
  /** Writes option values to the config file (--save). */
  save: (values: Record<string, unknown>) => void;
}

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
