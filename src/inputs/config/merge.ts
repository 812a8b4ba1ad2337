import { UsageError } from '../../shared/errors';
import type { Options } from '../../options';
import { quote } from '../../shared/quote';
import type { Layer } from './read';
import { saveValues } from './save';
import { deepEqual } from './util';
import type { LintConfig, LoadedConfig, Policy } from './types';

/** Merging layers in precedence order; policy keys (allowed lists, mirror, pins) only narrow. */

export function merge(cwd: string, path: string, layers: Layer[]): LoadedConfig {
  const values: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  const policy: Policy = { sources: {} };
  const pins: Record<string, { value: unknown; at: string }> = {};
  let mirror: { value: string; at: string; display: string } | undefined;
  let lint: LintConfig | undefined;

  for (const layer of layers) {
    const at = (key: string) => `${layer.display}:${layer.where[key]!.line}`;
    for (const [key, value] of Object.entries(layer.values)) {
      switch (key) {
        case 'registryMirror': {
          const mirrorValue = value as string;
          if (mirror && mirror.value !== mirrorValue) {
            throw new UsageError(
              `${at(key)}: registryMirror: ${quote(mirrorValue)} cannot replace the registry mirror set by ${mirror.at} (${mirror.value}); a later file cannot change it`,
            );
          }
          mirror ??= { value: mirrorValue, at: at(key), display: layer.display };
          values[key] = mirrorValue;
          break;
        }
        case 'pin': {
          const merged = { ...((values.pin as Record<string, unknown> | undefined) ?? {}) };
          for (const [ref, digest] of Object.entries(value as Record<string, unknown>)) {
            const earlier = pins[ref];
            const here = `${layer.display}:${layer.pinLines[ref]}`;
            if (earlier && !deepEqual(earlier.value, digest)) {
              throw new UsageError(`${here}: pin[${quote(ref)}]: cannot change the digest pinned by ${earlier.at}; a later file may only pin other references`);
            }
            pins[ref] ??= { value: digest, at: here };
            merged[ref] = digest;
          }
          values.pin = merged;
          break;
        }
        case 'labels':
          values.labels = { ...((values.labels as Record<string, string> | undefined) ?? {}), ...(value as Record<string, string>) };
          break;
        case 'instructions': {
          const merged: Record<string, string[]> = { ...((values.instructions as Record<string, string[]> | undefined) ?? {}) };
          for (const [stage, lines] of Object.entries(value as Record<string, string[]>)) merged[stage] = [...(merged[stage] ?? []), ...lines];
          values.instructions = merged;
          break;
        }
        default:
          values[key] = value;
      }
      origins[key] = `${at(key)}: ${layer.where[key]!.key}`;
    }
    for (const key of ['allowedBases', 'allowedRuntimes'] as const) {
      const mine = layer[key];
      if (!mine) continue;
      const earlier = policy[key];
      if (earlier) {
        const wider = mine.list.filter((x) => !earlier.includes(x));
        if (wider.length > 0) {
          throw new UsageError(
            `${layer.display}:${mine.line}: ${key}: ${wider.join(', ')} ${wider.length === 1 ? 'is' : 'are'} not allowed by ${policy.sources[key]} (${key}: ${earlier.join(', ')}); a later file can only narrow the list`,
          );
        }
      }
      policy[key] = [...new Set(mine.list)];
      policy.sources[key] = layer.display;
    }
    if (layer.lint) lint = mergeLint(lint, layer.lint);
  }
  if (mirror) {
    policy.registryMirror = mirror.value;
    policy.sources.registryMirror = mirror.display;
  }
  for (const [ref, pin] of Object.entries(pins)) policy.sources[`pin:${ref}`] = pin.at;

  const checkPolicy = (options: Options, flagValues: Record<string, unknown>) => {
    const came = (key: string, flag: string) => (key in flagValues ? flag : origins[key]?.replace(/: \S+$/, '') ?? 'a prompt or the default');
    if (mirror) {
      const given = flagValues.registryMirror;
      const normalised = typeof given === 'string' ? given.replace(/\/$/, '') : undefined;
      if ((normalised !== undefined && normalised !== mirror.value) || options.registryMirror !== mirror.value) {
        throw new UsageError(
          `--registry-mirror ${quote(String(given ?? options.registryMirror ?? ''))}: the registry mirror is set by ${mirror.at} (registryMirror: ${mirror.value}) and cannot be changed`,
        );
      }
    }
    if (policy.allowedBases && !policy.allowedBases.includes(options.base)) {
      throw new UsageError(
        `base ${options.base} is not allowed by ${policy.sources.allowedBases} (allowedBases: ${policy.allowedBases.join(', ')}); set by ${came('base', '--base')}`,
      );
    }
    if (policy.allowedRuntimes && !policy.allowedRuntimes.includes(options.runtime)) {
      throw new UsageError(
        `runtime ${options.runtime} is not allowed by ${policy.sources.allowedRuntimes} (allowedRuntimes: ${policy.allowedRuntimes.join(', ')}); set by ${came('runtime', '--runtime')}`,
      );
    }
    for (const [ref, pin] of Object.entries(pins)) {
      if (!deepEqual(options.pin[ref], pin.value)) throw new UsageError(`pin[${quote(ref)}]: the digest pinned by ${pin.at} cannot be changed`);
    }
  };

  return {
    path,
    files: layers.map((l) => l.display),
    values,
    origin: (key) => origins[key],
    policy,
    ...(lint ? { lint } : {}),
    checkPolicy,
    save: (saved) => saveValues(cwd, path, saved, values),
  };
}

/** A later file's threshold replaces; ignored rules add up; a rule's latest override wins. */
export function mergeLint(earlier: LintConfig | undefined, later: LintConfig): LintConfig {
  const out: LintConfig = { ...earlier };
  if (later.failureThreshold) out.failureThreshold = later.failureThreshold;
  if (later.trustedRegistries) out.trustedRegistries = [...later.trustedRegistries];
  if (later.ignored) out.ignored = [...new Set([...(earlier?.ignored ?? []), ...later.ignored])];
  if (later.override) {
    const levels = new Map<string, string>();
    for (const source of [earlier?.override, later.override]) {
      for (const [level, rules] of Object.entries(source ?? {})) for (const rule of rules ?? []) levels.set(rule, level);
    }
    const override: NonNullable<LintConfig['override']> = {};
    for (const [rule, level] of levels) (override[level as keyof typeof override] ??= []).push(rule);
    out.override = override;
  }
  return out;
}
