import type { Options } from '../options';
import type { ProjectFacts } from './common';
import { planNative } from './native';
import type { LanguageTemplate } from './languages';
import type { KindPlan } from './model';
import { imageTarget, targetOrThrow } from '../catalog/targets';

/**
 * Any other image (an official language image, a bare OS image or an organisation's own): the
 * plan adds the runtime interface client and an entry script of its own, because the base has
 * no /lambda-entrypoint.sh, and Lambda wants an absolute, real-file ENTRYPOINT.
 */
export function planImage(options: Options, facts: ProjectFacts): KindPlan<LanguageTemplate> {
  const target = targetOrThrow(
    imageTarget({
      runtime: options.runtime,
      arch: options.arch,
      ...(options.image ? { image: options.image } : {}),
      ...(options.family ? { family: options.family } : {}),
    }),
  );
  return planNative(target, options, facts);
}
