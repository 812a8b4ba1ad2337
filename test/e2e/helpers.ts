/**
 * Shared by e2e tests that need a container engine. Tests use
 * `describe.skipIf(!docker.usable)` and call `announceSkip` so a skip is loud, never silent.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildArgs, detectBuilder, exec, probeArgs, resolveEngine, type Arch, type Engine } from '../../src/verify/docker';

/** The base every e2e fixture builds FROM, made locally by scripts/ci/docker-setup.sh. */
export const BASE_IMAGE = 'debian:bookworm-slim';

export interface DockerStatus {
  usable: boolean;
  /** Why not (or which engine), for the skip message. */
  reason: string;
  engine?: Engine;
}

/**
 * Synchronous so it can feed `describe.skipIf` at collection time: the engine verify would pick
 * (CREATE_LAMBDA_IMAGE_DOCKER, docker, podman) must answer within 10 s and hold the local base.
 */
export function dockerStatus(env: NodeJS.ProcessEnv = process.env): DockerStatus {
  const engine = resolveEngine(env);
  if (!engine) return { usable: false, reason: 'no docker or podman on PATH (and CREATE_LAMBDA_IMAGE_DOCKER unset)' };
  const run = (args: string[]) => spawnSync(engine.bin, args, { env, encoding: 'utf8', timeout: 10_000 });
  const v = run(probeArgs(engine));
  if (v.status !== 0 || !v.stdout.trim()) {
    const why = (v.stderr || v.error?.message || 'no answer within 10 s').trim().split('\n')[0];
    return { usable: false, reason: `${engine.bin}: engine not answering (${why}); run scripts/ci/docker-setup.sh`, engine };
  }
  if (run(['image', 'inspect', BASE_IMAGE]).status !== 0) {
    return { usable: false, reason: `${BASE_IMAGE} is not present locally; run scripts/ci/docker-setup.sh to make it`, engine };
  }
  return { usable: true, reason: `${engine.bin} (engine ${v.stdout.trim()})`, engine };
}

/**
 * Prints a banner nobody can miss when container tests are skipped. With
 * CREATE_LAMBDA_IMAGE_E2E_REQUIRE_DOCKER=1 (CI, after docker-setup.sh succeeded) a skip is an
 * error instead, so a broken engine cannot turn the e2e suite silently green.
 */
export function announceSkip(suite: string, status: DockerStatus, env: NodeJS.ProcessEnv = process.env): void {
  if (status.usable) return;
  if (env.CREATE_LAMBDA_IMAGE_E2E_REQUIRE_DOCKER === '1') throw new Error(`${suite} needs Docker but: ${status.reason}`);
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! SKIPPED ${suite}: ${status.reason}\n${line}\n`);
}

/** Fixtures are built for the machine's own architecture (the local base is native). */
export const HOST_ARCH: Arch = process.arch === 'arm64' ? 'arm64' : 'x86_64';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/verify/', import.meta.url));

/**
 * A repository name unique to this test run: concurrent runs on one daemon (two engineers, or
 * a watch mode) must not remove each other's fixture images. The build cache is still shared.
 */
export const FIXTURE_REPO = `cli-verify-fixture-${process.pid}-${Date.now().toString(36)}`;

/** Builds each target of the fixture Dockerfile once (they share all layers); returns tag per target. */
export async function buildFixtures(engine: Engine, targets: readonly string[], prefix = FIXTURE_REPO): Promise<Record<string, string>> {
  const builder = await detectBuilder(engine);
  const tags: Record<string, string> = {};
  for (const target of targets) {
    const tag = `${prefix}:${target}`;
    const args = buildArgs(builder, FIXTURE_DIR, tag, HOST_ARCH);
    args.splice(1, 0, '--target', target);
    const r = await exec(engine, args, { env: builder.env, timeoutMs: 6 * 60_000 });
    if (r.code !== 0) throw new Error(`building fixture ${target} failed:\n${r.combined.slice(-3000)}`);
    tags[target] = tag;
  }
  return tags;
}

/**
 * Removes images by name (never prune: that would delete the local base too). Concurrent runs
 * build identical image IDs from the shared cache, so `rmi` of our tag may only untag; an image
 * left with no tag at all is then deleted here (which also drops its untagged parents).
 */
export async function removeImages(engine: Engine, tags: string[]): Promise<void> {
  if (!tags.length) return;
  const ids = (await exec(engine, ['image', 'inspect', '-f', '{{.Id}}', ...tags], { timeoutMs: 60_000 })).stdout.split('\n').filter(Boolean);
  await exec(engine, ['rmi', '-f', ...tags], { timeoutMs: 60_000 });
  for (const id of new Set(ids)) {
    const left = await exec(engine, ['image', 'inspect', '-f', '{{len .RepoTags}}', id], { timeoutMs: 30_000 });
    if (left.code === 0 && left.stdout.trim() === '0') await exec(engine, ['rmi', id], { timeoutMs: 60_000 });
  }
}
