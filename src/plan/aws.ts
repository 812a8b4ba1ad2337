import { findAwsRuntime, family, LAMBDA, LANGUAGES } from '../catalog';
import { dotnetSdkImage, javaBuildImage } from '../catalog/build-images';
import type { AwsRuntime } from '../catalog/types';
import type { Options } from '../options';
import { baseReference, BUILD_CACHE, execForm, firstPresent, PRIVATE_REGISTRY, stage, type ProjectFacts } from './common';
import { COMMON_IGNORES } from './ignores';
import { compileBytecode, dotnetRid } from './native';
import type { FinalStageModel, KindPlan } from './model';

/** The AWS base images keep their /lambda-entrypoint.sh; CMD is the one handler string. */
const AWS_ENTRYPOINT = [LAMBDA.entryScript];
const TASK_ROOT = LAMBDA.taskRoot;

export function planAws(options: Options, facts: ProjectFacts): KindPlan {
  const runtime = findAwsRuntime(options.runtime);
  if (!runtime) throw new Error(`not an AWS runtime: ${options.runtime}`);
  const ref = `${runtime.image}:${runtime.tag}`;
  const from = baseReference(ref, options);
  const manager = family(runtime.os).packageManager;
  const final: FinalStageModel = {
    ...stage(from, options, 'final', manager, []),
    labels: Object.entries(options.labels).map(([key, value]) => ({ key, value })),
    entrypoint: null,
    cmd: execForm([options.handler]),
  };
  const common = { final, entryPoint: AWS_ENTRYPOINT, workingDirectory: TASK_ROOT, needsBuildKit: false };
  const byLanguage = { nodejs: node, python, java, dotnet, ruby }[runtime.language];
  return { ...common, ...byLanguage(runtime, options, facts, from, manager) };
}

type LanguagePart = Pick<KindPlan, 'template' | 'build' | 'lang' | 'dockerignore' | 'warnings'> & {
  needsBuildKit?: boolean;
};

function node(rt: AwsRuntime, options: Options, facts: ProjectFacts, from: string, manager: 'dnf' | 'yum' | 'apt-get' | 'apk'): LanguagePart {
  const lockfile = firstPresent(facts, LANGUAGES.nodejs.lockfiles);
  const warnings: string[] = [];
  if (!lockfile) {
    warnings.push('no package-lock.json: the build uses `npm install`, so dependency versions are not locked; commit a lockfile and regenerate to get `npm ci`');
  }
  const install = lockfile ? 'npm ci' : 'npm install';
  const quiet = '--no-audit --no-fund';
  return {
    template: 'aws/nodejs',
    build: stage(from, options, 'build', manager, []),
    lang: {
      manifests: lockfile ? `package.json ${lockfile}` : 'package.json',
      typescript: options.typescript,
      mounts: `${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm}`,
      installAll: `${install} ${quiet}`,
      installProd: `${install} --omit=dev ${quiet}`,
      runtime: rt.id,
    },
    dockerignore: [...COMMON_IGNORES, 'node_modules', 'npm-debug.log*', 'coverage', ...(options.typescript ? ['dist'] : [])],
    warnings,
  };
}

function python(_rt: AwsRuntime, options: Options, facts: ProjectFacts, from: string, manager: 'dnf' | 'yum' | 'apt-get' | 'apk'): LanguagePart {
  const requirements = facts.files.has('requirements.txt');
  return {
    template: 'aws/python',
    build: stage(from, options, 'build', manager, []),
    lang: {
      requirements,
      mounts: `${BUILD_CACHE.pip} ${PRIVATE_REGISTRY.pip}`,
      // Bytecode is compiled below, in the mode that ignores timestamps.
      install: 'pip install --no-compile --target /deps -r requirements.txt',
      compileDeps: compileBytecode('python3', '/deps'),
      compileCode: compileBytecode('python3', '/code'),
    },
    dockerignore: [...COMMON_IGNORES, '__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache', '.mypy_cache'],
    warnings: requirements ? [] : ['no requirements.txt: only the source files are copied'],
  };
}

function java(rt: AwsRuntime, options: Options, facts: ProjectFacts): LanguagePart {
  const tool = options.buildTool ?? 'maven';
  const image = javaBuildImage(tool, rt.languageVersion);
  const warnings: string[] = [];
  let gradleFiles = 'build.gradle settings.gradle';
  if (tool === 'gradle') {
    const kts = facts.files.has('build.gradle.kts');
    gradleFiles = kts ? 'build.gradle.kts settings.gradle.kts' : 'build.gradle settings.gradle';
    if (!options.sample) {
      warnings.push('Gradle: the build runs the `copyDependencies` task (see the sample build.gradle) to gather runtime jars into build/dependency; add it to your build if it is missing');
    }
  } else if (!options.sample && !facts.files.has('pom.xml')) {
    warnings.push('no pom.xml in the folder: the Maven build stage expects one');
  }
  return {
    template: `aws/java-${tool}`,
    // Bytecode is the same on every architecture: build natively on the build host.
    build: stage(baseReference(image.image, options), options, 'build', family(image.family).packageManager, [], '$BUILDPLATFORM'),
    lang: { gradleFiles },
    dockerignore: [...COMMON_IGNORES, 'target', 'build', '.gradle', '.idea', '*.iml'],
    warnings,
    needsBuildKit: true,
  };
}

function dotnet(rt: AwsRuntime, options: Options, facts: ProjectFacts): LanguagePart {
  const image = dotnetSdkImage(rt.languageVersion);
  const rid = dotnetRid(options.arch, false);
  const project = [...facts.files].find((f) => !f.includes('/') && f.endsWith('.csproj'));
  return {
    template: 'aws/dotnet',
    // Framework-dependent IL runs on either architecture: build natively on the build host.
    build: stage(baseReference(image.image, options), options, 'build', family(image.family).packageManager, [], '$BUILDPLATFORM'),
    lang: {
      project: project ?? '*.csproj',
      rid,
      mounts: BUILD_CACHE.nuget,
      // ReadyToRun precompiles the assemblies for the target, so the JIT has less to do at a cold start.
      restore: `dotnet restore -r ${rid} -p:PublishReadyToRun=true`,
      publish: `dotnet publish --no-restore -c Release -r ${rid} --self-contained false -p:PublishReadyToRun=true -o /asset`,
    },
    dockerignore: [...COMMON_IGNORES, 'bin', 'obj', '.vs'],
    warnings: project || options.sample ? [] : ['no .csproj at the top of the folder: the build stage expects one'],
    needsBuildKit: true,
  };
}

function ruby(_rt: AwsRuntime, options: Options, facts: ProjectFacts, from: string, manager: 'dnf' | 'yum' | 'apt-get' | 'apk'): LanguagePart {
  const lockfile = facts.files.has('Gemfile.lock');
  const gemfile = facts.files.has('Gemfile');
  const warnings: string[] = [];
  if (gemfile && !lockfile) warnings.push('no Gemfile.lock: bundle install resolves versions at build time; commit a lockfile to freeze them');
  return {
    template: 'aws/ruby',
    build: stage(from, options, 'build', manager, []),
    lang: { gemfile, lockfile, manifests: lockfile ? 'Gemfile Gemfile.lock' : 'Gemfile' },
    dockerignore: [...COMMON_IGNORES, 'vendor/bundle', '.bundle', 'spec', 'test'],
    warnings,
  };
}
