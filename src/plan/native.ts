import { family as familyOf, LANGUAGES } from '../catalog';
import { dotnetSdkImage, javaBuildImage } from '../catalog/build-images';
import { TOOLCHAIN_IMAGES } from '../catalog/images';
import { LAMBDA_JVM_OPTIONS, RIE, rieUrl } from '../catalog/rics';
import type { Options } from '../options';
import type { KindPlan, FinalStageModel, ImagePlan } from './model';
import { baseReference, BUILD_CACHE, execForm, firstPresent, PRIVATE_REGISTRY, rustTarget, stage, type ProjectFacts } from './common';
import { COMMON_IGNORES } from './ignores';
import type { Target } from '../catalog/targets';

/*
 * Planning shared by the OS-only and image kinds: the build stage per language, what the final
 * stage copies, and the small scripts that start the runtime interface client. The kinds differ
 * only in how the client is started: OS-only bases keep /lambda-entrypoint.sh and get a
 * /var/runtime/bootstrap; image bases get their own /lambda-entrypoint.sh as ENTRYPOINT.
 */

export type NativeKindPlan = KindPlan & { ownedFiles: ImagePlan['ownedFiles'] };

export const TASK_ROOT = '/var/task';
export const RUNTIME_DIR = '/var/runtime';
/** Where clients are installed, apart from the function's own dependencies. */
export const RIC_DIR = '/var/runtime/ric';
/** Ruby gems (the function's and the client) live under the task root. */
export const GEM_HOME = '/var/task/vendor/bundle';
export const ENTRY_SCRIPT = 'lambda-entrypoint.sh';
export const BOOTSTRAP_SCRIPT = 'lambda-bootstrap.sh';
export const JAVA_RIC_POM = 'lambda-ric/pom.xml';

/** One shell word, single-quoted when it holds anything the shell would expand. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How the client starts: argv before the handler, and whether the handler is passed as an argument. */
interface Start {
  /** argv[0] is the interpreter; with `pattern` set, the script resolves it from that shell pattern. */
  argv: string[];
  pattern: string | null;
  /** The client takes the handler as its argument (Python, Java) rather than from _HANDLER. */
  handlerArg: boolean;
  env: { name: string; value: string }[];
}

function startOf(target: Target): Start {
  const bin = target.interpreter ?? '';
  // A JVM folder named after the architecture (java-21-amazon-corretto.x86_64) is found by the
  // script, so the image is right whichever platform built it.
  const pattern = target.interpreterPattern;
  const env: Start['env'] = [];
  const start = (argv: string[], handlerArg: boolean): Start => ({ argv, pattern, handlerArg, env });
  switch (target.runtime.language) {
    case 'nodejs':
      // 4.x ignores argv: _HANDLER and LAMBDA_TASK_ROOT carry the handler and the code root.
      return start([bin, `${RIC_DIR}/node_modules/aws-lambda-ric/index.mjs`], false);
    case 'python':
      // The client and the function's packages share the task root, the working directory.
      return start([bin, '-m', 'awslambdaric'], true);
    case 'java':
      // AWSLambda loads classes from the working directory and jars from its lib/ folder; the
      // JVM options are those Lambda's own Java runtime starts with.
      return start([bin, ...LAMBDA_JVM_OPTIONS.options, '-cp', `${RIC_DIR}/*`, 'com.amazonaws.services.lambda.runtime.api.client.AWSLambda'], true);
    case 'ruby':
      env.push({ name: 'GEM_HOME', value: GEM_HOME });
      return start([bin, `${GEM_HOME}/bin/aws_lambda_ric`], false);
    case 'dotnet':
      // The bootstrap executable's Main picks the method: the sample's reads _HANDLER (CMD).
      return target.provide === 'self-contained'
        ? { argv: [`${TASK_ROOT}/bootstrap`], pattern: null, handlerArg: false, env }
        : start([bin, `${TASK_ROOT}/bootstrap.dll`], false);
    default:
      // go, rust and custom: the bootstrap is the runtime.
      return { argv: [`${RUNTIME_DIR}/bootstrap`], pattern: null, handlerArg: false, env };
  }
}

function commandLine(start: Start): string {
  const [first = '', ...rest] = start.argv;
  return [start.pattern ? '"$runtime_bin"' : shellWord(first), ...rest.map(shellWord)].join(' ');
}

/** A language's build stage, its template data and its ignore list. */
interface LanguagePart {
  build: ReturnType<typeof stage>;
  lang: Record<string, unknown>;
  dockerignore: string[];
  warnings: string[];
  needsBuildKit: boolean;
}

export function planNative(target: Target, options: Options, facts: ProjectFacts): NativeKindPlan {
  const language = target.runtime.language;
  const part = languagePart(target, options, facts);
  const start = startOf(target);
  const image = target.kind === 'image';
  // Go and Rust binaries are real files that run as they are; a script is needed only for the emulator.
  const compiled = language === 'go' || language === 'rust';
  const entryScript = image && !(compiled && !options.rie);
  const bootstrapScript = !image && !compiled && language !== 'custom';
  const rie = image && options.rie ? { url: rieUrl(options.arch), path: RIE.path, version: RIE.version, sha256: RIE.sha256?.[options.arch] ?? null } : null;

  const ownedFiles: ImagePlan['ownedFiles'] = [];
  const command = commandLine(start);
  if (entryScript) {
    ownedFiles.push({
      path: ENTRY_SCRIPT,
      template: 'entry/lambda-entrypoint.sh',
      mode: 0o755,
      data: { command, pattern: start.pattern, env: start.env, rie: rie !== null, riePath: RIE.path, title: LANGUAGES[language].title },
    });
  }
  if (bootstrapScript) {
    ownedFiles.push({
      path: BOOTSTRAP_SCRIPT,
      template: 'entry/bootstrap.sh',
      mode: 0o755,
      data: { command, pattern: start.pattern, env: start.env, handlerArg: start.handlerArg, title: LANGUAGES[language].title },
    });
  }
  if (language === 'java' && target.ric) {
    const [groupId, artifactId] = target.ric.package.split(':') as [string, string];
    ownedFiles.push({ path: JAVA_RIC_POM, template: 'entry/ric-pom.xml', data: { groupId, artifactId, version: target.ric.version } });
  }

  const entrypoint = image ? (entryScript ? ['/lambda-entrypoint.sh'] : [`${RUNTIME_DIR}/bootstrap`]) : ['/lambda-entrypoint.sh'];
  const final: FinalStageModel = {
    ...stage(baseReference(target.final, options), options, 'final', target.manager, target.finalPackages, null, target.copy),
    labels: Object.entries(options.labels).map(([key, value]) => ({ key, value })),
    entrypoint: image ? execForm(entrypoint) : null,
    cmd: execForm([options.handler]),
  };
  // Paths the build stage makes executable: the scripts (the emulator gets its mode in the local stage).
  const executables = [
    ...(entryScript ? ['/lambda-entrypoint.sh'] : []),
    ...(bootstrapScript ? [`${RUNTIME_DIR}/bootstrap`] : []),
  ];
  return {
    template: `${target.kind}/${language}`,
    build: part.build,
    final,
    lang: {
      ...part.lang,
      entry: entryScript ? ENTRY_SCRIPT : null,
      bootstrap: bootstrapScript ? BOOTSTRAP_SCRIPT : null,
      rie,
      executables: executables.join(' '),
      hasExecutables: executables.length > 0,
      ricDir: RIC_DIR,
    },
    dockerignore: part.dockerignore,
    warnings: [...target.warnings, ...part.warnings],
    needsBuildKit: part.needsBuildKit,
    entryPoint: entrypoint,
    workingDirectory: TASK_ROOT,
    ownedFiles,
  };
}

/** One planner per language, as the AWS kind has (src/plan/aws.ts). */
function languagePart(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const planners = { nodejs: node, python, java, dotnet, ruby, go, rust, custom };
  return planners[target.runtime.language](target, options, facts);
}

/** The build stage on the language's own image (or the OS image with the language installed). */
function ownImageBuild(target: Target, options: Options): ReturnType<typeof stage> {
  return stage(baseReference(target.build, options), options, 'build', target.manager, target.buildPackages, null, target.copy);
}

function node(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const lockfile = firstPresent(facts, LANGUAGES.nodejs.lockfiles);
  const warnings = lockfile ? [] : ['no package-lock.json: the build uses `npm install`, so dependency versions are not locked; commit a lockfile and regenerate to get `npm ci`'];
  const install = lockfile ? 'npm ci' : 'npm install';
  const quiet = '--no-audit --no-fund';
  const npm = target.tools.npm;
  return {
    build: ownImageBuild(target, options),
    lang: {
      npm,
      ric: target.ric!.pin,
      nodedir: target.nodedir,
      manifests: lockfile ? `package.json ${lockfile}` : 'package.json',
      typescript: options.typescript,
      mounts: `${BUILD_CACHE.npm} ${PRIVATE_REGISTRY.npm}`,
      installAll: `${install.replace(/^npm/, npm)} ${quiet}`,
      installProd: `${install.replace(/^npm/, npm)} --omit=dev ${quiet}`,
      runBuild: `${npm} run build`,
    },
    dockerignore: [...COMMON_IGNORES, 'node_modules', 'npm-debug.log*', 'coverage', ...(options.typescript ? ['dist'] : [])],
    warnings,
    needsBuildKit: true,
  };
}

/** Bytecode for every module, written once at build time: Lambda's file system is read-only. */
export function compileBytecode(python: string, dir: string): string {
  // unchecked-hash: the .pyc files are used as they are, whatever timestamps the layers carry.
  return `${python} -m compileall -q --invalidation-mode unchecked-hash ${dir}`;
}

function python(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const requirements = facts.files.has('requirements.txt');
  const py = target.tools.python;
  const pip = `${py} -m pip install --target /deps`;
  return {
    build: ownImageBuild(target, options),
    lang: {
      requirements,
      mounts: `${BUILD_CACHE.pip} ${PRIVATE_REGISTRY.pip}`,
      // --no-compile: compileall writes the bytecode below, in the mode that ignores timestamps.
      install: `${pip} --no-compile ${target.ric!.pin}${requirements ? ' -r requirements.txt' : ''}`,
      compileDeps: compileBytecode(py, '/deps'),
      compileCode: compileBytecode(py, '/code'),
      sourceBuild: target.sourceBuild,
    },
    dockerignore: [...COMMON_IGNORES, '__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache', '.mypy_cache'],
    warnings: requirements ? [] : ['no requirements.txt: only the client and the source files are installed'],
    needsBuildKit: true,
  };
}

function java(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const tool = options.buildTool ?? 'maven';
  const version = target.runtime.version!;
  const image = javaBuildImage(tool, version);
  // The client's jars are resolved by Maven from a small pom, whatever builds the function.
  const ricImage = javaBuildImage('maven', version);
  const warnings: string[] = [];
  let gradleFiles = 'build.gradle settings.gradle';
  if (tool === 'gradle') {
    if (facts.files.has('build.gradle.kts')) gradleFiles = 'build.gradle.kts settings.gradle.kts';
    if (!options.sample) warnings.push('Gradle: the build runs the `copyDependencies` task (see the sample build.gradle) to gather runtime jars into build/dependency; add it to your build if it is missing');
  } else if (!options.sample && !facts.files.has('pom.xml')) {
    warnings.push('no pom.xml in the folder: the Maven build stage expects one');
  }
  return {
    // Bytecode is the same on every architecture: build natively on the build host.
    build: stage(baseReference(image.image, options), options, 'build', familyOf(image.family).packageManager, [], '$BUILDPLATFORM'),
    lang: { tool, gradleFiles, ricImage: baseReference(ricImage.image, options), ricPom: JAVA_RIC_POM, ric: target.ric!.pin },
    dockerignore: [...COMMON_IGNORES, 'target', 'build', '.gradle', '.idea', '*.iml'],
    warnings,
    needsBuildKit: true,
  };
}

/** The .NET runtime identifier for the function's architecture and libc. */
export function dotnetRid(arch: Options['arch'], musl: boolean): string {
  return `linux-${musl ? 'musl-' : ''}${arch === 'arm64' ? 'arm64' : 'x64'}`;
}

function dotnet(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const image = dotnetSdkImage(target.runtime.version!);
  const project = [...facts.files].find((f) => !f.includes('/') && f.endsWith('.csproj'));
  const rid = dotnetRid(options.arch, target.family === 'alpine');
  const selfContained = target.provide === 'self-contained';
  const warnings: string[] = [];
  if (!options.sample) {
    warnings.push(`.NET on a ${target.kind === 'os-only' ? 'OS-only' : 'non-AWS'} base: the project must be an executable named bootstrap (AssemblyName) whose Main starts Amazon.Lambda.RuntimeSupport's LambdaBootstrapBuilder; its Main decides what runs, so --handler (CMD, passed as _HANDLER) only takes effect if Main reads _HANDLER as the sample's does`);
    if (selfContained) warnings.push('Amazon Linux has no libicu: set <InvariantGlobalization>true</InvariantGlobalization> in the project (the sample does) or bundle ICU');
    if (!project) warnings.push('no .csproj at the top of the folder: the build stage expects one');
  }
  // ReadyToRun precompiles the assemblies for the target (crossgen runs on the build host), so
  // the JIT has less to do at a cold start.
  const r2r = '-p:PublishReadyToRun=true';
  return {
    // IL compiles the same on every host; the target's runtime pack and crossgen come from NuGet.
    build: stage(baseReference(image.image, options), options, 'build', familyOf(image.family).packageManager, [], '$BUILDPLATFORM'),
    lang: {
      project: project ?? '*.csproj',
      selfContained,
      mounts: BUILD_CACHE.nuget,
      restore: `dotnet restore -r ${rid} ${r2r}`,
      publish: `dotnet publish --no-restore -c Release -r ${rid} --self-contained ${selfContained} ${r2r} -o /asset`,
      rid,
    },
    dockerignore: [...COMMON_IGNORES, 'bin', 'obj', '.vs'],
    warnings,
    needsBuildKit: true,
  };
}

function ruby(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const lockfile = facts.files.has('Gemfile.lock');
  const gemfile = facts.files.has('Gemfile');
  const warnings: string[] = [];
  if (gemfile && !lockfile) warnings.push('no Gemfile.lock: bundle install resolves versions at build time; commit a lockfile to freeze them');
  return {
    build: ownImageBuild(target, options),
    lang: {
      gem: target.tools.gem,
      bundle: target.tools.bundle,
      gemHome: GEM_HOME,
      ric: target.ric!.pin,
      gemfile,
      lockfile,
      manifests: lockfile ? 'Gemfile Gemfile.lock' : 'Gemfile',
    },
    dockerignore: [...COMMON_IGNORES, 'vendor/bundle', '.bundle', 'spec', 'test'],
    warnings,
    needsBuildKit: true,
  };
}

function go(_target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const sum = facts.files.has('go.sum');
  const warnings = sum ? [] : ['no go.sum: the build cannot verify module checksums, and fails if the module has dependencies; run `go mod tidy`, commit go.sum and regenerate'];
  if (!options.sample && !facts.files.has('go.mod')) warnings.push('no go.mod in the folder: the Go build stage expects a module at the top');
  return {
    // CGO_ENABLED=0 output has no libc dependency: cross-compile on the build host for $TARGETARCH.
    build: stage(baseReference(TOOLCHAIN_IMAGES.go.image, options), options, 'build', 'apt-get', [], '$BUILDPLATFORM'),
    lang: { manifests: sum ? 'go.mod go.sum' : 'go.mod', mounts: BUILD_CACHE.go },
    dockerignore: [...COMMON_IGNORES, 'bin', 'vendor'],
    warnings,
    needsBuildKit: true,
  };
}

function rust(_target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const lock = facts.files.has('Cargo.lock');
  const warnings = lock ? [] : ['no Cargo.lock: cargo resolves dependency versions at build time; commit the Cargo.lock it writes (cargo generate-lockfile) and regenerate to build with --locked'];
  if (!options.sample) warnings.push('Rust: the build copies the binary named bootstrap, so the package needs a [[bin]] named bootstrap (as the sample has)');
  const triple = rustTarget(options.arch);
  return {
    // Cross-compiled on the build host: musl output is static, and rust-lld links it without a
    // C toolchain for the target (a crate with C code would need a C cross-compiler added).
    build: stage(baseReference(TOOLCHAIN_IMAGES.rust.image, options), options, 'build', 'apk', [], '$BUILDPLATFORM'),
    lang: {
      manifests: lock ? 'Cargo.toml Cargo.lock' : 'Cargo.toml',
      locked: lock ? ' --locked' : '',
      target: triple,
      // A build host of the other architecture links with rust-lld; a native build keeps the C toolchain.
      crossLinker: `{ [ "$(rustc --print host-tuple)" = ${triple} ] || export CARGO_TARGET_${triple.toUpperCase().replaceAll('-', '_')}_LINKER=rust-lld; }`,
      mounts: BUILD_CACHE.cargo,
    },
    dockerignore: [...COMMON_IGNORES, 'target'],
    warnings,
    needsBuildKit: true,
  };
}

function custom(target: Target, options: Options, facts: ProjectFacts): LanguagePart {
  const handlerFile = `${options.handler.slice(0, options.handler.lastIndexOf('.'))}.sh`;
  const warnings: string[] = [];
  if (!options.sample && !facts.files.has('bootstrap')) warnings.push('no bootstrap in the folder: the custom runtime needs an executable bootstrap that runs the Runtime API loop');
  return {
    // The same image as the final stage: only file modes are set here.
    build: stage(baseReference(target.final, options), options, 'build', target.manager, []),
    lang: { handlerFile },
    dockerignore: [...COMMON_IGNORES],
    warnings,
    needsBuildKit: false,
  };
}
