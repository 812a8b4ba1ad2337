import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cache = new Map<string, string>();

/**
 * The package root (where templates/ and schema/ ship). The source sits in src/, the bundle in
 * dist/, so walk up until a folder holds both package.json and templates/.
 */
export function packageRoot(from: string | URL = import.meta.url): string {
  const start = dirname(fileURLToPath(from));
  const known = cache.get(start);
  if (known) return known;
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) {
      cache.set(start, dir);
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no package root (package.json and templates/) above ${start}`);
  }
}

/** Absolute path of a file under templates/, e.g. templatePath('deploy', 'deploy.sh.hbs'). */
export function templatePath(...segments: string[]): string {
  return join(packageRoot(), 'templates', ...segments);
}
