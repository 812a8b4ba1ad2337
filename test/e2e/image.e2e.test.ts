/**
 * Every language on `--base image`, built and run: folders generated in-process by the real CLI,
 * their Dockerfiles built UNMODIFIED, then run by `verify` under Lambda's constraints (read-only
 * root, tmpfs /tmp, uid 993, no capabilities). For each path:
 *   - the generated sample answers (built, then `verify IMAGE --build DIR` as a user would run it);
 *   - the sample with one third-party dependency added the way a user adds it builds, and its
 *     handler (test/fixtures/e2e/image) imports it and answers;
 *   - the same handler, asked to throw, gives the language's own error type;
 *   - the same handler, asked to write outside /tmp, fails with the read-only file system error.
 *
 * Bases: the images the generated FROM lines name are local stand-ins (scripts/ci/docker-setup.sh
 * and scripts/ci/standins/; how each differs from the real image is written down there), because
 * no image registry is reachable in CI. Their exact tags satisfy the FROM lines.
 *
 * Build time and size of every image go to .tmp/e2e-results.json, with the paths that were not
 * built and why; .ci/run prints both at the end. Every image is removed by name afterwards.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/run';
import {
  announceSkip,
  dockerStatus,
  HOST_ARCH,
  imageSession,
  mergeImageResults,
  mergeSkipped,
  updateLockfile,
  withImages,
  writeFunction,
  fromLines,
  type DockerStatus,
  type VerifyJson,
} from './helpers';

const MIN = 60_000;
const FIXTURES = fileURLToPath(new URL('../fixtures/e2e/image/', import.meta.url));
const EVENT = { hello: 'world' };
const EVENT_TEXT = JSON.stringify(EVENT); // 17 bytes, exactly as sent

interface Answer {
  statusCode: number;
  body: string;
}

interface ImagePath {
  /** Short name: image tags, results and skip entries. */
  id: string;
  flags: string[];
  /** The FROM lines the generator writes today (asserted, so a change is noticed here). */
  from: string[];
  /** The generated file the fixture replaces, and the fixture. */
  code: string;
  fixture: string;
  /** Adds the dependency as a user would (manifest edit, lock file). */
  addDependency: (dir: string) => void;
  /** Then updates the lockfile as the user would on their machine (image, command). */
  lockfile?: [string, string[]];
  /** Generator flags that add the dependency instead (an OS package for a shell function). */
  dependencyFlags?: string[];
  /** The generated sample's answer to EVENT. */
  sampleAnswer: (answer: Answer) => void;
  /** The fixture's answer, which needs the dependency. */
  dependencyAnswer: Answer;
  /** What `{"action":"throw"}` reports. */
  thrown: { errorType: string; errorMessage: string };
  /** What `{"action":"write"}` reports: the language's error for EROFS. */
  readOnly: { errorType: string | RegExp; errorMessage: string | RegExp; logs?: RegExp };
  /** Budgets for a build from an empty cache (first) and for the dependency variant. */
  firstBudgetMs: number;
  dependencyBudgetMs: number;
}

const lines = (text: string): string[] => text.split('\n');

/** lambda_runtime::Error as std::any::type_name spells it. */
const RUST_BOXED_ERROR = 'alloc::boxed::Box<dyn core::error::Error + core::marker::Send + core::marker::Sync>';

/** Node.js on its official Debian 12 images: one template for every major. */
const nodePath = (major: number): ImagePath => ({
  id: `nodejs${major}`,
  flags: ['--base', 'image', '--runtime', `nodejs${major}`],
  from: [`FROM node:${major}-bookworm AS build`, `FROM node:${major}-bookworm-slim`],
  code: 'index.mjs',
  fixture: 'index.mjs',
  addDependency: (dir) => {
    // What `npm install lodash` records; the generated Dockerfile runs `npm ci` from the lock file.
    execFileSync('npm', ['install', '--package-lock-only', '--save-exact', '--no-audit', '--no-fund', 'lodash@4.18.1'], { cwd: dir, stdio: 'pipe' });
  },
  sampleAnswer: (a) => expect(a).toEqual({ statusCode: 200, body: JSON.stringify({ message: 'Hello from Lambda', received: EVENT }) }),
  dependencyAnswer: { statusCode: 200, body: 'hello-from-lodash' },
  // aws-lambda-ric reports error.name as errorType.
  thrown: { errorType: 'TypeError', errorMessage: 'thrown on purpose' },
  readOnly: { errorType: 'Error', errorMessage: "EROFS: read-only file system, open '/var/task/written.txt'" },
  firstBudgetMs: 12 * MIN,
  dependencyBudgetMs: 6 * MIN,
});

const PATHS: ImagePath[] = [
  nodePath(22),
  nodePath(24),
  {
    id: 'python3.13',
    flags: ['--base', 'image', '--runtime', 'python3.13'],
    from: ['FROM python:3.13-bookworm AS build', 'FROM python:3.13-slim-bookworm'],
    code: 'lambda_function.py',
    fixture: 'lambda_function.py',
    addDependency: (dir) => appendFileSync(join(dir, 'requirements.txt'), 'requests==2.34.2\n'),
    sampleAnswer: (a) => {
      expect(a.statusCode).toBe(200);
      expect(JSON.parse(a.body)).toEqual({ message: 'Hello from Lambda', received: EVENT });
    },
    dependencyAnswer: { statusCode: 200, body: 'requests 2.34.2' },
    // awslambdaric reports the exception's class name as errorType.
    thrown: { errorType: 'ValueError', errorMessage: 'thrown on purpose' },
    readOnly: { errorType: 'OSError', errorMessage: "[Errno 30] Read-only file system: '/var/task/written.txt'" },
    firstBudgetMs: 8 * MIN,
    dependencyBudgetMs: 4 * MIN,
  },
  {
    id: 'go',
    flags: ['--base', 'image', '--runtime', 'go', '--image', 'debian:bookworm-slim'],
    from: ['FROM --platform=$BUILDPLATFORM golang:1.26-bookworm AS build', 'FROM debian:bookworm-slim'],
    code: 'main.go',
    fixture: 'main.go',
    // What `go get github.com/google/uuid@v1.6.0` records; the build checks go.sum, so the
    // user's `go mod tidy` records the module's hashes there.
    addDependency: (dir) => appendFileSync(join(dir, 'go.mod'), '\nrequire github.com/google/uuid v1.6.0\n'),
    lockfile: ['golang:1.26-bookworm', ['go', 'mod', 'tidy']],
    sampleAnswer: (a) => expect(a).toEqual({ statusCode: 200, body: `Hello from Lambda, received ${EVENT_TEXT.length} bytes` }),
    // The name-based UUID of example.com in the DNS namespace (RFC 9562, version 5).
    dependencyAnswer: { statusCode: 200, body: 'cfbff0d1-9375-5685-968c-48ce8b15ae17' },
    // aws-lambda-go reports the error's Go type name: errors.New makes an *errors.errorString.
    thrown: { errorType: 'errorString', errorMessage: 'thrown on purpose' },
    readOnly: { errorType: 'PathError', errorMessage: 'open /var/task/written.txt: read-only file system' },
    firstBudgetMs: 8 * MIN,
    dependencyBudgetMs: 6 * MIN,
  },
  {
    id: 'rust',
    flags: ['--base', 'image', '--runtime', 'rust', '--image', 'debian:bookworm-slim'],
    from: ['FROM --platform=$BUILDPLATFORM rust:1-alpine3.23 AS build', 'FROM debian:bookworm-slim'],
    code: 'src/main.rs',
    fixture: 'main.rs',
    addDependency: (dir) => {
      // What `cargo add itoa@1` records.
      const file = join(dir, 'Cargo.toml');
      const text = lines(readFileSync(file, 'utf8'));
      const at = text.indexOf('[dependencies]');
      expect(at, 'Cargo.toml has a [dependencies] table').toBeGreaterThanOrEqual(0);
      text.splice(at + 1, 0, 'itoa = "1"');
      writeFileSync(file, text.join('\n'));
    },
    // The build is --locked: the user's cargo (here `cargo fetch`) adds the crate to Cargo.lock.
    lockfile: ['rust:1-alpine3.23', ['cargo', 'fetch']],
    sampleAnswer: (a) => expect(a).toEqual({ statusCode: 200, body: `Hello from Lambda, received ${EVENT_TEXT}` }),
    dependencyAnswer: { statusCode: 200, body: '12345' },
    // lambda_runtime 1.x reports std::any::type_name of a reference to the handler's error type,
    // here its own Error (a boxed std error), whatever the boxed error was.
    thrown: { errorType: `&${RUST_BOXED_ERROR}`, errorMessage: 'thrown on purpose' },
    readOnly: { errorType: `&${RUST_BOXED_ERROR}`, errorMessage: 'Read-only file system (os error 30)' },
    firstBudgetMs: 15 * MIN,
    dependencyBudgetMs: 12 * MIN,
  },
  {
    id: 'custom',
    // The dependency of a shell function is an OS package, added with the generator's own flag.
    flags: ['--base', 'image', '--runtime', 'custom', '--image', 'debian:bookworm-slim'],
    from: ['FROM debian:bookworm-slim AS build', 'FROM debian:bookworm-slim'],
    code: 'function.sh',
    fixture: 'function.sh',
    addDependency: () => {},
    dependencyFlags: ['--os-package', 'jq'],
    sampleAnswer: (a) => expect(a).toEqual({ statusCode: 200, body: `Hello from Lambda, received ${EVENT_TEXT.length} bytes` }),
    dependencyAnswer: { statusCode: 200, body: 'jq world' },
    // The generated bootstrap reports any non-zero status as HandlerError; the handler's own
    // message goes to the log.
    thrown: { errorType: 'HandlerError', errorMessage: 'handler failed' },
    readOnly: { errorType: 'HandlerError', errorMessage: 'handler failed', logs: /\/var\/task\/written\.txt: Read-only file system/ },
    firstBudgetMs: 4 * MIN,
    dependencyBudgetMs: 4 * MIN,
  },
];

/** The base images a path's Dockerfile builds FROM. */
const bases = (p: ImagePath): string[] => p.from.map((l) => l.split(/\s+/).find((w, i) => i > 0 && !w.startsWith('--'))!);

/** Paths of `--base image` this machine cannot build, and why; printed at the end of CI. */
const NOT_BUILDABLE = [
  { path: 'image dotnet (every version)', reason: 'NuGet cannot be reached (the Lambda runtime client and packages come from it)' },
  { path: 'image ruby (every version)', reason: 'RubyGems cannot be reached (aws_lambda_ric comes from it)' },
  { path: 'image on Alpine, Ubuntu, AL2023 or AL2 (--image with those families)', reason: "their package mirrors cannot be reached, so neither the bases nor their packages can be had" },
  { path: 'any path with --arch arm64', reason: 'no arm64 machine or emulation here: images are built and run for the host architecture only' },
];

const docker = dockerStatus();
announceSkip('image e2e', docker);

const session = imageSession('image', docker, {
  sample: EVENT,
  answer: { action: 'answer', hello: 'world' },
  throw: { action: 'throw' },
  write: { action: 'write' },
});

/** Writes a function folder with the real CLI, in-process and non-interactive, as `<variant>/fn`. */
const generate = (variant: string, flags: string[]) => writeFunction(session.work, variant, flags);

async function generated(variant: string, flags: string[]): Promise<string> {
  const g = await generate(variant, flags);
  expect(g.code, `create-lambda-image ${flags.join(' ')}\n${g.stderr}`).toBe(0);
  return g.dir;
}

interface Verified {
  code: number;
  json: VerifyJson;
}

/** `create-lambda-image verify ... --json`, through the CLI's own dispatch, in-process. */
async function verify(args: string[]): Promise<Verified> {
  const r = await run(['verify', ...args, '--arch', HOST_ARCH, '--json'], { cwd: session.work, env: process.env });
  try {
    return { code: r.code, json: JSON.parse(r.stdout) };
  } catch {
    throw new Error(`verify ${args.join(' ')} printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
  }
}

/** Builds a folder as it is (the Dockerfile is never touched); records time and size. */
const build = (dir: string, name: string, budgetMs: number): Promise<string> => session.buildRecorded(dir, name, `image-${name}`, budgetMs);

const answerOf = (v: Verified): Answer => {
  expect(v.json, JSON.stringify(v.json.logs)).toMatchObject({ result: 'response', exitCode: 0 });
  expect(v.code).toBe(0);
  return JSON.parse(v.json.response!) as Answer;
};

const statuses = new Map<ImagePath, DockerStatus>(PATHS.map((p) => [p, withImages(docker, bases(p), `the generated ${p.id} Dockerfile builds FROM them`)]));
// Recorded while collecting, so a run without an engine lists its skips too; entries of paths that
// run now are dropped. Organisation images: org-image.e2e.test.ts.
mergeSkipped(
  [...NOT_BUILDABLE, ...PATHS.filter((p) => !statuses.get(p)!.usable).map((p) => ({ path: `image ${p.id}`, reason: statuses.get(p)!.reason }))],
  PATHS.filter((p) => statuses.get(p)!.usable).map((p) => `image ${p.id}`),
);

for (const p of PATHS) {
  const status = statuses.get(p)!;
  if (docker.usable) announceSkip(`image e2e, ${p.id}`, status);

  describe.skipIf(!status.usable)(`--base image ${p.id}, built and verified (${status.reason})`, () => {
    let withDependency = '';

    beforeAll(() => mergeImageResults([], [`image-${p.id}`, `image-${p.id}-dependency`])); // no stale figure survives a failed run

    it(
      'the sample builds unmodified and answers; `verify IMAGE --build DIR` succeeds on the folder',
      async () => {
        const dir = await generated(`${p.id}-sample`, p.flags);
        expect(fromLines(dir)).toEqual(p.from);
        const image = await build(dir, p.id, p.firstBudgetMs);
        p.sampleAnswer(answerOf(await verify([image, '--event', session.event('sample')])));
        // The command the README gives users; the build is cached by now.
        const again = await verify([image, '--build', dir, '--event', session.event('sample')]);
        p.sampleAnswer(answerOf(again));
      },
      // Two verify runs and a cached rebuild on top of the first build.
      p.firstBudgetMs + 6 * MIN,
    );

    it(
      'with one third-party dependency added, it builds, imports it and answers',
      async () => {
        const dir = await generated(`${p.id}-dependency`, [...p.flags, ...(p.dependencyFlags ?? [])]);
        p.addDependency(dir);
        copyFileSync(join(FIXTURES, p.fixture), join(dir, p.code));
        if (p.lockfile) await updateLockfile(docker.engine!, p.lockfile[0], dir, p.lockfile[1]);
        withDependency = await build(dir, `${p.id}-dependency`, p.dependencyBudgetMs);
        expect(answerOf(await verify([withDependency, '--event', session.event('answer')]))).toEqual(p.dependencyAnswer);
      },
      p.dependencyBudgetMs + 2 * MIN,
    );

    it(`a handler that throws: function error ${p.thrown.errorType}`, async () => {
      expect(withDependency, 'the dependency variant was built').not.toBe('');
      const v = await verify([withDependency, '--event', session.event('throw')]);
      expect(v.code).toBe(1);
      expect(v.json.result, JSON.stringify(v.json.logs)).toBe('function-error');
      // Some clients add more (awslambdaric a stackTrace); the type and message are the contract.
      expect(v.json.error).toMatchObject(p.thrown);
    }, 2 * MIN);

    it('a handler writing outside /tmp: function error with the read-only file system error', async () => {
      expect(withDependency, 'the dependency variant was built').not.toBe('');
      const v = await verify([withDependency, '--event', session.event('write')]);
      expect(v.code).toBe(1);
      expect(v.json.result, JSON.stringify(v.json.logs)).toBe('function-error');
      expect(v.json.error?.errorType).toMatch(p.readOnly.errorType);
      expect(v.json.error?.errorMessage).toMatch(p.readOnly.errorMessage);
      if (p.readOnly.logs) expect(v.json.logs?.join('\n')).toMatch(p.readOnly.logs);
    }, 2 * MIN);
  });
}
