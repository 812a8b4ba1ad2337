import { LAMBDA } from '../../catalog/lambda';
import { stage, type ProjectFacts } from '../common';
import { COMMON_IGNORES } from '../ignores';
import { ownImageBuild, type AwsPart, type LanguageModule, type NativePart } from './module';

/** Ruby gems (the function's and the client) live under the task root. */
export const GEM_HOME = `${LAMBDA.taskRoot}/vendor/bundle`;

/** What templates/dockerfile/aws/ruby.hbs reads. */
export interface RubyAwsData {
  gemfile: boolean;
  lockfile: boolean;
  manifests: string;
}

/** What templates/dockerfile/{os-only,image}/ruby.hbs read. */
export interface RubyNativeData extends RubyAwsData {
  gem: string;
  bundle: string;
  gemHome: string;
  ric: string;
}

function gems(facts: ProjectFacts): { data: RubyAwsData; warnings: string[] } {
  const lockfile = facts.files.has('Gemfile.lock');
  const gemfile = facts.files.has('Gemfile');
  const warnings: string[] = [];
  if (gemfile && !lockfile) warnings.push('no Gemfile.lock: bundle install resolves versions at build time; commit a lockfile to freeze them');
  return { data: { gemfile, lockfile, manifests: lockfile ? 'Gemfile Gemfile.lock' : 'Gemfile' }, warnings };
}

const IGNORES = [...COMMON_IGNORES, 'vendor/bundle', '.bundle', 'spec', 'test'];

export const ruby = {
  id: 'ruby',
  handlerArg: false,
  executableSample: () => false,

  aws({ options, facts, from, manager }): AwsPart<'aws/ruby', RubyAwsData> {
    const { data, warnings } = gems(facts);
    return {
      dockerfile: { template: 'aws/ruby', lang: data },
      build: stage(from, options, 'build', manager, []),
      dockerignore: [...IGNORES],
      warnings,
    };
  },

  native({ target, options, facts, common }): NativePart<'ruby', RubyNativeData> {
    const { data, warnings } = gems(facts);
    return {
      build: ownImageBuild(target, options),
      dockerfile: { template: `${target.kind}/ruby`, lang: { ...common, gem: target.tools.gem, bundle: target.tools.bundle, gemHome: GEM_HOME, ric: target.ric!.pin, ...data } },
      dockerignore: [...IGNORES],
      warnings,
    };
  },

  start: (target) => ({ argv: [target.interpreter ?? '', `${GEM_HOME}/bin/aws_lambda_ric`], pattern: target.interpreterPattern, env: [{ name: 'GEM_HOME', value: GEM_HOME }] }),
} satisfies LanguageModule;
