import { execFileSync } from 'node:child_process';

// Spawn tests run the package's bin, which loads the bundle in dist/.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
