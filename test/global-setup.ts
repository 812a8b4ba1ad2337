import { execFileSync } from 'node:child_process';

// Spawn tests run dist/cli.js, the same file the package's bin points at.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
