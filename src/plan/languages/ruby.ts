import { LAMBDA } from '../../catalog/lambda';
import { minitestFor } from '../../catalog/test-libraries';
import { stage, type ProjectFacts } from '../common';
import { COMMON_IGNORES } from '../ignores';
import { ownImageBuild, withTests, type AwsPart, type LanguageModule, type NativePart, type TestStep } from './module';

/** Ruby gems (the function's and the client) live under the task root. */
export const GEM_HOME = `${LAMBDA.taskRoot}/vendor/bundle`;

/** What templates/dockerfile/aws/ruby.hbs reads. */
export interface RubyAwsData {
  gemfile: boolean;
  lockfile: boolean;
  manifests: string;
  /** What --test-in-build runs the tests with; no template reads it. */
  tests: RubyTests;
}

/** The build stage's Ruby, its gem command, where the function's gems are, and the minitest fallback. */
export interface RubyTests {
  ruby: string;
  gem: string;
  /** Ruby expressions for gem directories the tests add to the image's own (Bundler's path on AWS images). */
  gemDirs: string[];
  minitest: string;
}

/** What templates/dockerfile/{os-only,image}/ruby.hbs read. */
export interface RubyNativeData extends RubyAwsData {
  gem: string;
  bundle: string;
  gemHome: string;
  ric: string;
}

function gems(facts: ProjectFacts, tests: RubyTests): { data: RubyAwsData; warnings: string[] } {
  const lockfile = facts.files.has('Gemfile.lock');
  const gemfile = facts.files.has('Gemfile');
  const warnings: string[] = [];
  if (gemfile && !lockfile) warnings.push('no Gemfile.lock: bundle install resolves versions at build time; commit a lockfile to freeze them');
  return { data: { gemfile, lockfile, manifests: lockfile ? 'Gemfile Gemfile.lock' : 'Gemfile', tests }, warnings };
}

// test/ is left out unless --test-in-build runs it (withTests); spec/ always.
const IGNORES = [...COMMON_IGNORES, 'vendor/bundle', '.bundle', 'spec'];

/** Where the build stage installs minitest when the image's Ruby lacks it: never copied to the image. */
export const TEST_GEMS = '/tmp/test-gems';

/*
 * Minitest is a bundled gem: installed with Ruby, but hidden from Bundler unless the Gemfile lists
 * it, so the tests run with plain ruby and RubyGems, seeing the image's gems, the function's gems
 * and minitest. A Ruby whose distribution left minitest out gets the version its release bundles,
 * in a folder of its own. The test files go by the two usual names (x_test.rb, test_x.rb); they
 * run in /code, the code the final stage copies, and leave it.
 */
const TESTS: TestStep<RubyAwsData> = {
  ignore: 'test',
  run: ({ tests: t }) => {
    const dirs = [...t.gemDirs, `"${TEST_GEMS}"`].join(', ');
    return [
      `RUN { ${t.ruby} -e 'gem "minitest"' 2>/dev/null || ${t.gem} install --no-document --install-dir ${TEST_GEMS} minitest -v ${t.minitest}; } \\`,
      ` && ${t.ruby} -e 'Gem.paths = { "GEM_PATH" => [*Gem.path, ${dirs}].join(":") }' -e 'Dir["/code/test/**/{*_test,test_*}.rb"].sort.each { |f| require f }' \\`,
      ' && rm -rf /code/test',
    ].join('\n');
  },
};

/** A project of one's own may lay out or load its tests otherwise. */
const TESTS_WARNING =
  '--test-in-build runs test/**/*_test.rb and test/**/test_*.rb with ruby and minitest, without Bundler: the Gemfile\'s development and test groups are not installed, so tests needing more than minitest and the function\'s gems fail the build';

export const ruby = {
  id: 'ruby',
  handlerArg: false,
  tests: TESTS,
  executableSample: () => false,

  aws({ runtime, options, facts, from, manager }): AwsPart<'aws/ruby', RubyAwsData> {
    // Bundler installs under vendor/bundle/ruby/<ABI version>, which the runtime image's Ruby names.
    const tests = { ruby: 'ruby', gem: 'gem', gemDirs: [`*Dir["${LAMBDA.taskRoot}/vendor/bundle/ruby/*"]`], minitest: minitestFor(runtime.languageVersion).version };
    const { data, warnings } = gems(facts, tests);
    if (options.testInBuild && !options.sample) warnings.push(TESTS_WARNING);
    const part: AwsPart<'aws/ruby', RubyAwsData> = {
      dockerfile: { template: 'aws/ruby', lang: data },
      build: stage(from, options, 'build', manager, []),
      dockerignore: [...IGNORES],
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  native({ target, options, facts, common }): NativePart<'ruby', RubyNativeData> {
    // GEM_HOME holds the client and the function's gems in the build stage; the Ruby sees it already.
    const tests = { ruby: target.interpreter ?? 'ruby', gem: target.tools.gem, gemDirs: [], minitest: minitestFor(target.runtime.version!).version };
    const { data, warnings } = gems(facts, tests);
    if (options.testInBuild && !options.sample) warnings.push(TESTS_WARNING);
    const part: NativePart<'ruby', RubyNativeData> = {
      build: ownImageBuild(target, options),
      dockerfile: { template: `${target.kind}/ruby`, lang: { ...common, gem: target.tools.gem, bundle: target.tools.bundle, gemHome: GEM_HOME, ric: target.ric!.pin, ...data } },
      dockerignore: [...IGNORES],
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  start: (target) => ({ argv: [target.interpreter ?? '', `${GEM_HOME}/bin/aws_lambda_ric`], pattern: target.interpreterPattern, env: [{ name: 'GEM_HOME', value: GEM_HOME }] }),
} satisfies LanguageModule;
