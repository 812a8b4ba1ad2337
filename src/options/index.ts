import { FAMILY_VALUES } from '../catalog/families';
import type { Arch, Language, OsId } from '../catalog/types';

/**
 * The one model of every choice. OPTION_SPECS below is the source of truth for flags, the YAML
 * config's keys and JSON Schema, prompts' defaults, `--help`, and the validation messages.
 */

export type BaseKind = 'aws' | 'os-only' | 'image';
export type BuildTool = 'maven' | 'gradle';
export type DeployKind = 'none' | 'script' | 'sam' | 'cloudformation';
export type EcrPolicyKind = 'none' | 'same-account' | 'cross-account';
export type Stage = 'build' | 'final';

/** Everything that decides what is generated. Run settings (where, whether to lint) live apart. */
export interface Options {
  base: BaseKind;
  runtime: string;
  os?: OsId;
  image?: string;
  /** A family with an optional release, as FAMILY_VALUES lists them: debian, debian:13, ubuntu:22.04. */
  family?: string;
  arch: Arch;
  handler: string;
  buildTool?: BuildTool;
  typescript: boolean;
  osPackages: string[];
  buildOsPackages: string[];
  sample: boolean;
  syntax?: string;
  allowDeprecated: boolean;
  rie: boolean;
  /** Runs the unit tests in the build stage; they never reach the final image. */
  testInBuild: boolean;
  /** Rewrites base references, e.g. public.ecr.aws → an ECR pull-through cache. */
  registryMirror?: string;
  /** Base reference (as written before mirroring) → digest, or a digest per architecture. */
  pin: Record<string, string | Partial<Record<Arch, string>>>;
  labels: Record<string, string>;
  instructions: Partial<Record<Stage, string[]>>;
  deploy: DeployKind;
  imageConfig: boolean;
  ecrPolicy: EcrPolicyKind;
  allowAccounts: string[];
  functionName?: string;
  region?: string;
}

export type OptionType = 'string' | 'boolean' | 'list' | 'object';
export type OptionGroup = 'create' | 'deploy' | 'run' | 'lint';

export interface OptionSpec {
  /** camelCase: the key in Options and in lambda-image.yaml. */
  key: string;
  /** kebab-case long flag without dashes; absent for config-only keys. */
  flag?: string;
  short?: string;
  type: OptionType;
  group: OptionGroup;
  valueName?: string;
  /** Static choices; runtime choices come from the catalog at validation time. */
  choices?: readonly string[];
  default?: string | boolean | readonly string[];
  /** How --help shows the default when it is not a plain value. */
  defaultText?: string;
  description: string;
  /** Allowed in lambda-image.yaml. Run settings such as --force are not. */
  config: boolean;
}

export const BASE_KINDS = ['aws', 'os-only', 'image'] as const;
export const ARCHES = ['x86_64', 'arm64'] as const;
export const OS_IDS = ['al2023', 'al2'] as const;
export const FAMILY_IDS = ['debian', 'ubuntu', 'alpine', 'al2023', 'al2'] as const;
export const BUILD_TOOLS = ['maven', 'gradle'] as const;
export const DEPLOY_KINDS = ['none', 'script', 'sam', 'cloudformation'] as const;
export const ECR_POLICY_KINDS = ['none', 'same-account', 'cross-account'] as const;
export const HADOLINT_MODES = ['auto', 'docker', 'off'] as const;

const SPECS: (Omit<OptionSpec, 'config'> & { config?: boolean })[] = [
  { key: 'base', flag: 'base', type: 'string', group: 'create', choices: BASE_KINDS, default: 'aws', description: 'kind of base image: an AWS runtime image, an AWS OS-only image, or any other image' },
  { key: 'runtime', flag: 'runtime', type: 'string', group: 'create', valueName: 'id', defaultText: 'nodejs24 with --yes', description: 'language runtime, e.g. nodejs24, python3.13, java21, dotnet10, ruby3.4; go, rust, custom on os-only and image bases (see `list`)' },
  { key: 'os', flag: 'os', type: 'string', group: 'create', choices: OS_IDS, defaultText: 'al2023 with --base os-only', description: 'OS of the AWS OS-only base (provided:<os>)' },
  { key: 'image', flag: 'image', type: 'string', group: 'create', valueName: 'ref', defaultText: "the language's official image", description: 'base image reference for --base image, with an explicit tag' },
  { key: 'family', flag: 'family', type: 'string', group: 'create', valueName: 'family[:release]', choices: FAMILY_VALUES, defaultText: 'inferred from --image', description: 'OS family and release of --image when its tag does not say (a plain name means debian:12, ubuntu:24.04, alpine:3.23)' },
  { key: 'arch', flag: 'arch', type: 'string', group: 'create', choices: ARCHES, default: 'x86_64', description: "the function's architecture (one per image)" },
  { key: 'handler', flag: 'handler', type: 'string', group: 'create', valueName: 'handler', defaultText: "the sample's handler", description: 'handler Lambda calls, in the runtime\'s format (e.g. index.handler)' },
  { key: 'buildTool', flag: 'build-tool', type: 'string', group: 'create', choices: BUILD_TOOLS, defaultText: 'maven for Java', description: 'Java build tool' },
  { key: 'typescript', flag: 'typescript', type: 'boolean', group: 'create', default: false, description: 'Node.js: compile TypeScript in the build stage' },
  { key: 'osPackages', flag: 'os-package', type: 'list', group: 'create', valueName: 'name', default: [], description: "OS package for the final stage, installed with the base's own package manager" },
  { key: 'buildOsPackages', flag: 'build-os-package', type: 'list', group: 'create', valueName: 'name', default: [], description: 'OS package for the build stage only, e.g. gcc for native modules' },
  { key: 'sample', flag: 'sample', type: 'boolean', group: 'create', default: true, description: 'write a sample handler; --no-sample adds only Dockerfile and .dockerignore to existing code' },
  { key: 'syntax', flag: 'syntax', type: 'string', group: 'create', valueName: 'ref', description: 'add a `# syntax=<ref>` directive (default: none, so the built-in frontend is used)' },
  { key: 'allowDeprecated', flag: 'allow-deprecated', type: 'boolean', group: 'create', default: false, description: 'generate for a runtime Lambda has deprecated' },
  { key: 'testInBuild', flag: 'test-in-build', type: 'boolean', group: 'create', default: false, description: 'run the unit tests in the build stage (Node.js: npm test; Python: unittest; Java: mvn test or gradle test; Go: go test; Rust: cargo test); never in the final image' },
  { key: 'rie', flag: 'rie', type: 'boolean', group: 'create', default: false, description: 'image bases: add the Runtime Interface Emulator for local runs' },
  { key: 'registryMirror', type: 'string', group: 'create', config: true, description: 'registry prefix that replaces public.ecr.aws (e.g. a pull-through cache)', flag: 'registry-mirror', valueName: 'prefix' },
  { key: 'pin', type: 'object', group: 'create', config: true, description: 'base reference → sha256 digest (or one per architecture)' },
  { key: 'labels', type: 'object', group: 'create', config: true, description: 'OCI labels for the final stage' },
  { key: 'instructions', type: 'object', group: 'create', config: true, description: 'extra Dockerfile instructions per stage (build, final)' },
  { key: 'deploy', flag: 'deploy', type: 'string', group: 'deploy', choices: DEPLOY_KINDS, default: 'none', description: 'deploy artefact to write: a deploy script, a SAM template or a CloudFormation template' },
  { key: 'imageConfig', flag: 'image-config', type: 'boolean', group: 'deploy', default: false, description: 'CloudFormation: set ImageConfig (EntryPoint, Command and WorkingDirectory together)' },
  { key: 'ecrPolicy', flag: 'ecr-policy', type: 'string', group: 'deploy', choices: ECR_POLICY_KINDS, default: 'none', description: 'write ecr-policy.json letting Lambda (and other accounts) pull the image' },
  { key: 'allowAccounts', flag: 'allow-account', type: 'list', group: 'deploy', valueName: 'id', default: [], description: '12-digit account allowed to pull, with --ecr-policy cross-account' },
  { key: 'functionName', flag: 'function-name', type: 'string', group: 'deploy', valueName: 'name', defaultText: 'the folder name', description: 'function name used by deploy artefacts' },
  { key: 'region', flag: 'region', type: 'string', group: 'deploy', valueName: 'region', description: 'AWS Region for deploy artefacts and policies' },
  // Run settings: how to run, never what to generate, so not in the config file.
  { key: 'dir', flag: 'dir', type: 'string', group: 'run', valueName: 'path', defaultText: 'my-function with --yes', description: 'folder to write (or give it as the first argument)', config: false },
  { key: 'stdout', flag: 'stdout', type: 'boolean', group: 'run', default: false, description: 'print the Dockerfile only; write nothing', config: false },
  { key: 'force', flag: 'force', type: 'boolean', group: 'run', default: false, description: 'overwrite files the folder already has, keeping each as <name>.orig', config: false },
  { key: 'yes', flag: 'yes', short: 'y', type: 'boolean', group: 'run', default: false, description: 'use defaults for every value not given; never prompt', config: false },
  { key: 'interactive', flag: 'interactive', type: 'boolean', group: 'run', defaultText: 'on a terminal outside CI', description: 'ask for values not given (--no-interactive never prompts)', config: false },
  { key: 'config', flag: 'config', type: 'string', group: 'run', valueName: 'file', defaultText: './lambda-image.yaml', description: 'team or project config file', config: false },
  { key: 'save', flag: 'save', type: 'boolean', group: 'run', default: false, description: 'save the answers to the config file', config: false },
  { key: 'lint', flag: 'lint', type: 'boolean', group: 'lint', default: true, description: 'lint the Dockerfile before writing it (--no-lint skips)', config: false },
  { key: 'hadolint', flag: 'hadolint', type: 'string', group: 'lint', choices: HADOLINT_MODES, default: 'auto', description: 'real hadolint: from HADOLINT or PATH (auto), its Docker image, or off', config: false },
];

/** Every option is a config key unless it says otherwise. */
export const OPTION_SPECS: readonly OptionSpec[] = SPECS.map((s) => ({ ...s, config: s.config ?? true }));

export function specByKey(key: string): OptionSpec | undefined {
  return OPTION_SPECS.find((s) => s.key === key);
}

export function specByFlag(flag: string): OptionSpec | undefined {
  return OPTION_SPECS.find((s) => s.flag === flag);
}

/** Defaults for every generation option; runtime and handler are decided later. */
export function defaultOptions(): Omit<Options, 'runtime' | 'handler'> {
  return {
    base: 'aws',
    arch: 'x86_64',
    typescript: false,
    osPackages: [],
    buildOsPackages: [],
    sample: true,
    allowDeprecated: false,
    rie: false,
    testInBuild: false,
    pin: {},
    labels: {},
    instructions: {},
    deploy: 'none',
    imageConfig: false,
    ecrPolicy: 'none',
    allowAccounts: [],
  };
}

/** Languages whose sample tests `--test-in-build` can run in the build stage (plan/tests.ts says how). */
export const TEST_IN_BUILD_LANGUAGES = ['nodejs', 'python', 'java', 'go', 'rust'] as const satisfies readonly Language[];
