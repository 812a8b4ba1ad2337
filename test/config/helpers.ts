import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../support/run';

/** Writes files (relative path → text) into dir, creating folders; returns dir. */
export function writeTree(files: Record<string, string>, dir = tempDir('config-test-')): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const MIRROR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public';
/** Flags every config test passes: no prompts, no lint engine, the Dockerfile on stdout. */
export const STDOUT = ['--stdout', '--no-lint'];
