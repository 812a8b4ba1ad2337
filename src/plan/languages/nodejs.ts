import { LANGUAGES } from '../../catalog';
import { BUILD_CACHE, firstPresent, hasDir, PRIVATE_REGISTRY, stage, type ProjectFacts } from '../common';
import { packageManagerTool } from '../../catalog/package-managers';
import { COMMON_IGNORES } from '../ignores';
import { ownImageBuild, RIC_DIR, withTests, type AwsPart, type LanguageModule, type NativePart, type TestStep } from './module';
import type { Options } from '../../options';

/** What templates/dockerfile/aws/nodejs.hbs reads. */
export interface NodeAwsData {
  manifests: string;
  /** Folders copied with the manifests (Yarn's release and plugins, patches). */
  manifestDirs: string[];
  /** Build-stage lines that install the package manager, when it is not npm. */
  setup: string[];
  runBuild: string;
  typescript: boolean;
  mounts: string;
  installAll: string;
  installProd: string;
  runtime: string;
}

/** What templates/dockerfile/{os-only,image}/nodejs.hbs read. */
export interface NodeNativeData {
  npm: string;
  ric: string;
  nodedir: string | null;
  manifests: string;
  manifestDirs: string[];
  setup: string[];
  typescript: boolean;
  mounts: string;
  installAll: string;
  installProd: string;
  runBuild: string;
  ricMounts: string;
}

const QUIET = '--no-audit --no-fund';

/** How the function's dependencies are installed: the manager, its commands and its files. */
export interface Installer {
  name: 'npm' | 'pnpm' | 'yarn';
  manifests: string;
  manifestDirs: string[];
  setup: string[];
  mounts: string;
  installAll: string;
  installProd: string;
  runBuild: string;
  ignores: string[];
  warnings: string[];
}

/** Cache folders of pnpm and Yarn for root, the build stages' user, set explicitly on each install. */
export const PM_CACHE = {
  pnpmStore: '/root/.local/share/pnpm/store',
  yarnClassic: '/root/.cache/yarn',
  yarnBerry: '/root/.yarn/berry',
} as const;

const cacheMount = (target: string): string => `--mount=type=cache,target=${target}`;

/** Yarn 2+ reads credentials from the user's .yarnrc.yml, not from .npmrc. */
const YARNRC_SECRET = '--mount=type=secret,id=yarnrc,target=/root/.yarnrc.yml';

/** "pnpm@9.15.4" → pnpm and 9.15.4; resolve has checked the grammar. */
function parseManager(value: string | undefined): { name: 'npm' | 'pnpm' | 'yarn'; version: string | undefined } {
  const [name, version] = (value ?? 'npm').split('@') as ['npm' | 'pnpm' | 'yarn', string | undefined];
  return { name, version };
}

/**
 * The install steps for the project's package manager. npm is the image's own; pnpm and Yarn
 * are installed with that npm into a prefix of their own in the build stage, so nothing of them
 * (nor their stores and caches, which live in cache mounts) reaches the final image.
 */
export function installer(options: Options, facts: ProjectFacts, npm: string): Installer {
  const { name, version } = parseManager(options.packageManager);
  if (name === 'npm') {
    const lockfile = firstPresent(facts, LANGUAGES.nodejs.lockfiles);
    const install = `${npm} ${lockfile ? 'ci' : 'install'}`;
    return {
      name,
      manifests: lockfile ? `package.json ${lockfile}` : 'package.json',
      manifestDirs: [],
      setup: [],
      mounts: `${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm}`,
      installAll: `${install} ${QUIET}`,
      installProd: `${install} --omit=dev ${QUIET}`,
      runBuild: `${npm} run build`,
      ignores: [],
      warnings: lockfile ? [] : ['no package-lock.json: the build uses `npm install`, so dependency versions are not locked; commit a lockfile and regenerate to get `npm ci`'],
    };
  }
  const tool = packageManagerTool(name, version);
  const pinned = version ?? tool.version;
  const prefix = `/opt/${tool.id}`;
  const lockfile = facts.files.has(tool.lockfile) ? tool.lockfile : undefined;
  const setup = [
    `# ${tool.command} ${pinned} for the build only: npm installs it into ${prefix}, ahead of any the image has (no corepack).`,
    `ENV PATH=${prefix}/bin:$PATH`,
    `RUN ${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm} ${npm} install -g --prefix ${prefix} ${QUIET} ${tool.package}@${pinned}`,
  ];
  const warnings = lockfile ? [] : [`no ${tool.lockfile}: the build resolves dependency versions afresh; run \`${tool.command} install\`, commit ${tool.lockfile} and regenerate for a locked build`];
  const dirs = (candidates: readonly string[]) => candidates.filter((d) => hasDir(facts, d));
  const present = (candidates: readonly string[]) => candidates.filter((f) => facts.files.has(f));
  if (tool.id === 'pnpm') {
    const store = `--store-dir ${PM_CACHE.pnpmStore}`;
    const frozen = lockfile ? ' --frozen-lockfile' : '';
    return {
      name,
      // Settings (onlyBuiltDependencies, patches) live in pnpm-workspace.yaml; .npmrc stays out
      // of the context, as a secret (--secret id=npmrc) brings credentials.
      manifests: ['package.json', ...present([tool.lockfile, 'pnpm-workspace.yaml', '.pnpmfile.cjs'])].join(' '),
      manifestDirs: dirs(['patches']),
      setup,
      mounts: `${cacheMount(PM_CACHE.pnpmStore)} ${PRIVATE_REGISTRY.npm}`,
      installAll: `pnpm install${frozen} ${store}`,
      installProd: `pnpm install${frozen} --prod ${store}`,
      runBuild: 'pnpm run build',
      ignores: ['pnpm-debug.log*', '.pnpm-store'],
      warnings,
    };
  }
  const cache = ['yarn-error.log', '.yarn/cache', '.yarn/install-state.gz', '.yarn/unplugged', '.yarn/build-state.yml', '.pnp.cjs', '.pnp.loader.mjs'];
  if (tool.id === 'yarn-classic') {
    const frozen = lockfile ? ' --frozen-lockfile' : '';
    const flags = `--non-interactive --cache-folder ${PM_CACHE.yarnClassic}`;
    return {
      name,
      manifests: ['package.json', ...present([tool.lockfile, '.yarnrc'])].join(' '),
      manifestDirs: dirs(['patches']),
      setup,
      mounts: `${cacheMount(PM_CACHE.yarnClassic)} ${PRIVATE_REGISTRY.npm}`,
      installAll: `yarn install${frozen} ${flags}`,
      installProd: `yarn install${frozen} --production ${flags}`,
      runBuild: 'yarn run build',
      ignores: ['yarn-error.log'],
      warnings,
    };
  }
  // Yarn 2 and later: node_modules whatever .yarnrc.yml says (Lambda's runtime and the client
  // resolve modules from node_modules, not through Plug'n'Play), the cache in a cache mount.
  const immutable = lockfile ? ' --immutable' : '';
  const major = Number(pinned.split('.')[0]);
  return {
    name,
    manifests: ['package.json', ...present([tool.lockfile, '.yarnrc.yml'])].join(' '),
    manifestDirs: dirs(['.yarn/releases', '.yarn/plugins', '.yarn/patches', 'patches']),
    setup: [
      ...setup,
      `# node_modules rather than Plug'n'Play, so Lambda's runtime finds the modules; the cache stays in a cache mount.`,
      `ENV YARN_NODE_LINKER=node-modules YARN_ENABLE_GLOBAL_CACHE=true YARN_GLOBAL_FOLDER=${PM_CACHE.yarnBerry} YARN_ENABLE_TELEMETRY=0`,
    ],
    mounts: `${cacheMount(`${PM_CACHE.yarnBerry}/cache`)} ${YARNRC_SECRET}`,
    installAll: `yarn install${immutable}`,
    // No --production in Yarn 2+: the lockfile is checked by a full install (without builds),
    // then focus keeps the production dependencies alone.
    installProd: `yarn install${immutable} --mode=skip-build \\\n && yarn workspaces focus --all --production`,
    runBuild: 'yarn run build',
    ignores: cache,
    warnings: [
      ...warnings,
      ...(major < 4 ? [`Yarn ${major} has no built-in \`yarn workspaces focus\`: import the workspace-tools plugin (yarn plugin import workspace-tools) so the production install works`] : []),
    ],
  };
}

function ignores(options: Options, install: Installer): string[] {
  return [...COMMON_IGNORES, 'node_modules', 'npm-debug.log*', ...install.ignores, 'coverage', ...(options.typescript ? ['dist'] : [])];
}

// The code sits in /code and the production modules in /deps (their own layer): the tests see
// the modules through a link that leaves with the tests. TypeScript builds in /build, whose
// dist/ alone reaches the image; a project without a test script there runs none.
const TESTS: TestStep<unknown> = {
  ignore: 'test',
  run: (_lang, options) =>
    options.typescript
      ? 'RUN cd /build && npm run test --if-present && rm -rf test'
      : 'RUN cd /code && ln -s /deps/node_modules node_modules && npm test && rm -rf test node_modules',
};

export const nodejs = {
  id: 'nodejs',
  handlerArg: false,
  tests: TESTS,
  executableSample: () => false,

  aws({ runtime, options, facts, from, manager }): AwsPart<'aws/nodejs', NodeAwsData> {
    const install = installer(options, facts, 'npm');
    const part: AwsPart<'aws/nodejs', NodeAwsData> = {
      build: stage(from, options, 'build', manager, []),
      dockerfile: {
        template: 'aws/nodejs',
        lang: {
          manifests: install.manifests,
          manifestDirs: install.manifestDirs,
          setup: install.setup,
          typescript: options.typescript,
          mounts: install.mounts,
          installAll: install.installAll,
          installProd: install.installProd,
          runBuild: install.runBuild,
          runtime: runtime.id,
        },
      },
      dockerignore: ignores(options, install),
      warnings: install.warnings,
    };
    return withTests(part, TESTS, options);
  },

  native({ target, options, facts, common }): NativePart<'nodejs', NodeNativeData> {
    const npm = target.tools.npm;
    const install = installer(options, facts, npm);
    const part: NativePart<'nodejs', NodeNativeData> = {
      build: ownImageBuild(target, options),
      dockerfile: {
        template: `${target.kind}/nodejs`,
        lang: {
          ...common,
          npm,
          ric: target.ric!.pin,
          nodedir: target.nodedir,
          manifests: install.manifests,
          manifestDirs: install.manifestDirs,
          setup: install.setup,
          typescript: options.typescript,
          // The client's install always uses npm and its cache.
          ricMounts: `${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm}`,
          mounts: install.mounts,
          installAll: install.installAll,
          installProd: install.installProd,
          runBuild: install.runBuild,
        },
      },
      dockerignore: ignores(options, install),
      warnings: install.warnings,
    };
    return withTests(part, TESTS, options);
  },

  // 4.x ignores argv: _HANDLER and LAMBDA_TASK_ROOT carry the handler and the code root.
  start: (target) => ({ argv: [target.interpreter ?? '', `${RIC_DIR}/node_modules/aws-lambda-ric/index.mjs`], pattern: target.interpreterPattern, env: [] }),
} satisfies LanguageModule;
