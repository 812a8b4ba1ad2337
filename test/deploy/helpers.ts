import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployFiles, type DeployInput } from '../../src/deploy/index';

export const FIXTURE_BIN = fileURLToPath(new URL('../fixtures/deploy/bin', import.meta.url));
// Git keeps the executable bit, but a checkout with core.fileMode=false would not.
for (const name of readdirSync(FIXTURE_BIN)) chmodSync(join(FIXTURE_BIN, name), 0o755);

export const DIGEST_A = `sha256:${'ab'.repeat(32)}`;
export const DIGEST_B = `sha256:${'cd'.repeat(32)}`;
export const ACCOUNT = '123456789012';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/lambda-exec`;

export function input(over: Partial<DeployInput> = {}): DeployInput {
  return {
    kind: 'script',
    arch: 'arm64',
    functionName: 'orders-api',
    repositoryName: 'orders-api',
    needsBuildKit: false,
    ecrPolicy: 'none',
    allowAccounts: [],
    ...over,
  };
}

/** Writes the generated deploy files plus a placeholder Dockerfile into a fresh folder. */
export function writeProject(over: Partial<DeployInput> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-deploy-'));
  for (const file of deployFiles(input(over))) {
    writeFileSync(join(dir, file.path), file.content, { mode: file.mode ?? 0o644 });
  }
  writeFileSync(join(dir, 'Dockerfile'), 'FROM public.ecr.aws/lambda/provided:al2023\n');
  return dir;
}

export function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every aws/docker invocation, in order, as argv arrays starting with the program name. */
  calls: string[][];
}

/**
 * Runs deploy.sh with the fake aws and docker first on PATH and a clean environment (no real AWS
 * variables leak in from the developer's shell). The working directory is elsewhere on purpose.
 */
export function runDeploy(dir: string, env: Record<string, string>, args: string[] = [], shell = 'sh'): Run {
  const log = join(dir, 'calls.log');
  writeFileSync(log, '');
  const result = spawnSync(shell, [join(dir, 'deploy.sh'), ...args], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: { PATH: `${FIXTURE_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`, HOME: dir, FAKE_LOG: log, ...env },
  });
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

export function findCall(calls: string[][], ...prefix: string[]): string[] | undefined {
  return calls.find((argv) => prefix.every((word, i) => argv[i] === word));
}

export function indexOfCall(calls: string[][], ...prefix: string[]): number {
  return calls.findIndex((argv) => prefix.every((word, i) => argv[i] === word));
}

export function argAfter(argv: string[] | undefined, option: string): string | undefined {
  if (!argv) return undefined;
  const at = argv.indexOf(option);
  return at >= 0 ? argv[at + 1] : undefined;
}
