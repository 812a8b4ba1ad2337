/**
 * The CLI's own output, built and run: folders generated in-process by the real CLI (`main`),
 * their Dockerfiles built UNMODIFIED with the container engine, then run by `verify` the way
 * Lambda would. Only the function's code (the file a user edits) is swapped for the negative
 * cases, from test/fixtures/e2e.
 *
 * Bases: `node:22-bookworm(-slim)` are local stand-ins and `debian:bookworm-slim` is made locally
 * (scripts/ci/docker-setup.sh), because no image registry is reachable in CI. Their exact tags
 * satisfy the generated `FROM` lines, so no Dockerfile is edited and no base is redirected.
 *
 * Cost: one cold Node.js build (apt toolchain, then aws-lambda-ric compiled: about 2 minutes);
 * every Node.js variant reuses those layers (the client is installed before the function's code
 * is copied) and rebuilds in seconds. Builds run one at a time (2 cores are compile-bound), each
 * with a wall-clock budget.
 *
 * Sizes of the images and of their single-stage equivalents go to .tmp/e2e-results.json (read
 * by `npm run bench`). Every image is removed by name afterwards; the build cache stays.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/run';
import {
  announceSkip,
  dockerStatus,
  fromLines,
  HOST_ARCH,
  imageSession,
  imageSize,
  legacyStageImages,
  mergeImageResults,
  missingImages,
  NODE_BASES,
  withImages,
  writeFunction,
  type DockerStatus,
  type VerifyJson,
} from './helpers';

const MIN = 60_000;
/** The first Node.js build: apt toolchain plus the client's native compile, from an empty cache. */
const FIRST_NODE_BUILD_BUDGET = 8 * MIN;
/** Anything that reuses cached layers (variants, `--target build`). */
const CACHED_BUILD_BUDGET = 2 * MIN;
/** The custom runtime's first build: one apt-get install (curl) from Debian's mirror. */
const CUSTOM_BUILD_BUDGET = 3 * MIN;

const FIXTURES = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const EVENT = { hello: 'world' };
const EVENT_TEXT = JSON.stringify(EVENT); // 17 bytes, exactly as sent

const docker = dockerStatus();
announceSkip('generated-image e2e', docker);
const nodeDocker = withImages(docker, NODE_BASES, 'the generated Node.js Dockerfile builds FROM them');
if (docker.usable) announceSkip('generated-image e2e, Node.js on Debian', nodeDocker);

// The event exactly as sent: the sample answers with its size.
const session = imageSession('generated', docker, { event: EVENT_TEXT });

/**
 * Writes a function folder with the real CLI, in-process and non-interactive. Every variant is
 * written as `<variant>/fn`, so the generated package.json (named after the folder) and with it
 * the `npm ci` layer are identical across variants.
 */
async function generate(variant: string, flags: string[]): Promise<string> {
  const r = await writeFunction(session.work, variant, flags);
  expect(r.code, `create-lambda-image ${flags.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.dir;
}

/** The function's own code replaced by a fixture: what a user edits, never the Dockerfile. */
function replaceCode(dir: string, file: string, fixture: string): void {
  copyFileSync(join(FIXTURES, fixture), join(dir, file));
}

interface Verified {
  code: number;
  json: VerifyJson;
  ms: number;
}

/** `create-lambda-image verify IMAGE --json`, through the CLI's own dispatch, in-process. */
async function verify(image: string, ...flags: string[]): Promise<Verified> {
  const t0 = Date.now();
  const r = await run(['verify', image, '--arch', HOST_ARCH, '--json', ...flags], { cwd: session.work, env: process.env });
  const ms = Date.now() - t0;
  let json: Verified['json'];
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`verify ${image} printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, json, ms };
}

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

/** Builds a generated folder as it is, logs the time, returns the tag. */
async function build(dir: string, name: string, budgetMs: number): Promise<string> {
  const t = session.tag(name);
  const ms = await session.build(dir, t, { budgetMs });
  session.log(`built ${name} in ${(ms / 1000).toFixed(1)} s (budget ${budgetMs / 1000} s)`);
  return t;
}

/** Size of the image, and of the build stage built alone from the cache (the single-stage equivalent). */
async function sizes(dir: string, name: string, image: string): Promise<{ size: number; singleStageSize: number }> {
  const single = session.tag(`${name}-single-stage`);
  const ms = await session.build(dir, single, { budgetMs: CACHED_BUILD_BUDGET, target: 'build' });
  const size = await imageSize(docker.engine!, image);
  const singleStageSize = await imageSize(docker.engine!, single);
  session.log(`${name}: ${mb(size)} multi-stage, ${mb(singleStageSize)} single-stage (--target build, ${(ms / 1000).toFixed(1)} s)`);
  return { size, singleStageSize };
}

describe.skipIf(!nodeDocker.usable)(`Node.js 22 on Debian, built and verified: --base image --runtime nodejs22 (${nodeDocker.reason})`, () => {
  const NODE = ['--base', 'image', '--runtime', 'nodejs22'];

  beforeAll(() => mergeImageResults([], ['node-debian'])); // no stale figure survives a failed run

  it(
    'the sample builds unmodified, answers with its response (exit 0); sizes recorded',
    async () => {
      const dir = await generate('node-debian', NODE);
      expect(fromLines(dir)).toEqual(['FROM node:22-bookworm AS build', 'FROM node:22-bookworm-slim']);
      const image = await build(dir, 'node-debian', FIRST_NODE_BUILD_BUDGET);

      const { size, singleStageSize } = await sizes(dir, 'node-debian', image);
      // The sizes go to the benchmark's results file; the comparison is the benchmark's to make.
      mergeImageResults([{ name: 'node-debian', size, singleStageSize }]);
      expect(size).toBeGreaterThan(0);

      const v = await verify(image, '--event', session.event('event'));
      session.log(`node-debian verify: ${v.json.result} in ${v.ms} ms (init ${v.json.initMs} ms, invoke ${v.json.invokeMs} ms)`);
      expect(v.json, JSON.stringify(v.json.logs)).toMatchObject({ result: 'response', exitCode: 0 });
      expect(v.code).toBe(0);
      // The generated sample's answer, byte for byte through JSON.
      expect(JSON.parse(v.json.response!)).toEqual({
        statusCode: 200,
        body: JSON.stringify({ message: 'Hello from Lambda', received: EVENT }),
      });
    },
    FIRST_NODE_BUILD_BUDGET + 3 * MIN,
  );

  it(
    'a handler that throws: exit 1, function error with the thrown errorType (Error)',
    async () => {
      const dir = await generate('node-throws', NODE);
      replaceCode(dir, 'index.mjs', 'node/throws.mjs');
      const v = await verify(await build(dir, 'node-throws', CACHED_BUILD_BUDGET));
      expect(v.code).toBe(1);
      expect(v.json.result).toBe('function-error');
      // aws-lambda-ric reports error.name as errorType.
      expect(v.json.error).toMatchObject({ errorType: 'Error', errorMessage: 'boom from the e2e fixture (event had 0 keys)' });
    },
    CACHED_BUILD_BUDGET + MIN,
  );

  it(
    'a handler the code does not export (--handler index.nothere): exit 1, init error Runtime.HandlerNotFound',
    async () => {
      const dir = await generate('node-missing-handler', [...NODE, '--handler', 'index.nothere']);
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('CMD ["index.nothere"]');
      // The generator's sample would export `nothere`; the user's code exports only `handler`.
      replaceCode(dir, 'index.mjs', 'node/handler-only.mjs');
      const v = await verify(await build(dir, 'node-missing-handler', CACHED_BUILD_BUDGET));
      expect(v.code).toBe(1);
      expect(v.json.result).toBe('init-error');
      // aws-lambda-ric 4.0.2 resolves the export after importing the module and posts
      // /init/error with HandlerNotFoundError's name.
      expect(v.json.error).toEqual({ errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.nothere is undefined or not exported' });
    },
    CACHED_BUILD_BUDGET + MIN,
  );

  it(
    'code that writes outside /tmp while loading: exit 1, init error Error (EROFS, read-only root)',
    async () => {
      const dir = await generate('node-writes-task-root', NODE);
      replaceCode(dir, 'index.mjs', 'node/writes-task-root.mjs');
      const v = await verify(await build(dir, 'node-writes-task-root', CACHED_BUILD_BUDGET));
      expect(v.code).toBe(1);
      expect(v.json.result).toBe('init-error');
      // aws-lambda-ric 4.0.2 wraps only SyntaxError (Runtime.UserCodeSyntaxError) and
      // MODULE_NOT_FOUND (Runtime.ImportModuleError); any other import-time error is posted to
      // /init/error as it is, so errorType is the error's name: Error.
      expect(v.json.error).toEqual({ errorType: 'Error', errorMessage: "EROFS: read-only file system, open '/var/task/started-at.txt'" });
    },
    CACHED_BUILD_BUDGET + MIN,
  );

  it(
    'a handler slower than --timeout 2: exit 1, Sandbox.Timedout, killed rather than waited for',
    async () => {
      const dir = await generate('node-slow', NODE);
      replaceCode(dir, 'index.mjs', 'node/slow.mjs');
      const v = await verify(await build(dir, 'node-slow', CACHED_BUILD_BUDGET), '--timeout', '2');
      expect(v.code).toBe(1);
      expect(v.json.result).toBe('timeout');
      expect(v.json.error).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 2.00 seconds' });
      expect(v.json.invokeMs).toBeGreaterThanOrEqual(1990);
      expect(v.ms).toBeLessThan(30_000); // the fixture would sleep 60 s
    },
    CACHED_BUILD_BUDGET + MIN,
  );
});

describe.skipIf(!docker.usable)(`custom shell runtime on Debian, built and verified: --base image --runtime custom --image debian:bookworm-slim (${docker.reason})`, () => {
  // Without --image the custom runtime is generated on alpine, which cannot be pulled here.
  const CUSTOM = ['--base', 'image', '--runtime', 'custom', '--image', 'debian:bookworm-slim'];

  beforeAll(() => mergeImageResults([], ['custom-debian']));

  it(
    'the sample builds unmodified, answers with its response (exit 0); size recorded',
    async () => {
      const dir = await generate('custom-debian', CUSTOM);
      expect(fromLines(dir)).toEqual(['FROM debian:bookworm-slim AS build', 'FROM debian:bookworm-slim']);
      const image = await build(dir, 'custom-debian', CUSTOM_BUILD_BUDGET);
      const size = await imageSize(docker.engine!, image);
      // Its build stage only sets file modes (no curl): it is not a single-stage equivalent,
      // so there is nothing honest to compare with.
      mergeImageResults([{ name: 'custom-debian', size, singleStageSize: null }]);
      session.log(`custom-debian: ${mb(size)}`);

      const v = await verify(image, '--event', session.event('event'));
      session.log(`custom-debian verify: ${v.json.result} in ${v.ms} ms (init ${v.json.initMs} ms, invoke ${v.json.invokeMs} ms)`);
      expect(v.json, JSON.stringify(v.json.logs)).toMatchObject({ result: 'response', exitCode: 0 });
      expect(v.code).toBe(0);
      expect(JSON.parse(v.json.response!)).toEqual({ statusCode: 200, body: `Hello from Lambda, received ${EVENT_TEXT.length} bytes` });
    },
    CUSTOM_BUILD_BUDGET + 2 * MIN,
  );

  it(
    'a handler that fails: exit 1, function error with the bootstrap errorType (HandlerError)',
    async () => {
      const dir = await generate('custom-fails', CUSTOM);
      replaceCode(dir, 'function.sh', 'custom/fails.sh');
      const v = await verify(await build(dir, 'custom-fails', CACHED_BUILD_BUDGET));
      expect(v.code).toBe(1);
      expect(v.json.result).toBe('function-error');
      expect(v.json.error).toEqual({ errorType: 'HandlerError', errorMessage: 'handler failed' });
      expect(v.json.logs?.join('\n')).toContain('no good: 2 bytes');
    },
    CACHED_BUILD_BUDGET + MIN,
  );
});

// ---------------------------------------------------------------------------------------------
// Python on a non-AWS base needs awslambdaric from PyPI at build time, and PyPI cannot be
// reached here (nor Docker Hub's python images). The generated Dockerfile is checked statically
// always; it is built and verified only where both are available, and skipped loudly otherwise.

const PYTHON = ['--base', 'image', '--runtime', 'python3.13'];
const PYTHON_BASES = ['python:3.13-bookworm', 'python:3.13-slim-bookworm'] as const;

async function pypiReachable(): Promise<string | undefined> {
  try {
    const r = await fetch('https://pypi.org/simple/awslambdaric/', { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return r.ok ? undefined : `PyPI answered HTTP ${r.status}`;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return `PyPI cannot be reached (${cause?.code ?? cause?.message ?? (err as Error).message})`;
  }
}

async function pythonStatus(): Promise<DockerStatus> {
  if (!docker.usable || !docker.engine) return docker;
  const why: string[] = [];
  const missing = missingImages(docker.engine, PYTHON_BASES);
  if (missing.length) why.push(`${missing.join(' and ')} not present locally (Docker Hub cannot be reached to pull them)`);
  const pypi = await pypiReachable();
  if (pypi) why.push(`${pypi}, so \`pip install awslambdaric\` in the build stage cannot work`);
  return why.length ? { usable: false, engine: docker.engine, reason: why.join('; ') } : docker;
}

const python = await pythonStatus();
if (docker.usable && !python.usable) {
  // Not a Docker failure, so CREATE_LAMBDA_IMAGE_E2E_REQUIRE_DOCKER does not turn it into one.
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! SKIPPED generated-image e2e, Python on Debian (build and verify): ${python.reason}\n${line}\n`);
}

describe('Python 3.13 on Debian: --base image --runtime python3.13', () => {
  it('generates a Dockerfile that installs awslambdaric from PyPI on the official python images (static)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cli-e2e-generated-py-'));
    try {
      const r = await run(['fn', ...PYTHON, '--arch', HOST_ARCH, '--no-interactive'], { cwd: parent });
      expect(r.code, r.stderr).toBe(0);
      const dockerfile = readFileSync(join(parent, 'fn', 'Dockerfile'), 'utf8');
      expect(fromLines(join(parent, 'fn'))).toEqual([`FROM ${PYTHON_BASES[0]} AS build`, `FROM ${PYTHON_BASES[1]}`]);
      // This line is why the image cannot be built without PyPI.
      expect(dockerfile).toMatch(/^RUN (--mount=\S+ )*python3\.13 -m pip install .*\bawslambdaric==\d+\.\d+\.\d+ -r requirements\.txt \\$/m);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it.skipIf(!python.usable)(
    `the sample builds unmodified and answers (exit 0)${python.usable ? '' : ` — SKIPPED: ${python.reason}`}`,
    async () => {
      mergeImageResults([], ['python-debian']);
      const dir = await generate('python-debian', PYTHON);
      const image = await build(dir, 'python-debian', FIRST_NODE_BUILD_BUDGET);
      const { size, singleStageSize } = await sizes(dir, 'python-debian', image);
      mergeImageResults([{ name: 'python-debian', size, singleStageSize }]);
      const v = await verify(image, '--event', session.event('event'));
      expect(v.json, JSON.stringify(v.json.logs)).toMatchObject({ result: 'response', exitCode: 0 });
      const answer = JSON.parse(v.json.response!) as { statusCode: number; body: string };
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ message: 'Hello from Lambda', received: EVENT });
    },
    FIRST_NODE_BUILD_BUDGET + 3 * MIN,
  );
});

describe('helpers for generated images (no engine needed)', () => {
  it('finds the stage images the legacy builder leaves untagged: each earlier stage\'s last result', () => {
    const output = [
      'Step 1/6 : FROM node:22-bookworm AS build',
      ' ---> 2d368d4b0246',
      'Step 2/6 : RUN make',
      ' ---> Using cache',
      ' ---> 0123456789ab',
      'Step 3/6 : FROM debian:bookworm-slim AS empty',
      ' ---> 6002fd37a2fa',
      'Step 4/6 : FROM node:22-bookworm-slim',
      ' ---> 2d368d4b0246',
      'Step 5/6 : COPY --from=build /a /a',
      ' ---> fedcba987654',
      'Successfully built fedcba987654',
    ].join('\n');
    // The base of a stage without steps is listed too; removeUntagged keeps it because it is tagged.
    expect(legacyStageImages(output)).toEqual(['0123456789ab', '6002fd37a2fa']);
    expect(legacyStageImages('#5 [build 2/3] RUN make\n#5 DONE 0.1s\n')).toEqual([]);
  });
});
