import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The first executable `name` on PATH, found without spawning anything. Synchronous on purpose:
 * a few access() calls cost microseconds, while a round trip through the thread pool per PATH
 * entry showed up in start-up time.
 */
export async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  return onPathSync(name, env);
}

export function onPathSync(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutable(p)) return p;
  }
  return null;
}

export async function executable(p: string): Promise<boolean> {
  return isExecutable(p);
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
