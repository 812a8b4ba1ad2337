import { LAMBDA } from '../../catalog/lambda';
import type { AwsRuntime, Language, PackageManager } from '../../catalog/types';
import type { Target } from '../../catalog/targets';
import type { BaseKind, Options } from '../../options';
import { baseReference, stage, type ProjectFacts } from '../common';
import type { OwnedFile, StageModel } from '../model';

/*
 * The shape every language module fills in (src/plan/languages/<language>.ts). A module plans
 * its language for each base kind: the build stage, the data its Dockerfile templates read, the
 * .dockerignore entries and the warnings; and, where no AWS runtime image starts the function,
 * how the generated scripts start it. The kind planners (aws.ts, native.ts) do the rest.
 */

/** The OS-only and image kinds, whose templates are named `<kind>/<language>`. */
export type NativeKind = Target['kind'];
export type NativeTemplate<L extends Language> = `${NativeKind}/${L}`;

/** Where clients are installed on OS-only and image bases, apart from the function's own dependencies. */
export const RIC_DIR = `${LAMBDA.runtimeDir}/ric`;

/**
 * What every OS-only and image template reads besides its language's data: the scripts the
 * kind planner writes (src/plan/native.ts) and the emulator of the local target.
 */
export interface NativeCommon {
  /** The entry script's file name in the build context, when the image has one. */
  entry: string | null;
  /** The bootstrap script's file name in the build context, when the image has one. */
  bootstrap: string | null;
  rie: { url: string; path: string; version: string; sha256: string | null } | null;
  /** Paths the build stage makes executable, space-separated. */
  executables: string;
  hasExecutables: boolean;
  ricDir: string;
}

/** What the AWS kind hands a language: its runtime image, already mirrored and pinned. */
export interface AwsContext {
  runtime: AwsRuntime;
  options: Options;
  facts: ProjectFacts;
  /** The runtime image as FROM writes it. */
  from: string;
  manager: PackageManager;
}

/** What the OS-only and image kinds hand a language: the catalog's decision for the base. */
export interface NativeContext {
  target: Target;
  options: Options;
  facts: ProjectFacts;
  /** The kind's keys of the template data, for the module to pass on. */
  common: NativeCommon;
}

/** A language's share of a Dockerfile: the template, its data, the build stage and the ignores. */
export interface LanguagePart<T extends string, D> {
  /** The template and the data it reads, as one pair. */
  dockerfile: { template: T; lang: D };
  build: StageModel;
  dockerignore: string[];
  warnings: string[];
}

export type AwsPart<T extends `aws/${string}`, D> = LanguagePart<T, D>;
/** On OS-only and image bases the data holds the kind's own keys too (ctx.common). */
export type NativePart<L extends Language, D> = LanguagePart<NativeTemplate<L>, D & NativeCommon>;

/** How the generated entry script or bootstrap starts the function's runtime. */
export interface Start {
  /** argv before the handler; with `pattern` set, argv[0] is resolved from that shell pattern. */
  argv: string[];
  pattern: string | null;
  env: { name: string; value: string }[];
}

/**
 * --test-in-build for a language: the build stage runs the unit tests after building, then
 * removes them from what the final stage copies. Without the option, `ignore` (the test folder)
 * stays out of the build context.
 */
export interface TestStep<D> {
  ignore?: string;
  run: (lang: D, options: Options) => string;
}

export interface LanguageModule {
  id: Language;
  /** Absent where Lambda publishes no runtime image for the language (Go, Rust, custom). */
  aws?: (ctx: AwsContext) => AwsPart<`aws/${string}`, object>;
  native: (ctx: NativeContext) => NativePart<Language, object>;
  /** How the scripts start the runtime on OS-only and image bases. */
  start: (target: Target) => Start;
  /** The client takes the handler as its argument (Python, Java) rather than from _HANDLER. */
  handlerArg: boolean;
  /** Files the generator owns beside the scripts (Java: the pom that resolves the client). */
  ownedFiles?: (target: Target) => OwnedFile[];
  /** Present for the languages --test-in-build supports. */
  tests?: TestStep<never>;
  /** The sample is the project of an executable named bootstrap rather than a handler file. */
  executableSample: (base: BaseKind) => boolean;
}

/** The build stage on the language's own image (or the OS image with the language installed). */
export function ownImageBuild(target: Target, options: Options): StageModel {
  return stage(baseReference(target.build, options), options, 'build', target.manager, target.buildPackages, null, target.copy);
}

const TESTS_NOTE = '# --test-in-build: the unit tests run here, then leave what the final stage copies.';

/** Adds the unit-test step (or the ignore of the test folder) to a language's part. */
export function withTests<T extends string, D>(part: LanguagePart<T, D>, tests: TestStep<D>, options: Options): LanguagePart<T, D> {
  if (!options.testInBuild) {
    return tests.ignore ? { ...part, dockerignore: [...part.dockerignore, tests.ignore] } : part;
  }
  return { ...part, build: { ...part.build, instructions: [...part.build.instructions, TESTS_NOTE, tests.run(part.dockerfile.lang, options)] } };
}
