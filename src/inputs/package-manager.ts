/**
 * The package manager that started us (from `npm_config_user_agent`, which npm, pnpm, yarn and
 * bun all set), so printed commands are the ones the user would type.
 */

export type PackageManagerName = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface PackageManagerInfo {
  name: PackageManagerName;
  /** The manager's version, when the user agent says it (e.g. "10.2.0"). */
  version?: string;
}

/** The npm package name users type after `create`. */
export const CREATE_NAME = 'lambda-image';

/** "pnpm/9.1.0 npm/? node/v20.11.0 linux x64" → pnpm 9.1.0; anything unknown → npm. */
export function detectPackageManager(env: NodeJS.ProcessEnv): PackageManagerInfo {
  const agent = env.npm_config_user_agent ?? '';
  const match = /^(npm|pnpm|yarn|bun)\/(\S+)/.exec(agent);
  if (!match) return { name: 'npm' };
  return { name: match[1] as PackageManagerName, version: match[2]! };
}

/**
 * The command that runs a package's bin without installing it: `npx`, `pnpm dlx`, `yarn dlx`
 * (Yarn 2+; Yarn 1 has no dlx, so `npx`), `bunx`.
 */
export function packageManagerRunner(env: NodeJS.ProcessEnv): string {
  const pm = detectPackageManager(env);
  switch (pm.name) {
    case 'pnpm':
      return 'pnpm dlx';
    case 'yarn':
      return pm.version !== undefined && /^1\./.test(pm.version) ? 'npx' : 'yarn dlx';
    case 'bun':
      return 'bunx';
    default:
      return 'npx';
  }
}

/** Shell-quotes a word for copy-paste; plain words stay bare. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * `npm create lambda-image@latest my-fn -- --runtime python3.13` and the pnpm, yarn and bun forms
 * (`pnpm create lambda-image my-fn --runtime python3.13`): npm 7+ needs `--` before flags meant
 * for the create tool; the others pass them through. `positionals` come before `--`.
 */
export function createCommand(env: NodeJS.ProcessEnv, positionals: readonly string[], flags: readonly string[]): string {
  const pm = detectPackageManager(env).name;
  const words = pm === 'npm' ? ['npm', 'create', `${CREATE_NAME}@latest`] : [pm, 'create', CREATE_NAME];
  words.push(...positionals.map(shellQuote));
  if (flags.length > 0) {
    if (pm === 'npm') words.push('--');
    words.push(...flags.map(shellQuote));
  }
  return words.join(' ');
}
