import { LANGUAGES } from '../../catalog';
import { BUILD_CACHE, firstPresent, PRIVATE_REGISTRY, stage, type ProjectFacts } from '../common';
import { COMMON_IGNORES } from '../ignores';
import { ownImageBuild, RIC_DIR, withTests, type AwsPart, type LanguageModule, type NativePart, type TestStep } from './module';
import type { Options } from '../../options';

/** What templates/dockerfile/aws/nodejs.hbs reads. */
export interface NodeAwsData {
  manifests: string;
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
  typescript: boolean;
  mounts: string;
  installAll: string;
  installProd: string;
  runBuild: string;
}

const QUIET = '--no-audit --no-fund';

function dependencies(facts: ProjectFacts): { lockfile: string | undefined; install: string; warnings: string[] } {
  const lockfile = firstPresent(facts, LANGUAGES.nodejs.lockfiles);
  const warnings = lockfile ? [] : ['no package-lock.json: the build uses `npm install`, so dependency versions are not locked; commit a lockfile and regenerate to get `npm ci`'];
  return { lockfile, install: lockfile ? 'npm ci' : 'npm install', warnings };
}

function ignores(options: Options): string[] {
  return [...COMMON_IGNORES, 'node_modules', 'npm-debug.log*', 'coverage', ...(options.typescript ? ['dist'] : [])];
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
    const { lockfile, install, warnings } = dependencies(facts);
    const part: AwsPart<'aws/nodejs', NodeAwsData> = {
      build: stage(from, options, 'build', manager, []),
      dockerfile: {
        template: 'aws/nodejs',
        lang: {
          manifests: lockfile ? `package.json ${lockfile}` : 'package.json',
          typescript: options.typescript,
          mounts: `${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm}`,
          installAll: `${install} ${QUIET}`,
          installProd: `${install} --omit=dev ${QUIET}`,
          runtime: runtime.id,
        },
      },
      dockerignore: ignores(options),
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  native({ target, options, facts, common }): NativePart<'nodejs', NodeNativeData> {
    const { lockfile, install, warnings } = dependencies(facts);
    const npm = target.tools.npm;
    const part: NativePart<'nodejs', NodeNativeData> = {
      build: ownImageBuild(target, options),
      dockerfile: {
        template: `${target.kind}/nodejs`,
        lang: {
          ...common,
          npm,
          ric: target.ric!.pin,
          nodedir: target.nodedir,
          manifests: lockfile ? `package.json ${lockfile}` : 'package.json',
          typescript: options.typescript,
          mounts: `${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm}`,
          installAll: `${install.replace(/^npm/, npm)} ${QUIET}`,
          installProd: `${install.replace(/^npm/, npm)} --omit=dev ${QUIET}`,
          runBuild: `${npm} run build`,
        },
      },
      dockerignore: ignores(options),
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  // 4.x ignores argv: _HANDLER and LAMBDA_TASK_ROOT carry the handler and the code root.
  start: (target) => ({ argv: [target.interpreter ?? '', `${RIC_DIR}/node_modules/aws-lambda-ric/index.mjs`], pattern: target.interpreterPattern, env: [] }),
} satisfies LanguageModule;
