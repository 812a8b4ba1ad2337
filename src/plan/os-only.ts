import type { Options } from '../options';
import type { ProjectFacts } from './common';
import { planNative } from './native';
import type { LanguageTemplate } from './languages';
import type { KindPlan } from './model';
import { osOnlyTarget, targetOrThrow } from '../catalog/targets';

/**
 * OS-only bases (provided:al2023, provided:al2) keep their /lambda-entrypoint.sh and built-in
 * emulator: the plan only has to put an executable at /var/runtime/bootstrap (the Go or Rust
 * binary, the custom runtime's script, or a generated script that starts the client).
 */
export function planOsOnly(options: Options, facts: ProjectFacts): KindPlan<LanguageTemplate> {
  const target = targetOrThrow(osOnlyTarget(options.os ?? 'al2023', options.runtime, options.arch));
  return planNative(target, options, facts);
}
