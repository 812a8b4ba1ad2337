import {
  AWS_RUNTIMES,
  LANGUAGES,
  describeSchedule,
  findAwsRuntime,
  osOnlyBase,
  scheduleStatus,
  type Language,
  type Schedule,
} from '../catalog';
import { findLanguageRuntime, languageSchedule } from '../catalog/language-runtimes';
import type { Arch, OsId } from '../catalog/types';
import { imageTarget, osOnlyTarget } from '../catalog/targets';
import { LANGUAGE_IMAGE_REPOS, parseRef, recogniseImage } from '../catalog/images';
import { closest, didYouMean } from '../shared/suggest';
import { UsageError } from '../shared/errors';
import { instructionProblem } from './instructions';
import {
  ARCHES,
  OPTION_SPECS,
  specByKey,
  TEST_IN_BUILD_LANGUAGES,
  type BaseKind,
  type BuildTool,
  type DeployKind,
  type EcrPolicyKind,
  type OptionModel,
  type OptionSpec,
  type Options,
} from './index';
import { isDigest, isImageRef, isLabelKey, isLabelValue, isRegistryPrefix, isSafeText, PATTERNS } from './validate';
import { choiceError } from '../shared/args';
import { runtimeChoices } from './runtimes';

export { defaultRuntime, runtimeChoices } from './runtimes';
import { quote } from '../shared/quote';

export interface Resolved {
  options: Options;
  language: Language;
  warnings: string[];
}

/** Where a value came from, so an error can name it: "--runtime" or "lambda-image.yaml:4 runtime". */
export type Origin = (key: string) => string;

/** Names a value by the flag that sets it (config-only keys by their key). */
export function modelOrigin(model: OptionModel): Origin {
  return (key) => {
    const flag = specByKey(key, model)?.flag;
    return flag ? `--${flag}` : key;
  };
}

export const flagOrigin: Origin = modelOrigin(OPTION_SPECS);

/**
 * Turns merged raw values (flags over config over prompts) into validated Options. Every check
 * that can fail on user input happens here, so later stages only see values that are safe.
 */
export function resolveOptions(
  raw: Record<string, unknown>,
  today: Date,
  origin?: Origin,
  model: OptionModel = OPTION_SPECS,
): Resolved {
  const warnings: string[] = [];
  const where = origin ?? modelOrigin(model);
  const spec = (key: string): OptionSpec => {
    const found = specByKey(key, model);
    if (!found) throw new Error(`the option model has no ${key}`);
    return found;
  };
  // Each reads one value by its spec: type, choices, pattern, and the default when not given.
  const pick = <T extends string>(key: string): T | undefined => readValue(spec(key), raw[key], where(key)) as T | undefined;
  const str = (key: string): string | undefined => readValue(spec(key), raw[key], where(key)) as string | undefined;
  const bool = (key: string): boolean => readValue(spec(key), raw[key], where(key)) as boolean;
  const list = (key: string): string[] => readValue(spec(key), raw[key], where(key)) as string[];

  const base = pick<BaseKind>('base')!;
  const arch = pick<Arch>('arch')!;
  const runtimeId = str('runtime');
  if (!runtimeId) throw new UsageError(`missing value: runtime (--runtime); choose one of: ${runtimeChoices(base, today).join(', ')}`);

  let os = pick<OsId>('os');
  const family = pick<string>('family');
  const image = str('image');
  if (base !== 'os-only' && os) throw new UsageError(`${where('os')} applies only to --base os-only (the base is ${base})`);
  if (base !== 'image' && image) throw new UsageError(`${where('image')} applies only to --base image (the base is ${base})`);
  if (base !== 'image' && family) throw new UsageError(`${where('family')} applies only to --base image (the base is ${base})`);
  if (image && !isImageRef(image)) throw new UsageError(`${where('image')}: ${quote(image)} is not an image reference (registry/name:tag[@sha256:digest])`);

  const allowDeprecated = bool('allowDeprecated');
  let language: Language;
  let runtime: string;
  if (base === 'aws') {
    const found = findAwsRuntime(runtimeId);
    if (!found) {
      const other = findLanguageRuntime(runtimeId);
      if (other && !AWS_RUNTIMES.some((r) => r.language === other.language)) {
        // Go, Rust and custom runtimes have no AWS runtime image: say where they run.
        throw new UsageError(
          `${LANGUAGES[other.language].title} has no AWS runtime image (--base aws); ${runtimeId} runs on --base os-only (provided:al2023, the usual choice) or --base image`,
        );
      }
      const choices = runtimeChoices('aws', today);
      throw new UsageError(`unknown runtime ${quote(runtimeId)} for --base aws${didYouMean(runtimeId, [...choices, ...AWS_RUNTIMES.map((r) => r.lambdaId)])}; choose one of: ${choices.join(', ')}`);
    }
    runtime = found.id;
    language = found.language;
    checkSchedule(`${found.id} (${found.image}:${found.tag})`, found, today, allowDeprecated, warnings);
    if (!found.tagConfirmed) {
      warnings.push(`the tag ${found.image}:${found.tag} is not yet confirmed by an AWS document; check it exists before relying on it`);
    }
  } else {
    const found = findLanguageRuntime(runtimeId);
    if (!found) {
      const choices = runtimeChoices(base, today);
      throw new UsageError(`unknown runtime ${quote(runtimeId)} for --base ${base}${didYouMean(runtimeId, choices)}; choose one of: ${choices.join(', ')}`);
    }
    runtime = found.id;
    language = found.language;
    if (base === 'os-only') os ??= 'al2023';
    // Whether the base can run this language at all comes first: it is the more useful refusal.
    checkNativeBase(base, runtime, os, image, family, arch);
    if (base === 'os-only') {
      const provided = osOnlyBase(os!)!;
      checkSchedule(`provided:${provided.tag}`, provided, today, allowDeprecated, warnings);
    }
    const schedule = languageSchedule(found);
    if (schedule) checkSchedule(`${found.id} (Lambda's ${schedule.from} schedule)`, schedule, today, allowDeprecated, warnings);
  }

  const info = LANGUAGES[language];
  const handler = str('handler') ?? info.defaultHandler;
  if (!info.handler.pattern.test(handler) || !isSafeText(handler) || /(^|\/)\.\.?(\/|$)|\/\//.test(handler)) {
    throw new UsageError(`${where('handler')}: ${quote(handler)} is not a ${info.title} handler; expected ${info.handler.description}`);
  }

  let buildTool = pick<BuildTool>('buildTool');
  if (buildTool && language !== 'java') throw new UsageError(`${where('buildTool')} applies only to Java runtimes (the runtime is ${runtime})`);
  if (language === 'java') buildTool ??= 'maven';
  const typescript = bool('typescript');
  if (typescript && language !== 'nodejs') throw new UsageError(`${where('typescript')} applies only to Node.js runtimes (the runtime is ${runtime})`);
  const packageManager = str('packageManager');
  if (packageManager && language !== 'nodejs') throw new UsageError(`${where('packageManager')} applies only to Node.js runtimes (the runtime is ${runtime})`);

  const osPackages = list('osPackages');
  const buildOsPackages = list('buildOsPackages');

  const syntax = str('syntax');
  if (syntax && !isImageRef(syntax)) throw new UsageError(`${where('syntax')}: ${quote(syntax)} is not an image reference, e.g. docker/dockerfile:1`);

  const testInBuild = bool('testInBuild');
  if (testInBuild && !(TEST_IN_BUILD_LANGUAGES as readonly Language[]).includes(language)) {
    throw new UsageError(`${where('testInBuild')} supports ${TEST_IN_BUILD_LANGUAGES.map((l) => LANGUAGES[l].title).join(', ')}; run ${info.title} tests outside the image build`);
  }
  const rie = bool('rie');
  if (rie && base !== 'image') {
    throw new UsageError(`${where('rie')} applies only to --base image: AWS and OS-only bases already include the emulator`);
  }

  const registryMirror = str('registryMirror');
  if (registryMirror && !isRegistryPrefix(registryMirror.replace(/\/$/, ''))) {
    throw new UsageError(`${where('registryMirror')}: ${quote(registryMirror)} is not a registry prefix (host[:port][/path])`);
  }

  const options: Options = {
    base,
    runtime,
    ...(os ? { os } : {}),
    ...(image ? { image } : {}),
    ...(family ? { family } : {}),
    arch,
    handler,
    ...(buildTool ? { buildTool } : {}),
    typescript,
    ...(packageManager ? { packageManager } : {}),
    osPackages,
    buildOsPackages,
    sample: bool('sample'),
    ...(syntax ? { syntax } : {}),
    allowDeprecated,
    rie,
    testInBuild,
    ...(registryMirror ? { registryMirror: registryMirror.replace(/\/$/, '') } : {}),
    pin: resolvePin(raw.pin, where('pin')),
    labels: resolveLabels(raw.labels, where('labels')),
    instructions: resolveInstructions(raw.instructions, where('instructions')),
    deploy: pick<DeployKind>('deploy')!,
    imageConfig: bool('imageConfig'),
    ecrPolicy: pick<EcrPolicyKind>('ecrPolicy')!,
    allowAccounts: list('allowAccounts'),
    ...(str('functionName') ? { functionName: str('functionName')! } : {}),
    ...(str('region') ? { region: str('region')! } : {}),
  };
  // An option with no rule of its own above is read by its spec alone and passed on as it is.
  const all = options as unknown as Record<string, unknown>;
  for (const s of model) {
    if (s.run || s.key in all) continue;
    const value = readValue(s, raw[s.key], where(s.key));
    if (value !== undefined) all[s.key] = value;
  }
  if (options.imageConfig && options.deploy !== 'cloudformation') {
    throw new UsageError(`${where('imageConfig')} applies only to --deploy cloudformation`);
  }
  if (options.allowAccounts.length > 0 && options.ecrPolicy !== 'cross-account') {
    throw new UsageError(`${where('allowAccounts')} applies only to --ecr-policy cross-account`);
  }
  if (options.ecrPolicy === 'cross-account' && options.allowAccounts.length === 0) {
    throw new UsageError('--ecr-policy cross-account needs at least one --allow-account <12-digit id>');
  }
  return { options, language, warnings };
}

/**
 * OS-only and image bases: refuses combinations the catalog cannot build (a language version the
 * base cannot install, no client for the version, an image that contradicts --family, …).
 */
function checkNativeBase(base: 'os-only' | 'image', runtime: string, os: OsId | undefined, image: string | undefined, family: string | undefined, arch: Arch): void {
  const result = base === 'os-only'
    ? osOnlyTarget(os ?? 'al2023', runtime, arch)
    : imageTarget({ runtime, arch, ...(image ? { image } : {}), ...(family ? { family } : {}) });
  if (!result.ok) throw new UsageError(`${result.reason}${image ? imageHint(image) : ''}`);
}

/** "; did you mean python:3.13-slim?" when --image's repository is a typo of a well-known one. */
function imageHint(image: string): string {
  if (recogniseImage(image).wellKnown) return '';
  const ref = parseRef(image);
  const name = ref.repository.split('/').pop() ?? ref.repository;
  const known = ['debian', 'ubuntu', 'alpine', 'amazonlinux', ...LANGUAGE_IMAGE_REPOS.map((r) => r.id)];
  const hit = closest(name, known);
  if (!hit || hit === name) return '';
  const suffix = image.slice(image.indexOf(name) + name.length);
  return `; did you mean ${hit}${suffix}?`;
}

function checkSchedule(name: string, schedule: Schedule, today: Date, allow: boolean, warnings: string[]): void {
  const status = scheduleStatus(schedule, today);
  if (status.state === 'deprecated') {
    if (!allow) {
      throw new UsageError(`${name} is deprecated (${describeSchedule(schedule)}); choose a newer runtime or pass --allow-deprecated`);
    }
    warnings.push(`${name} is deprecated (${describeSchedule(schedule)}); generating because --allow-deprecated was given`);
  } else if (status.state === 'soon') {
    warnings.push(`${name} will be deprecated in ${status.days} days (${describeSchedule(schedule)})`);
  }
}

/**
 * One value read by its spec alone: its type, its choices, its pattern (each item's, for a
 * list); the spec's default when it is not given. Rules between options are resolve's own.
 */
export function readValue(spec: OptionSpec, value: unknown, where: string): unknown {
  if (value === undefined) return spec.default === undefined ? undefined : structuredClone(spec.default);
  const grammar = spec.pattern ? PATTERNS[spec.pattern] : undefined;
  const matches = (text: string) => {
    if (grammar && !new RegExp(grammar.pattern).test(text)) throw new UsageError(`${where}: ${quote(text)} is not ${grammar.text}`);
    const problem = spec.check?.(text);
    if (problem !== undefined) throw new UsageError(`${where}: ${problem}`);
    return text;
  };
  switch (spec.type) {
    case 'string':
      if (spec.choices) {
        if (typeof value !== 'string' || !spec.choices.includes(value)) throw choiceError(where, value, spec.choices);
        return matches(value);
      }
      if (typeof value !== 'string' || value === '') throw new UsageError(`${where}: expected a non-empty text value`);
      return matches(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw new UsageError(`${where}: expected true or false`);
      return value;
    case 'list':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new UsageError(`${where}: expected a list of names`);
      return (value as string[]).map(matches);
    case 'object':
      if (!isPlainObject(value)) throw new UsageError(`${where}: expected a map`);
      return value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePin(value: unknown, where: string): Options['pin'] {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new UsageError(`${where}: expected a map of image reference to sha256 digest`);
  const out: Options['pin'] = {};
  for (const [ref, digest] of Object.entries(value)) {
    if (!isImageRef(ref)) throw new UsageError(`${where}: ${quote(ref)} is not an image reference`);
    if (typeof digest === 'string') {
      if (!isDigest(digest)) throw new UsageError(`${where}.${ref}: ${quote(digest)} is not a sha256:<64 hex> digest`);
      out[ref] = digest;
    } else if (isPlainObject(digest)) {
      const perArch: Partial<Record<'x86_64' | 'arm64', string>> = {};
      for (const [arch, d] of Object.entries(digest)) {
        if (arch !== 'x86_64' && arch !== 'arm64') throw new UsageError(`${where}.${ref}: unknown architecture ${quote(arch)}; choose ${ARCHES.join(' or ')}`);
        if (typeof d !== 'string' || !isDigest(d)) throw new UsageError(`${where}.${ref}.${arch}: ${quote(String(d))} is not a sha256:<64 hex> digest`);
        perArch[arch] = d;
      }
      out[ref] = perArch;
    } else {
      throw new UsageError(`${where}.${ref}: expected a digest or a map of architecture to digest`);
    }
  }
  return out;
}

function resolveLabels(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new UsageError(`${where}: expected a map of label to value`);
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!isLabelKey(key)) throw new UsageError(`${where}: ${quote(key)} is not a label key (lower-case letters, digits, . _ -)`);
    if (typeof v !== 'string' || !isLabelValue(v)) throw new UsageError(`${where}.${key}: the value must be text without quotes, backslashes, $ or line breaks`);
    out[key] = v;
  }
  return out;
}

function resolveInstructions(value: unknown, where: string): Options['instructions'] {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new UsageError(`${where}: expected a map of stage (build, final) to a list of instructions`);
  const out: Options['instructions'] = {};
  for (const [stage, lines] of Object.entries(value)) {
    if (stage !== 'build' && stage !== 'final') throw new UsageError(`${where}: unknown stage ${quote(stage)}; choose build or final`);
    if (!Array.isArray(lines) || lines.some((l) => typeof l !== 'string')) throw new UsageError(`${where}.${stage}: expected a list of instructions`);
    // Every source (flags, config, a Dockerfile's options header) passes the same check.
    (lines as string[]).forEach((line, i) => {
      const problem = instructionProblem(line);
      if (problem) throw new UsageError(`${where}.${stage}[${i}]: ${problem}`);
    });
    out[stage] = lines as string[];
  }
  return out;
}
