import { family } from '../../catalog';
import { LAMBDA } from '../../catalog/lambda';
import { dotnetSdkImage } from '../../catalog/build-images';
import type { Options } from '../../options';
import { baseReference, BUILD_CACHE, stage, type ProjectFacts } from '../common';
import { COMMON_IGNORES } from '../ignores';
import type { StageModel } from '../model';
import { withTests, type AwsPart, type LanguageModule, type NativePart, type TestStep } from './module';

/** What templates/dockerfile/aws/dotnet.hbs reads. */
export interface DotnetAwsData {
  project: string;
  rid: string;
  mounts: string;
  restore: string;
  publish: string;
}

/** What templates/dockerfile/{os-only,image}/dotnet.hbs read. */
export interface DotnetNativeData extends DotnetAwsData {
  /** Published with its runtime, for bases without one (Amazon Linux). */
  selfContained: boolean;
}

/** The .NET runtime identifier for the function's architecture and libc. */
export function dotnetRid(arch: Options['arch'], musl: boolean): string {
  return `linux-${musl ? 'musl-' : ''}${arch === 'arm64' ? 'arm64' : 'x64'}`;
}

/** The SDK stage: IL compiles the same on every host, so it builds natively on the build host. */
function sdkStage(version: string, options: Options): StageModel {
  const image = dotnetSdkImage(version);
  return stage(baseReference(image.image, options), options, 'build', family(image.family).packageManager, [], '$BUILDPLATFORM');
}

const topProject = (facts: ProjectFacts) => [...facts.files].find((f) => !f.includes('/') && f.endsWith('.csproj'));

// ReadyToRun precompiles the assemblies for the target (crossgen runs on the build host), so the
// JIT has less to do at a cold start.
const R2R = '-p:PublishReadyToRun=true';
// At any depth: a test project under tests/ has its own bin and obj.
const IGNORES = [...COMMON_IGNORES, '**/bin', '**/obj', '.vs'];

/** Where the sample's test project sits: tests/<Assembly>.Tests, the layout `dotnet new lambda` uses. */
export function dotnetTestProject(handler: string): { dir: string; file: string } {
  const assembly = handler.split('::')[0]!;
  const dir = `tests/${assembly}.Tests`;
  return { dir, file: `${dir}/${assembly}.Tests.csproj` };
}

// After the publish: dotnet test restores without a runtime identifier and rewrites the function's
// obj/project.assets.json, which `publish --no-restore -r <rid>` reads, so it cannot run first.
// Its build output stays in /src; the final stage copies /asset only.
const TESTS: TestStep<unknown> = {
  ignore: 'tests',
  run: (_lang, options) => `RUN ${BUILD_CACHE.nuget} dotnet test ${dotnetTestProject(options.handler).file}`,
};

/** A project of one's own compiles every .cs below it unless told otherwise. */
const testsWarning = (handler: string) =>
  `--test-in-build runs dotnet test ${dotnetTestProject(handler).file} (the sample's layout) and copies tests/ into the build: the function's project must leave tests/ out of its items (the sample sets DefaultItemExcludes)`;

export const dotnet = {
  id: 'dotnet',
  handlerArg: false,
  tests: TESTS,
  // Off the AWS runtime images the function is its own executable, named bootstrap.
  executableSample: (base) => base !== 'aws',

  aws({ runtime, options, facts }): AwsPart<'aws/dotnet', DotnetAwsData> {
    const rid = dotnetRid(options.arch, false);
    const project = topProject(facts);
    const part: AwsPart<'aws/dotnet', DotnetAwsData> = {
      // Framework-dependent IL runs on either architecture.
      build: sdkStage(runtime.languageVersion, options),
      dockerfile: {
        template: 'aws/dotnet',
        lang: {
          project: project ?? '*.csproj',
          rid,
          mounts: BUILD_CACHE.nuget,
          restore: `dotnet restore -r ${rid} ${R2R}`,
          publish: `dotnet publish --no-restore -c Release -r ${rid} --self-contained false ${R2R} -o /asset`,
        },
      },
      dockerignore: [...IGNORES],
      warnings: project || options.sample ? [] : ['no .csproj at the top of the folder: the build stage expects one'],
    };
    if (options.testInBuild && !options.sample) part.warnings.push(testsWarning(options.handler));
    return withTests(part, TESTS, options);
  },

  native({ target, options, facts, common }): NativePart<'dotnet', DotnetNativeData> {
    const project = topProject(facts);
    const rid = dotnetRid(options.arch, target.family === 'alpine');
    const selfContained = target.provide === 'self-contained';
    const warnings: string[] = [];
    if (!options.sample) {
      warnings.push(`.NET on a ${target.kind === 'os-only' ? 'OS-only' : 'non-AWS'} base: the project must be an executable named bootstrap (AssemblyName) whose Main starts Amazon.Lambda.RuntimeSupport's LambdaBootstrapBuilder; its Main decides what runs, so --handler (CMD, passed as _HANDLER) only takes effect if Main reads _HANDLER as the sample's does`);
      if (selfContained) warnings.push('Amazon Linux has no libicu: set <InvariantGlobalization>true</InvariantGlobalization> in the project (the sample does) or bundle ICU');
      if (!project) warnings.push('no .csproj at the top of the folder: the build stage expects one');
      if (options.testInBuild) warnings.push(testsWarning(options.handler));
    }
    const part: NativePart<'dotnet', DotnetNativeData> = {
      // The target's runtime pack and crossgen come from NuGet.
      build: sdkStage(target.runtime.version!, options),
      dockerfile: {
        template: `${target.kind}/dotnet`,
        lang: {
          ...common,
          project: project ?? '*.csproj',
          selfContained,
          mounts: BUILD_CACHE.nuget,
          restore: `dotnet restore -r ${rid} ${R2R}`,
          publish: `dotnet publish --no-restore -c Release -r ${rid} --self-contained ${selfContained} ${R2R} -o /asset`,
          rid,
        },
      },
      dockerignore: [...IGNORES],
      warnings,
    };
    return withTests(part, TESTS, options);
  },

  // The bootstrap executable's Main picks the method: the sample's reads _HANDLER (CMD).
  start: (target) =>
    target.provide === 'self-contained'
      ? { argv: [`${LAMBDA.taskRoot}/bootstrap`], pattern: null, env: [] }
      : { argv: [target.interpreter ?? '', `${LAMBDA.taskRoot}/bootstrap.dll`], pattern: target.interpreterPattern, env: [] },
} satisfies LanguageModule;
