import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors';
import type { Options } from '../options';

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
  allowedRuntimes?: string[];
  /** The file that set each policy key, for error messages. */
  sources: Record<string, string>;
}

export interface LoadedConfig {
  /** The config file read (project file or --config), or null. */
  path: string | null;
  /** Option values from the file and the files it extends, merged in precedence order. */
  values: Record<string, unknown>;
  /** "lambda-image.yaml:4 runtime" for a key the config set, else undefined. */
  origin: (key: string) => string | undefined;
  policy: Policy;
  lint?: LintConfig;
  /** Throws UsageError when resolved options break the policy (naming the policy's file). */
  checkPolicy: (options: Options, flagValues: Record<string, unknown>) => void;
  /** Writes option values to the config file (--save). */
  save: (values: Record<string, unknown>) => void;
}

export const CONFIG_FILE = 'lambda-image.yaml';

export async function loadConfig(opts: { cwd: string; explicit?: string | undefined }): Promise<LoadedConfig> {
  const path = opts.explicit ? resolve(opts.cwd, opts.explicit) : resolve(opts.cwd, CONFIG_FILE);
  if (opts.explicit || existsSync(path)) throw new UsageError('config files are not supported yet');
  return {
    path: null,
    values: {},
    origin: () => undefined,
    policy: { sources: {} },
    checkPolicy: () => {},
    save: () => {
      throw new UsageError('--save is not supported yet');
    },
  };
}
