import { AWS_RUNTIMES, scheduleStatus } from '../catalog';
import { languageRuntimeIds } from '../catalog/language-runtimes';

/** The runtimes on offer, from the catalog: what --runtime's choices and its --yes default are. */

/** Runtime ids offered for a base kind, newest first, without deprecated ones. */
export function runtimeChoices(base: string, today: Date): string[] {
  if (base === 'aws') {
    return AWS_RUNTIMES.filter((r) => scheduleStatus(r, today).state !== 'deprecated').map((r) => r.id);
  }
  return languageRuntimeIds();
}

/** The default runtime for --yes: the newest Node.js that is not deprecated. */
export function defaultRuntime(base: string, today: Date): string {
  const node = AWS_RUNTIMES.find((r) => r.language === 'nodejs' && scheduleStatus(r, today).state !== 'deprecated');
  if (!node) throw new Error('the catalog has no supported Node.js runtime');
  return base === 'aws' ? node.id : `nodejs${node.languageVersion}`;
}
