import { FAMILY_VALUES, parseFamilyValue } from '../catalog/families';
import type { Arch, Language, OsId } from '../catalog/types';

/**
 * The one model of every choice. Each option is declared once in OPTION_SPECS below; the flags
 * (inputs/flags.ts), the YAML config's keys and JSON Schema (inputs/config/schema.ts), the
 * questions (inputs/prompts.ts), `--help` (help.ts), resolve's defaults and checks (resolve.ts),
 * the run keys and the Dockerfile header's keys are all read from it. Each of those takes the
 * model as a parameter, so a test can hand it a copy with one more option.
 *
 * Adding an option: declare it here, then use it in the plan.
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
  /** Node.js: npm (the image's own), or pnpm or yarn at an exact version or the catalog's. */
  packageManager?: string;
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

import type { DefaultValue, FlagSpec } from '../shared/args';
import { PATTERNS, type PatternName } from './validate';
import { quote } from '../shared/quote';
import { PACKAGE_MANAGER_TOOLS } from '../catalog/package-managers';
import { defaultRuntime, runtimeChoices } from './runtimes';

export type OptionType = 'string' | 'boolean' | 'list' | 'object';
export type OptionGroup = 'create' | 'deploy' | 'run' | 'lint';

/** How a question at the terminal asks for an option (inputs/prompts.ts runs the flow). */
export interface OptionPrompt {
  /** The question; `{language}` and `{image}` are filled in from the answers so far. */
  message: string;
  /** The short name in the summary of the answers. */
  label: string;
  /** select: a list; search: a list with type-to-filter; text: typed; confirm: yes or no. */
  kind: 'select' | 'search' | 'text' | 'confirm';
  /** When it is asked, relative to the others; the summary lists the answers in this order. */
  step: number;
}

/**
 * One option, declared once: the parser, the config file's keys and JSON Schema, the prompts,
 * --help, resolve's defaults and checks, the run keys and the Dockerfile header all read it.
 */
export interface OptionSpec extends FlagSpec {
  /** camelCase: the key in Options and in lambda-image.yaml. */
  key: string;
  type: OptionType;
  /** The section of --help it is listed in. */
  group: OptionGroup;
  /** Allowed in lambda-image.yaml. Run settings such as --force are not. */
  config: boolean;
  /** Recorded in the Dockerfile's options header, which `check` regenerates from. */
  header: boolean;
  /** How to run, never what to generate: kept out of Options, the config file and the header. */
  run: boolean;
  /** The grammar of a value (of each item, for a list), for the schema and for resolve. */
  pattern?: PatternName;
  /** The question asked at a terminal when no flag or config gave a value. */
  prompt?: OptionPrompt;
  /** Its JSON Schema in lambda-image.yaml where the type and pattern alone do not say it. */
  schema?: JsonSchema;
  /** Choices that depend on other values and the date, found in the catalog. */
  catalogChoices?: (context: OptionContext) => readonly string[];
  /** The value --yes takes when not given, where it depends on other values and the date. */
  catalogDefault?: (context: OptionContext) => string;
  default?: DefaultValue;
}

/** What a choice or default found in the catalog may depend on. */
export interface OptionContext {
  /** The values given so far (flags over config). */
  values: Readonly<Record<string, unknown>>;
  today: Date;
}

/** The option model: a list of specs, in the order help, the config file and the header use. */
export type OptionModel = readonly OptionSpec[];

export const BASE_KINDS = ['aws', 'os-only', 'image'] as const;
export const ARCHES = ['x86_64', 'arm64'] as const;
export const OS_IDS = ['al2023', 'al2'] as const;
/** The values --family accepts: the one list its validation reads. */
/** What is wrong with a --family value, in the catalog's words, or undefined. */
function familyProblem(value: string): string | undefined {
  const parsed = parseFamilyValue(value);
  return parsed.ok ? undefined : parsed.error.replace(/^--family /, '');
}

/** What is wrong with a --package-manager value, in one line, or undefined. */
function packageManagerProblem(value: string): string | undefined {
  if (/^bun(@|$)/.test(value)) return 'bun is not supported (the function runs on Node.js, and no bun install is built or tested here); use npm, pnpm or yarn';
  if (/^npm@/.test(value)) return `${quote(value)}: npm is the base image's own; write npm without a version`;
  if (!new RegExp(PATTERNS.packageManager.pattern).test(value)) return `${quote(value)} is not ${PATTERNS.packageManager.text}`;
  return undefined;
}

export const FAMILY_IDS = ['debian', 'ubuntu', 'alpine', 'al2023', 'al2'] as const;
export const BUILD_TOOLS = ['maven', 'gradle'] as const;
export const DEPLOY_KINDS = ['none', 'script', 'sam', 'cloudformation'] as const;
export const ECR_POLICY_KINDS = ['none', 'same-account', 'cross-account'] as const;
export const HADOLINT_MODES = ['auto', 'docker', 'off'] as const;
export const STAGES = ['build', 'final'] as const satisfies readonly Stage[];

export type JsonSchema = { [key: string]: unknown };

/** Schema pieces: text (of a grammar, or any non-empty text) and lists of them. */
export const textSchema = (pattern?: PatternName): JsonSchema =>
  pattern ? { type: 'string', pattern: PATTERNS[pattern].pattern } : { type: 'string', minLength: 1 };
export const listSchema = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** Any of: a digest, or a digest per architecture. */
const PIN_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: {
    oneOf: [
      textSchema('digest'),
      { type: 'object', properties: Object.fromEntries(ARCHES.map((a) => [a, textSchema('digest')])), additionalProperties: false, minProperties: 1 },
    ],
  },
};

type Declared = Omit<OptionSpec, 'config' | 'header' | 'run'> & Partial<Pick<OptionSpec, 'config' | 'header' | 'run'>>;

const SPECS: Declared[] = [
  { key: 'base', flag: 'base', type: 'string', group: 'create', header: true, choices: BASE_KINDS, default: 'aws', description: 'kind of base image: an AWS runtime image, an AWS OS-only image, or any other image', prompt: { message: 'Base image', label: 'Base image', kind: 'select', step: 2 } },
  { key: 'runtime', flag: 'runtime', type: 'string', group: 'create', header: true, valueName: 'id', defaultText: 'nodejs24 with --yes', description: 'language runtime, e.g. nodejs24, python3.13, java21, dotnet10, ruby3.4; go, rust, custom on os-only and image bases (see `list`)',
    catalogChoices: ({ values, today }) => runtimeChoices(baseOf(values), today),
    catalogDefault: ({ values, today }) => defaultRuntime(baseOf(values), today),
    prompt: { message: 'Runtime', label: 'Runtime', kind: 'search', step: 4 } },
  { key: 'os', flag: 'os', type: 'string', group: 'create', header: true, choices: OS_IDS, defaultText: 'al2023 with --base os-only', description: 'OS of the AWS OS-only base (provided:<os>)', prompt: { message: 'Amazon Linux version', label: 'Amazon Linux', kind: 'select', step: 3 } },
  { key: 'image', flag: 'image', type: 'string', group: 'create', header: true, valueName: 'ref', defaultText: "the language's official image", description: 'base image reference for --base image, with an explicit tag', prompt: { message: 'Base image with a tag (blank: the official {language} image)', label: 'Image', kind: 'text', step: 5 } },
  // The catalog's grammar checks it: its errors name the releases it knows and the closest value.
  { key: 'family', flag: 'family', type: 'string', group: 'create', header: true, valueName: 'family[:release]', choices: FAMILY_VALUES, check: familyProblem, defaultText: 'inferred from --image', description: 'OS family and release of --image when its tag does not say (a plain name means debian:12, ubuntu:24.04, alpine:3.23)', prompt: { message: 'OS family of {image}', label: 'OS family', kind: 'select', step: 6 } },
  { key: 'arch', flag: 'arch', type: 'string', group: 'create', header: true, choices: ARCHES, default: 'x86_64', description: "the function's architecture (one per image)", prompt: { message: 'Architecture', label: 'Architecture', kind: 'select', step: 7 } },
  { key: 'handler', flag: 'handler', type: 'string', group: 'create', header: true, valueName: 'handler', defaultText: "the sample's handler", description: 'handler Lambda calls, in the runtime\'s format (e.g. index.handler)', prompt: { message: 'Handler', label: 'Handler', kind: 'text', step: 11 } },
  { key: 'buildTool', flag: 'build-tool', type: 'string', group: 'create', header: true, choices: BUILD_TOOLS, defaultText: 'maven for Java', description: 'Java build tool', prompt: { message: 'Build tool', label: 'Build tool', kind: 'select', step: 8 } },
  { key: 'typescript', flag: 'typescript', type: 'boolean', group: 'create', header: true, default: false, description: 'Node.js: compile TypeScript in the build stage', prompt: { message: 'TypeScript?', label: 'TypeScript', kind: 'confirm', step: 9 } },
  { key: 'packageManager', flag: 'package-manager', type: 'string', group: 'create', header: true, valueName: 'name[@version]', check: packageManagerProblem, schema: textSchema('packageManager'), defaultText: 'the lockfile\'s, or package.json "packageManager", else npm', description: `Node.js: install with npm, pnpm or yarn; name@version pins one (else ${PACKAGE_MANAGER_TOOLS.map((t) => `${t.command} ${t.version}`).join(', ')})` },
  {
    key: 'osPackages', flag: 'os-package', type: 'list', group: 'create', header: true, valueName: 'name', pattern: 'packageName', default: [], description: "OS package for the final stage, installed with the base's own package manager",
    // The config file may also give both stages' packages in one map.
    schema: {
      description: "OS package for the final stage, installed with the base's own package manager; or a map of stage (build, final) to packages",
      oneOf: [
        listSchema(textSchema('packageName')),
        { type: 'object', properties: { build: listSchema(textSchema('packageName')), final: listSchema(textSchema('packageName')) }, additionalProperties: false },
      ],
    },
  },
  { key: 'buildOsPackages', flag: 'build-os-package', type: 'list', group: 'create', header: true, valueName: 'name', pattern: 'packageName', default: [], description: 'OS package for the build stage only, e.g. gcc for native modules' },
  { key: 'sample', flag: 'sample', type: 'boolean', group: 'create', default: true, description: 'write a sample handler; --no-sample adds only Dockerfile and .dockerignore to existing code', prompt: { message: 'Write a sample handler? (no: only Dockerfile and .dockerignore)', label: 'Sample handler', kind: 'confirm', step: 10 } },
  { key: 'syntax', flag: 'syntax', type: 'string', group: 'create', header: true, valueName: 'ref', description: 'add a `# syntax=<ref>` directive (default: none, so the built-in frontend is used)' },
  { key: 'allowDeprecated', flag: 'allow-deprecated', type: 'boolean', group: 'create', header: true, default: false, description: 'generate for a runtime Lambda has deprecated' },
  { key: 'rie', flag: 'rie', type: 'boolean', group: 'create', header: true, default: false, description: 'image bases: add the Runtime Interface Emulator for local runs', prompt: { message: 'Add the Runtime Interface Emulator, to run it locally with docker run and curl?', label: 'Emulator (RIE)', kind: 'confirm', step: 12 } },
  { key: 'registryMirror', flag: 'registry-mirror', type: 'string', group: 'create', header: true, valueName: 'prefix', description: 'registry prefix that replaces public.ecr.aws (e.g. a pull-through cache)' },
  { key: 'pin', type: 'object', group: 'create', header: true, default: {}, description: 'base reference → sha256 digest (or one per architecture)', schema: PIN_SCHEMA },
  { key: 'labels', type: 'object', group: 'create', header: true, default: {}, description: 'OCI labels for the final stage', schema: { type: 'object', propertyNames: textSchema('labelKey'), additionalProperties: { type: 'string' } } },
  {
    key: 'instructions', type: 'object', group: 'create', header: true, default: {}, description: 'extra Dockerfile instructions per stage (build, final)',
    schema: { type: 'object', properties: Object.fromEntries(STAGES.map((s) => [s, listSchema({ type: 'string', minLength: 1 })])), additionalProperties: false },
  },
  { key: 'testInBuild', flag: 'test-in-build', type: 'boolean', group: 'create', header: true, default: false, description: 'run the unit tests in the build stage (Node.js: npm test; Python: unittest; Java: mvn test or gradle test; Go: go test; Rust: cargo test; .NET: dotnet test; Ruby: minitest); never in the final image' },
  { key: 'deploy', flag: 'deploy', type: 'string', group: 'deploy', choices: DEPLOY_KINDS, default: 'none', description: 'deploy artefact to write: a deploy script, a SAM template or a CloudFormation template' },
  { key: 'imageConfig', flag: 'image-config', type: 'boolean', group: 'deploy', default: false, description: 'CloudFormation: set ImageConfig (EntryPoint, Command and WorkingDirectory together)' },
  { key: 'ecrPolicy', flag: 'ecr-policy', type: 'string', group: 'deploy', choices: ECR_POLICY_KINDS, default: 'none', description: 'write ecr-policy.json letting Lambda (and other accounts) pull the image' },
  { key: 'allowAccounts', flag: 'allow-account', type: 'list', group: 'deploy', valueName: 'id', pattern: 'account', default: [], description: '12-digit account allowed to pull, with --ecr-policy cross-account' },
  { key: 'functionName', flag: 'function-name', type: 'string', group: 'deploy', valueName: 'name', pattern: 'functionName', defaultText: 'the folder name', description: 'function name used by deploy artefacts' },
  { key: 'region', flag: 'region', type: 'string', group: 'deploy', valueName: 'region', pattern: 'region', description: 'AWS Region for deploy artefacts and policies' },
  // Run settings: how to run, never what to generate, so not in the config file.
  { key: 'dir', flag: 'dir', type: 'string', group: 'run', run: true, valueName: 'path', defaultText: 'my-function with --yes', description: 'folder to write (or give it as the first argument)', prompt: { message: 'Folder name', label: 'Folder', kind: 'text', step: 1 } },
  { key: 'stdout', flag: 'stdout', type: 'boolean', group: 'run', run: true, default: false, description: 'print the Dockerfile only; write nothing' },
  { key: 'force', flag: 'force', type: 'boolean', group: 'run', run: true, default: false, description: 'overwrite files the folder already has, keeping each as <name>.orig' },
  { key: 'yes', flag: 'yes', short: 'y', type: 'boolean', group: 'run', run: true, default: false, description: 'use defaults for every value not given; never prompt' },
  { key: 'interactive', flag: 'interactive', type: 'boolean', group: 'run', run: true, defaultText: 'on a terminal outside CI', description: 'ask for values not given (--no-interactive never prompts)' },
  { key: 'config', flag: 'config', type: 'string', group: 'run', run: true, valueName: 'file', defaultText: './lambda-image.yaml', description: 'team or project config file' },
  { key: 'save', flag: 'save', type: 'boolean', group: 'run', run: true, default: false, description: 'save the answers to the config file' },
  { key: 'lint', flag: 'lint', type: 'boolean', group: 'lint', run: true, default: true, description: 'lint the Dockerfile before writing it (--no-lint skips)' },
  { key: 'hadolint', flag: 'hadolint', type: 'string', group: 'lint', run: true, choices: HADOLINT_MODES, default: 'auto', description: 'real hadolint: from HADOLINT or PATH (auto), its Docker image, or off' },
];

/** Completes a declaration: a run setting is never a config key or in the header. */
export function declare(spec: Declared): OptionSpec {
  const run = spec.run ?? false;
  return { ...spec, run, config: spec.config ?? !run, header: spec.header ?? false };
}

/** The option model of `create` (and of `check`, which regenerates from it). */
export const OPTION_SPECS: OptionModel = SPECS.map(declare);

export function specByKey(key: string, model: OptionModel = OPTION_SPECS): OptionSpec | undefined {
  return model.find((s) => s.key === key);
}

export function specByFlag(flag: string, model: OptionModel = OPTION_SPECS): OptionSpec | undefined {
  return model.find((s) => s.flag === flag);
}

/** The base kind given, or the default one when none (or no valid one) is. */
export function baseOf(values: Readonly<Record<string, unknown>>): BaseKind {
  const base = values.base;
  return typeof base === 'string' && (BASE_KINDS as readonly string[]).includes(base) ? (base as BaseKind) : (defaultOf('base') as BaseKind);
}

/** Keys of run settings: they steer the run and never reach the plan. */
export function runKeys(model: OptionModel = OPTION_SPECS): string[] {
  return model.filter((s) => s.run).map((s) => s.key);
}

/** Keys the Dockerfile's options header records, in the order it writes them. */
export function headerKeys(model: OptionModel = OPTION_SPECS): string[] {
  return model.filter((s) => s.header).map((s) => s.key);
}

export const RUN_KEYS: readonly string[] = runKeys();

/** A fresh copy of a default, so no caller can change the model's. */
function copyDefault(value: DefaultValue): unknown {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object') return { ...value };
  return value;
}

/** The default of every generation option that has one, from the model. */
export function modelDefaults(model: OptionModel = OPTION_SPECS): Record<string, unknown> {
  return Object.fromEntries(model.filter((s) => !s.run && s.default !== undefined).map((s) => [s.key, copyDefault(s.default!)]));
}

/** The default of one option (a string or boolean), for prompts and resolve. */
export function defaultOf(key: string, model: OptionModel = OPTION_SPECS): string | boolean | undefined {
  const d = specByKey(key, model)?.default;
  return typeof d === 'string' || typeof d === 'boolean' ? d : undefined;
}

/** Defaults for every generation option; runtime and handler are decided later. */
export function defaultOptions(): Omit<Options, 'runtime' | 'handler'> {
  return modelDefaults() as unknown as Omit<Options, 'runtime' | 'handler'>;
}

/** Languages whose sample tests `--test-in-build` can run in the build stage (each language's module in plan/languages/ says how, in its `tests` step). */
export const TEST_IN_BUILD_LANGUAGES = ['nodejs', 'python', 'java', 'go', 'rust', 'dotnet', 'ruby'] as const satisfies readonly Language[];
