import type { Options } from '../options';
import type { KindPlan } from './aws';
import type { ProjectFacts } from './common';

export function planOsOnly(_options: Options, _facts: ProjectFacts): KindPlan {
  throw new Error('os-only bases are planned in a later step');
}
