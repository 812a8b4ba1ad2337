import { AWS_RUNTIMES, OS_ONLY_BASES } from './runtimes';
import type { AwsRuntime, OsOnlyBase, Schedule } from './types';

export * from './types';
export { AWS_RUNTIMES, OS_ONLY_BASES, RETIRED_IMAGES } from './runtimes';
export type { RetiredImage } from './runtimes';
export { FAMILIES, FAMILY_RELEASES, FAMILY_VALUES, family, familyValue, parseFamilyValue, type FamilyValue } from './families';
export { LANGUAGES } from './languages';
export { SOURCES } from './sources';
export { LAMBDA, LAMBDA_USER, LAMBDA_RESERVED_ENV, LAMBDA_RESERVED_PATHS } from './lambda';

/** Finds an AWS runtime by our id or Lambda's (`nodejs22` or `nodejs22.x`). */
export function findAwsRuntime(id: string): AwsRuntime | undefined {
  return AWS_RUNTIMES.find((r) => r.id === id || r.lambdaId === id);
}

export function osOnlyBase(os: string): OsOnlyBase | undefined {
  return OS_ONLY_BASES.find((b) => b.id === os);
}

export type ScheduleStatus =
  | { state: 'supported' }
  | { state: 'soon'; days: number }
  | { state: 'deprecated' };

/** Days of notice before deprecation that earn a warning. */
export const DEPRECATION_NOTICE_DAYS = 180;

export function scheduleStatus(schedule: Schedule, today: Date): ScheduleStatus {
  const deprecation = Date.parse(`${schedule.deprecation}T00:00:00Z`);
  const day = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (day >= deprecation) return { state: 'deprecated' };
  const days = Math.round((deprecation - day) / 86_400_000);
  return days <= DEPRECATION_NOTICE_DAYS ? { state: 'soon', days } : { state: 'supported' };
}

/** "deprecated on 2026-04-30, updates blocked from 2027-03-03" */
export function describeSchedule(schedule: Schedule): string {
  const parts = [`deprecation ${schedule.deprecation}`];
  if (schedule.blockCreate) parts.push(`function creation blocked from ${schedule.blockCreate}`);
  if (schedule.blockUpdate) parts.push(`updates blocked from ${schedule.blockUpdate}`);
  return parts.join(', ');
}
