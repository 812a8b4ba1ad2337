/**
 * Shared by e2e tests that need a container engine. Tests use
 * `describe.skipIf(!docker.usable)` and call `announceSkip` so a skip is loud, never silent.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { run } from '../support/run';
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
  // The generated Dockerfiles need BuildKit (TARGETARCH, cache mounts): a client without the
  // buildx plugin that also refuses DOCKER_BUILDKIT=1 (Docker 23+ without buildx) cannot build them.
  if (engine.kind === 'docker' && env.DOCKER_BUILDKIT === undefined && run(['buildx', 'version']).status !== 0) {
    const builtin = spawnSync(engine.bin, ['build', '--help'], { env: { ...env, DOCKER_BUILDKIT: '1' }, encoding: 'utf8', timeout: 10_000 });
    if (builtin.status !== 0) {
      return { usable: false, reason: `${engine.bin} has no buildx plugin and cannot use BuildKit without it; set CREATE_LAMBDA_IMAGE_DOCKER to a client that can (for example Debian's /usr/bin/docker)`, engine };
    }
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

// ---------------------------------------------------------------------------------------------
// Generated images: the CLI's own output, built unmodified (test/e2e/generated.e2e.test.ts).

/**
 * The official images the generated Node.js Dockerfiles build FROM. Here they are local
 * stand-ins made by scripts/ci/docker-setup.sh (Docker Hub cannot be reached); the generated
 * Dockerfile finds them by these exact tags, so it is built exactly as the CLI wrote it.
 */
export const NODE_BASES = ['node:22-bookworm', 'node:22-bookworm-slim'] as const;

/** Which of `refs` the engine does not hold locally (synchronous, for collection-time skips). */
export function missingImages(engine: Engine, refs: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  return refs.filter((ref) => spawnSync(engine.bin, ['image', 'inspect', ref], { env, stdio: 'ignore', timeout: 10_000 }).status !== 0);
}

/** A DockerStatus for a suite that also needs `refs`: not usable (with the reason) when any is missing. */
export function withImages(status: DockerStatus, refs: readonly string[], why: string): DockerStatus {
  if (!status.usable || !status.engine) return status;
  const missing = missingImages(status.engine, refs);
  if (!missing.length) return status;
  return { usable: false, engine: status.engine, reason: `${missing.join(' and ')} not present locally (${why}); run scripts/ci/docker-setup.sh to make the stand-ins` };
}

export interface BuildOptions {
  /** Wall-clock budget: the build is killed (and the test fails) when it takes longer. */
  budgetMs: number;
  /** Build only up to this stage (`--target`), e.g. the single-stage equivalent. */
  target?: string;
}

let legacyNoted = false;

export interface Built {
  ms: number;
  /**
   * Images the build left behind untagged: the legacy builder (a docker client without buildx
   * and without DOCKER_BUILDKIT=1) keeps each earlier stage's result as a dangling image. Remove
   * them with removeUntagged. BuildKit leaves none.
   */
  leftovers: string[];
}

/**
 * What a user runs on their machine after adding a dependency (`go mod tidy`, `cargo fetch`):
 * it updates the lockfile the generated Dockerfile builds from with --locked/go.sum checks. Run
 * in the toolchain image the Dockerfile names, so the test needs nothing installed on the host.
 */
export async function updateLockfile(engine: Engine, image: string, dir: string, command: readonly string[], timeoutMs = 5 * 60_000): Promise<void> {
  const r = await exec(engine, ['run', '--rm', '-v', `${dir}:/src`, '-w', '/src', image, ...command], { timeoutMs });
  if (r.code !== 0) throw new Error(`${command.join(' ')} in ${image} failed (exit ${r.code}):\n${r.combined.slice(-3000)}`);
}

/**
 * Builds `dir` as it is (the Dockerfile is never touched) with the engine's BuildKit where it
 * has one, for the host's architecture. A failure or an exceeded budget throws with the tail of
 * the build output.
 */
export async function buildImage(engine: Engine, dir: string, tag: string, opts: BuildOptions): Promise<Built> {
  const builder = await detectBuilder(engine);
  if (builder.note && !legacyNoted) console.warn(`note: ${builder.note}`);
  legacyNoted ||= Boolean(builder.note);
  const args = buildArgs(builder, dir, tag, HOST_ARCH);
  if (opts.target) args.splice(1, 0, '--target', opts.target);
  const t0 = Date.now();
  const r = await exec(engine, args, { env: builder.env, timeoutMs: opts.budgetMs });
  const ms = Date.now() - t0;
  const leftovers = builder.env.DOCKER_BUILDKIT === '0' ? legacyStageImages(r.stdout) : [];
  if (r.code !== 0) {
    const what = r.code === 124 && ms >= opts.budgetMs ? `exceeded its ${Math.round(opts.budgetMs / 1000)} s budget` : `failed (exit ${r.code})`;
    const err = new Error(`${engine.bin} ${args.join(' ')} ${what} after ${Math.round(ms / 1000)} s:\n${r.combined.slice(-4000)}`);
    throw Object.assign(err, { leftovers });
  }
  return { ms, leftovers };
}

/**
 * The result of every stage but the last, from the legacy builder's output: the last
 * ` ---> <id>` before each later `Step n/m : FROM`.
 */
export function legacyStageImages(output: string): string[] {
  const ids: string[] = [];
  let last: string | undefined;
  for (const line of output.split('\n')) {
    const id = /^ ---> ([0-9a-f]{12,64})\s*$/.exec(line)?.[1];
    if (id) last = id;
    else if (/^Step \d+\/\d+ : FROM\s/i.test(line)) {
      if (last) ids.push(last);
      last = undefined;
    }
  }
  return ids;
}

/**
 * Removes images by id, only while they are untagged (a concurrent run may have tagged an
 * identical cached image), without force: an image another build still uses stays.
 */
export async function removeUntagged(engine: Engine, ids: readonly string[]): Promise<void> {
  for (const id of new Set(ids)) {
    const left = await exec(engine, ['image', 'inspect', '-f', '{{len .RepoTags}}', id], { timeoutMs: 30_000 });
    if (left.code === 0 && left.stdout.trim() === '0') await exec(engine, ['rmi', id], { timeoutMs: 60_000 });
  }
}

/** The image's size in bytes, as `docker image inspect -f '{{.Size}}'` reports it. */
export async function imageSize(engine: Engine, ref: string): Promise<number> {
  const r = await exec(engine, ['image', 'inspect', '-f', '{{.Size}}', ref], { timeoutMs: 30_000 });
  const n = Number(r.stdout.trim());
  if (r.code !== 0 || !Number.isSafeInteger(n) || n <= 0) throw new Error(`cannot read the size of ${ref}: ${r.stderr || r.stdout}`);
  return n;
}

/** The one results file `npm run bench` reads; every e2e file that measures images merges into it. */
export const E2E_RESULTS_FILE = fileURLToPath(new URL('../../.tmp/e2e-results.json', import.meta.url));

export interface ImageResult {
  name: string;
  /** Bytes of the image the generated (multi-stage) Dockerfile produces. */
  size: number;
  /** Bytes of its single-stage equivalent; null where no stage of the Dockerfile is one. */
  singleStageSize: number | null;
  /** Wall-clock milliseconds of its build (with the shared build cache as it was), when measured. */
  buildMs?: number;
}

/** A generated path that was not built, and why (CI prints these at the end of its run). */
export interface SkippedPath {
  path: string;
  reason: string;
}

interface ResultsFile {
  images: ImageResult[];
  skipped: SkippedPath[];
}

function readResults(file: string): ResultsFile {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { images?: unknown; skipped?: unknown };
    return {
      images: Array.isArray(parsed.images) ? (parsed.images as ImageResult[]).filter((i) => typeof i?.name === 'string') : [],
      skipped: Array.isArray(parsed.skipped) ? (parsed.skipped as SkippedPath[]).filter((i) => typeof i?.path === 'string') : [],
    };
  } catch {
    return { images: [], skipped: [] }; // absent or unreadable: start afresh
  }
}

function writeResults(file: string, results: ResultsFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(tmp, file);
}

/**
 * Merges `set` into the results file (entries with the same name are replaced) and removes the
 * entries named in `drop`; other entries, from other test files, are kept. Written to a temporary
 * file and renamed, so a reader never sees half a file.
 */
export function mergeImageResults(set: readonly ImageResult[], drop: readonly string[] = [], file = E2E_RESULTS_FILE): void {
  const replaced = new Set([...drop, ...set.map((i) => i.name)]);
  const results = readResults(file);
  writeResults(file, { ...results, images: [...results.images.filter((i) => !replaced.has(i.name)), ...set] });
}

/** Records skipped paths in the results file (an entry with the same path is replaced) and drops those named in `drop`. */
export function mergeSkipped(set: readonly SkippedPath[], drop: readonly string[] = [], file = E2E_RESULTS_FILE): void {
  const replaced = new Set([...drop, ...set.map((s) => s.path)]);
  const results = readResults(file);
  writeResults(file, { ...results, skipped: [...results.skipped.filter((s) => !replaced.has(s.path)), ...set] });
}

/**
 * Writes `<work>/<variant>/fn` with the real CLI, in-process and non-interactive, for the host's
 * architecture. Every variant is named `fn`, so manifests named after the folder (package.json,
 * go.mod) and with them the dependency layers are identical across variants.
 */
export async function writeFunction(work: string, variant: string, flags: readonly string[]): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const parent = join(work, variant);
  mkdirSync(parent);
  const r = await run(['fn', ...flags, '--arch', HOST_ARCH, '--no-interactive'], { cwd: parent });
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, dir: join(parent, 'fn') };
}

/** The FROM lines of a generated folder's Dockerfile, as written. */
export const fromLines = (dir: string): string[] => readFileSync(join(dir, 'Dockerfile'), 'utf8').split('\n').filter((l) => /^FROM\s/i.test(l));

/** What `verify --json` prints, as far as the e2e tests read it. */
export interface VerifyJson {
  result: string;
  exitCode: number;
  response?: string;
  error?: { errorType: string; errorMessage: string };
  logs?: string[];
  initMs?: number;
  invokeMs?: number;
}

/** One e2e file's scratch folder and images; see imageSession. */
export interface ImageSession {
  /** The scratch folder (made before the file's tests run). */
  readonly work: string;
  /** The path of one of the events written into the scratch folder. */
  event(name: string): string;
  log(message: string): void;
  /** A tag unique to this run (concurrent runs on one engine must not remove each other's), removed after the file. */
  tag(name: string): string;
  /** Builds a folder as it is under `tag`; what the build makes is removed after the file, even when it fails. */
  build(dir: string, tag: string, opts: BuildOptions): Promise<number>;
  /** build() under tag(name), then the image's time and size into the results CI prints, under `result`. */
  buildRecorded(dir: string, name: string, result: string, budgetMs: number): Promise<string>;
}

/**
 * The scaffolding every image-building e2e file shares: a scratch folder with the events it
 * invokes with (a string is written as it is, anything else as JSON), tags unique to this run,
 * and, after the file, removal of every image it tagged or its builds left untagged.
 */
export function imageSession(suite: string, docker: DockerStatus, events: Record<string, unknown>): ImageSession {
  const repo = `cli-e2e-${suite}-${process.pid}-${Date.now().toString(36)}`;
  const tags: string[] = [];
  const leftovers: string[] = [];
  let work = '';
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), `cli-e2e-${suite}-`));
    for (const [name, body] of Object.entries(events)) writeFileSync(join(work, `${name}.json`), typeof body === 'string' ? body : JSON.stringify(body));
  });
  afterAll(async () => {
    if (docker.engine && tags.length) await removeImages(docker.engine, tags);
    if (docker.engine && leftovers.length) await removeUntagged(docker.engine, leftovers);
    if (work) rmSync(work, { recursive: true, force: true });
  }, 2 * 60_000);
  const session: ImageSession = {
    get work() {
      return work;
    },
    event(name) {
      if (!(name in events)) throw new Error(`no event ${name} in this session`);
      return join(work, `${name}.json`);
    },
    log: (message) => console.log(`[${suite} e2e] ${message}`),
    tag(name) {
      const t = `${repo}:${name}`;
      tags.push(t);
      return t;
    },
    async build(dir, tag, opts) {
      try {
        const built = await buildImage(docker.engine!, dir, tag, opts);
        leftovers.push(...built.leftovers);
        return built.ms;
      } catch (err) {
        leftovers.push(...((err as { leftovers?: string[] }).leftovers ?? []));
        throw err;
      }
    },
    async buildRecorded(dir, name, result, budgetMs) {
      const tag = session.tag(name);
      const ms = await session.build(dir, tag, { budgetMs });
      const size = await imageSize(docker.engine!, tag);
      mergeImageResults([{ name: result, size, singleStageSize: null, buildMs: ms }]);
      session.log(`built ${name} in ${(ms / 1000).toFixed(1)} s, ${(size / 1e6).toFixed(1)} MB (budget ${budgetMs / 1000} s)`);
      return tag;
    },
  };
  return session;
}
