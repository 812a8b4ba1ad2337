import { family } from '../../catalog';
import { javaBuildImage } from '../../catalog/build-images';
import { LAMBDA_JVM_OPTIONS } from '../../catalog/rics';
import type { Options } from '../../options';
import { baseReference, BUILD_CACHE, stage, type ProjectFacts } from '../common';
import { COMMON_IGNORES } from '../ignores';
import type { StageModel } from '../model';
import { RIC_DIR, withTests, type AwsPart, type LanguageModule, type NativePart, type TestStep } from './module';

/** The pom the image's ric stage resolves the client with, whatever builds the function. */
export const JAVA_RIC_POM = 'lambda-ric/pom.xml';

/** What templates/dockerfile/aws/java-{maven,gradle}.hbs read. */
export interface JavaAwsData {
  gradleFiles: string;
  /** Maven's cache mount (the local repository), for every Maven run. */
  mvnMounts: string;
}

/** What templates/dockerfile/{os-only,image}/java.hbs read. */
export interface JavaNativeData extends JavaAwsData {
  tool: 'maven' | 'gradle';
  /** The Maven image that resolves the client's jars. */
  ricImage: string;
  ricPom: string;
  ric: string;
}

/** The build tool, its stage and what the folder lacks for it. */
function build(version: string, options: Options, facts: ProjectFacts): { tool: 'maven' | 'gradle'; stage: StageModel; gradleFiles: string; warnings: string[] } {
  const tool = options.buildTool ?? 'maven';
  const image = javaBuildImage(tool, version);
  const warnings: string[] = [];
  let gradleFiles = 'build.gradle settings.gradle';
  if (tool === 'gradle') {
    if (facts.files.has('build.gradle.kts')) gradleFiles = 'build.gradle.kts settings.gradle.kts';
    if (!options.sample) warnings.push('Gradle: the build runs the `copyDependencies` task (see the sample build.gradle) to gather runtime jars into build/dependency; add it to your build if it is missing');
  } else if (!options.sample && !facts.files.has('pom.xml')) {
    warnings.push('no pom.xml in the folder: the Maven build stage expects one');
  }
  // Bytecode is the same on every architecture: build natively on the build host.
  const from = baseReference(image.image, options);
  return { tool, stage: stage(from, options, 'build', family(image.family).packageManager, [], '$BUILDPLATFORM'), gradleFiles, warnings };
}

const IGNORES = [...COMMON_IGNORES, 'target', 'build', '.gradle', '.idea', '*.iml'];

// After the build, which skips the tests; the final stage copies classes and runtime jars only.
const TESTS: TestStep<unknown> = {
  ignore: 'src/test',
  run: (_lang, options) => (options.buildTool === 'gradle' ? 'RUN gradle --no-daemon -q test' : `RUN ${BUILD_CACHE.maven} mvn -B -q test`),
};

export const java = {
  id: 'java',
  handlerArg: true,
  tests: TESTS,
  executableSample: () => false,

  aws({ runtime, options, facts }): AwsPart<'aws/java-maven' | 'aws/java-gradle', JavaAwsData> {
    const b = build(runtime.languageVersion, options, facts);
    const part: AwsPart<'aws/java-maven' | 'aws/java-gradle', JavaAwsData> = {
      build: b.stage,
      dockerfile: { template: `aws/java-${b.tool}`, lang: { gradleFiles: b.gradleFiles, mvnMounts: BUILD_CACHE.maven } },
      dockerignore: [...IGNORES],
      warnings: b.warnings,
    };
    return withTests(part, TESTS, options);
  },

  native({ target, options, facts, common }): NativePart<'java', JavaNativeData> {
    const version = target.runtime.version!;
    const b = build(version, options, facts);
    // The client's jars are resolved by Maven from a small pom, whatever builds the function.
    const ricImage = javaBuildImage('maven', version);
    const part: NativePart<'java', JavaNativeData> = {
      build: b.stage,
      dockerfile: { template: `${target.kind}/java`, lang: { ...common, tool: b.tool, gradleFiles: b.gradleFiles, mvnMounts: BUILD_CACHE.maven, ricImage: baseReference(ricImage.image, options), ricPom: JAVA_RIC_POM, ric: target.ric!.pin } },
      dockerignore: [...IGNORES],
      warnings: b.warnings,
    };
    return withTests(part, TESTS, options);
  },

  // AWSLambda loads classes from the working directory and jars from its lib/ folder; the JVM
  // options are those Lambda's own Java runtime starts with. A JVM folder named after the
  // architecture (java-21-amazon-corretto.x86_64) is found by the script from the pattern, so
  // the image is right whichever platform built it.
  start: (target) => ({
    argv: [target.interpreter ?? '', ...LAMBDA_JVM_OPTIONS.options, '-cp', `${RIC_DIR}/*`, 'com.amazonaws.services.lambda.runtime.api.client.AWSLambda'],
    pattern: target.interpreterPattern,
    env: [],
  }),

  ownedFiles: (target) => {
    if (!target.ric) return [];
    const [groupId, artifactId] = target.ric.package.split(':') as [string, string];
    return [{ path: JAVA_RIC_POM, template: 'entry/ric-pom.xml', data: { groupId, artifactId, version: target.ric.version } }];
  },
} satisfies LanguageModule;
