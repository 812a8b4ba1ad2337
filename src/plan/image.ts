import type { Options } from '../options';
import type { KindPlan } from './aws';
import type { ProjectFacts } from './common';

export function planImage(_options: Options, _facts: ProjectFacts): KindPlan {
  throw new Error('image bases are planned in a later step');
}
