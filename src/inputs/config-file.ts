/** The project config file's name; apart from the loader so finding it loads no YAML parser. */
export const CONFIG_FILE = 'lambda-image.yaml';
