/** Every built-in rule, DL (hadolint-compatible) first, then LAM (Lambda). */
import type { Rule } from '../engine';
import { rule as DL3000 } from './DL3000';
import { rule as DL3003 } from './DL3003';
import { rule as DL3004 } from './DL3004';
import { rule as DL3006 } from './DL3006';
import { rule as DL3007 } from './DL3007';
import { rule as DL3008 } from './DL3008';
import { rule as DL3009 } from './DL3009';
import { rule as DL3013 } from './DL3013';
import { rule as DL3014 } from './DL3014';
import { rule as DL3015 } from './DL3015';
import { rule as DL3016 } from './DL3016';
import { rule as DL3018 } from './DL3018';
import { rule as DL3019 } from './DL3019';
import { rule as DL3020 } from './DL3020';
import { rule as DL3022 } from './DL3022';
import { rule as DL3023 } from './DL3023';
import { rule as DL3024 } from './DL3024';
import { rule as DL3025 } from './DL3025';
import { rule as DL3026 } from './DL3026';
import { rule as DL3027 } from './DL3027';
import { rule as DL3028 } from './DL3028';
import { rule as DL3029 } from './DL3029';
import { rule as DL3030 } from './DL3030';
import { rule as DL3032 } from './DL3032';
import { rule as DL3033 } from './DL3033';
import { rule as DL3038 } from './DL3038';
import { rule as DL3040 } from './DL3040';
import { rule as DL3041 } from './DL3041';
import { rule as DL3042 } from './DL3042';
import { rule as DL3045 } from './DL3045';
import { rule as DL3047 } from './DL3047';
import { rule as DL3059 } from './DL3059';
import { rule as DL3060 } from './DL3060';
import { rule as DL4000 } from './DL4000';
import { rule as DL4003 } from './DL4003';
import { rule as DL4004 } from './DL4004';
import { rule as DL4005 } from './DL4005';
import { rule as DL4006 } from './DL4006';
import { rule as LAM001 } from './LAM001';
import { rule as LAM002 } from './LAM002';
import { rule as LAM003 } from './LAM003';
import { rule as LAM004 } from './LAM004';
import { rule as LAM005 } from './LAM005';
import { rule as LAM006 } from './LAM006';
import { rule as LAM007 } from './LAM007';
import { rule as LAM008 } from './LAM008';
import { rule as LAM009 } from './LAM009';
import { rule as LAM010 } from './LAM010';
import { rule as LAM011 } from './LAM011';
import { rule as LAM012 } from './LAM012';
import { rule as LAM013 } from './LAM013';
import { rule as LAM014 } from './LAM014';
import { rule as LAM015 } from './LAM015';
import { rule as LAM016 } from './LAM016';
import { rule as LAM017 } from './LAM017';
import { rule as LAM018 } from './LAM018';
import { rule as LAM019 } from './LAM019';
import { rule as LAM021 } from './LAM021';
import { rule as LAM022 } from './LAM022';
import { rule as LAM023 } from './LAM023';
import { rule as LAM024 } from './LAM024';
import { rule as LAM025 } from './LAM025';
import { rule as LAM026 } from './LAM026';
import { rule as LAM027 } from './LAM027';
import { rule as LAM028 } from './LAM028';

export const DL_RULES: readonly Rule[] = [
  DL3000,
  DL3003,
  DL3004,
  DL3006,
  DL3007,
  DL3008,
  DL3009,
  DL3013,
  DL3014,
  DL3015,
  DL3016,
  DL3018,
  DL3019,
  DL3020,
  DL3022,
  DL3023,
  DL3024,
  DL3025,
  DL3026,
  DL3027,
  DL3028,
  DL3029,
  DL3030,
  DL3032,
  DL3033,
  DL3038,
  DL3040,
  DL3041,
  DL3042,
  DL3045,
  DL3047,
  DL3059,
  DL3060,
  DL4000,
  DL4003,
  DL4004,
  DL4005,
  DL4006,
];

export const LAMBDA_RULES: readonly Rule[] = [
  LAM001,
  LAM002,
  LAM003,
  LAM004,
  LAM005,
  LAM006,
  LAM007,
  LAM008,
  LAM009,
  LAM010,
  LAM011,
  LAM012,
  LAM013,
  LAM014,
  LAM015,
  LAM016,
  LAM017,
  LAM018,
  LAM019,
  LAM021,
  LAM022,
  LAM023,
  LAM024,
  LAM025,
  LAM026,
  LAM027,
  LAM028,
];

export const RULES: readonly Rule[] = [...DL_RULES, ...LAMBDA_RULES];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
