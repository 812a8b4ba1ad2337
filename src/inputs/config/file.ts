import type { LoadedConfig } from './types';

/** The project config file's name; apart from the loader so finding it loads no YAML parser. */
export const CONFIG_FILE = 'lambda-image.yaml';

/** What a run without a config file sees: no values, no policy; `save` creates the file. */
export function noConfig(save: LoadedConfig['save']): LoadedConfig {
  return {
    path: null,
    files: [],
    values: {},
    origin: () => undefined,
    policy: { sources: {} },
    checkPolicy: () => {},
    save,
  };
}
