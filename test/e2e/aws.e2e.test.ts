/**
 * The CLI's output on AWS bases, built and run: `--base aws` (Node.js 24, TypeScript, Python
 * 3.13, Java 21 with Maven and Gradle), `--base os-only --os al2023` (Go, Rust, custom) and
 * `--base image --runtime java21` on its default image. Each folder is generated in-process by the
 * real CLI and its Dockerfile built UNMODIFIED, then run by `verify` under Lambda's constraints.
 *
 * Per path, two images: the sample as generated (it must answer), and the folder with one
 * third-party dependency added to its manifest and the handler replaced by a fixture from
 * test/fixtures/e2e/aws (the user's edits, never the Dockerfile). That one image is invoked three
 * times: it answers using the dependency, it fails with the language's error type (`mode: throw`),
 * and writing outside /tmp fails with the read-only error (`mode: write`).
 *
 * Bases: the AWS images cannot be pulled here, so scripts/ci/standins/aws.sh makes local
 * stand-ins under their exact tags (Debian inside: this proves a Dockerfile's logic and layout,
 * not AL2023 package names), and the toolchain images (golang, rust) come from the CI set-up
 * too. A path whose images are absent is skipped with the reason.
 *
 * Cost: builds run one at a time, each with a wall-clock budget; the dependency layers come
 * before the code in the generated Dockerfiles, so the second image of a path mostly reuses the
 * first's. Every image is removed by name afterwards; the build cache stays.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../support/run';
import { announceSkip, dockerStatus, fromLines, HOST_ARCH, imageSession, mergeSkipped, updateLockfile, withImages, writeFunction, type DockerStatus, type VerifyJson } from './helpers';

const MIN = 60_000;
const FIXTURES = fileURLToPath(new URL('../fixtures/e2e/aws/', import.meta.url));

const LAMBDA = 'public.ecr.aws/lambda';
const MAVEN = 'maven:3.9-amazoncorretto-21-al2023';
const GRADLE = 'gradle:9-jdk21-corretto';
const CORRETTO = 'amazoncorretto:21-al2023-headless';
const GOLANG = 'golang:1.26-bookworm';
const RUST = 'rust:1-alpine3.23';

// Dependency versions: the newest each registry served when written.
const LODASH = '4.18.1';
const TYPES_LODASH = '4.17.27';
/** The newest 24.x: Node.js's own types for the runtime's major, which the sample does not need. */
const TYPES_NODE = '24.19.4';
const REQUESTS = '2.34.2';
const JACKSON = '2.23.0';
const UUID = 'v1.6.0';
const JAVA_SETTINGS = ['--memory', '1024', '--timeout', '15'];
const HEX = '0.4.3';

const docker = dockerStatus();
announceSkip('AWS-base e2e', docker);

const session = imageSession('aws', docker, { sample: { hello: 'world' }, dep: {}, throw: { mode: 'throw' }, write: { mode: 'write' } });

/** Writes `<variant>/fn` with the real CLI: the same folder name keeps the dependency layers shared. */
async function generate(variant: string, flags: string[]): Promise<string> {
  const r = await writeFunction(session.work, variant, flags);
  expect(r.code, `create-lambda-image ${flags.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r.dir;
}

/** The images the Dockerfile names, without --platform and stage names. */
const fromImages = (dir: string): string[] =>
  fromLines(dir).map((l) => l.replace(/^FROM\s+(--platform=\S+\s+)?/i, '').replace(/\s+AS\s+\S+$/i, ''));

// CI prints each image's build time and size at the end of its run.
const build = (dir: string, name: string, budgetMs: number): Promise<string> => session.buildRecorded(dir, name, name, budgetMs);

interface Verified {
  code: number;
  json: VerifyJson;
}

/**
 * `create-lambda-image verify IMAGE [--build DIR] --json`, in-process, as a user would run it.
 * After build(), `--build DIR` is a rebuild from the cache that proves the user's command works.
 */
async function verify(image: string, event: string, dir?: string, settings: readonly string[] = []): Promise<Verified> {
  const build = dir ? ['--build', dir] : [];
  const r = await run(['verify', image, ...build, '--arch', HOST_ARCH, '--json', '--event', event, ...settings], { cwd: session.work, env: process.env });
  try {
    return { code: r.code, json: JSON.parse(r.stdout) };
  } catch {
    throw new Error(`verify ${image} printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

const edit = (file: string, change: (text: string) => string): void => {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `${file} was not changed`).not.toBe(before);
  writeFileSync(file, after);
};

/** The user's way to add npm dependencies: npm records them in package.json and the lock. */
function npmAdd(dir: string, ...args: string[]): void {
  const r = spawnSync('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund', '--ignore-scripts', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 2 * MIN,
  });
  expect(r.status, `npm install ${args.join(' ')}\n${r.stderr}`).toBe(0);
}

interface Path {
  name: string;
  flags: string[];
  /** The images the generated Dockerfile names, in order (checked against it). */
  from: string[];
  /** Extra reason a missing image cannot be made here. */
  why?: string;
  firstBudgetMs: number;
  depBudgetMs: number;
  /** What the sample answers, parsed from the response. */
  sample: (response: string) => void;
  /** Adds the dependency and swaps the handler. */
  addDependency: (dir: string) => void;
  /** Then updates the lockfile as the user would on their machine (image, command). */
  lockfile?: [string, string[]];
  /** Function settings for verify beyond its defaults (128 MB, 3 s), as the function would be configured. */
  settings?: string[];
  dependency: (response: string) => void;
  thrown: { errorType: string | RegExp; errorMessage: string | RegExp; inLogs?: RegExp };
  written: { errorType: string | RegExp; errorMessage: string | RegExp; inLogs?: RegExp };
}

const nodeSample = (response: string): void => {
  expect(JSON.parse(response)).toEqual({ statusCode: 200, body: JSON.stringify({ message: 'Hello from Lambda', received: { hello: 'world' } }) });
};
const lodashAnswer = (response: string): void => {
  expect(JSON.parse(response)).toEqual({ lodash: LODASH, chunks: [[1, 2], [3, 4]] });
};
const javaSample = (response: string): void => {
  expect(JSON.parse(response)).toBe('Hello from Lambda, received 1 field(s)');
};
const javaDependency = (dir: string): void => {
  edit(join(dir, 'pom.xml'), (t) =>
    t.replace(
      /<dependencies>/,
      `<dependencies>\n    <dependency>\n      <groupId>com.fasterxml.jackson.core</groupId>\n      <artifactId>jackson-databind</artifactId>\n      <version>${JACKSON}</version>\n    </dependency>`,
    ),
  );
  copyFileSync(join(FIXTURES, 'Handler.java'), join(dir, 'src/main/java/example/Handler.java'));
};
const jacksonAnswer = (response: string): void => {
  expect(JSON.parse(JSON.parse(response))).toEqual({ jackson: JACKSON });
};
// The Java runtime client reports the exception's class name as errorType.
const javaThrown = { errorType: 'java.lang.IllegalStateException', errorMessage: 'boom from the e2e fixture' };
const javaWritten = { errorType: 'java.nio.file.FileSystemException', errorMessage: '/var/task/written.txt: Read-only file system' };

const PATHS: Path[] = [
  {
    name: 'aws-nodejs24',
    flags: ['--base', 'aws', '--runtime', 'nodejs24'],
    from: [`${LAMBDA}/nodejs:24`, `${LAMBDA}/nodejs:24`],
    firstBudgetMs: 4 * MIN,
    depBudgetMs: 3 * MIN,
    sample: nodeSample,
    addDependency: (dir) => {
      npmAdd(dir, `lodash@${LODASH}`);
      copyFileSync(join(FIXTURES, 'index.mjs'), join(dir, 'index.mjs'));
    },
    dependency: lodashAnswer,
    // aws-lambda-ric reports error.name as errorType.
    thrown: { errorType: 'TypeError', errorMessage: 'boom from the e2e fixture' },
    written: { errorType: 'Error', errorMessage: "EROFS: read-only file system, open '/var/task/written.txt'" },
  },
  {
    name: 'aws-nodejs24-typescript',
    flags: ['--base', 'aws', '--runtime', 'nodejs24', '--typescript'],
    from: [`${LAMBDA}/nodejs:24`, `${LAMBDA}/nodejs:24`],
    firstBudgetMs: 4 * MIN,
    depBudgetMs: 3 * MIN,
    sample: nodeSample,
    addDependency: (dir) => {
      npmAdd(dir, `lodash@${LODASH}`);
      // The fixture imports node:fs, so it needs Node.js's types as well, as a user's code would.
      npmAdd(dir, '--save-dev', `@types/lodash@${TYPES_LODASH}`, `@types/node@${TYPES_NODE}`);
      copyFileSync(join(FIXTURES, 'index.ts.txt'), join(dir, 'src/index.ts'));
    },
    dependency: lodashAnswer,
    thrown: { errorType: 'TypeError', errorMessage: 'boom from the e2e fixture' },
    written: { errorType: 'Error', errorMessage: "EROFS: read-only file system, open '/var/task/written.txt'" },
  },
  {
    name: 'aws-python3.13',
    flags: ['--base', 'aws', '--runtime', 'python3.13'],
    from: [`${LAMBDA}/python:3.13`, `${LAMBDA}/python:3.13`],
    firstBudgetMs: 3 * MIN,
    depBudgetMs: 3 * MIN,
    sample: (response) => {
      const answer = JSON.parse(response) as { statusCode: number; body: string };
      expect(answer.statusCode).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ message: 'Hello from Lambda', received: { hello: 'world' } });
    },
    addDependency: (dir) => {
      writeFileSync(join(dir, 'requirements.txt'), `${readFileSync(join(dir, 'requirements.txt'), 'utf8')}requests==${REQUESTS}\n`);
      copyFileSync(join(FIXTURES, 'lambda_function.py'), join(dir, 'lambda_function.py'));
    },
    dependency: (response) => expect(JSON.parse(response)).toEqual({ requests: REQUESTS }),
    // awslambdaric reports the exception's class name as errorType.
    thrown: { errorType: 'ValueError', errorMessage: 'boom from the e2e fixture' },
    written: { errorType: 'OSError', errorMessage: "[Errno 30] Read-only file system: '/var/task/written.txt'" },
  },
  {
    name: 'aws-java21-maven',
    // At 128 MB Lambda gives a function about 1/14 of a vCPU: Jackson's first use outlasts a 3 s
    // timeout there too. Java functions are configured larger (SAM's Java templates use 512 MB).
    settings: JAVA_SETTINGS,
    flags: ['--base', 'aws', '--runtime', 'java21'],
    from: [MAVEN, `${LAMBDA}/java:21`],
    firstBudgetMs: 6 * MIN,
    depBudgetMs: 6 * MIN,
    sample: javaSample,
    addDependency: javaDependency,
    dependency: jacksonAnswer,
    thrown: javaThrown,
    written: javaWritten,
  },
  {
    name: 'aws-java21-gradle',
    // At 128 MB Lambda gives a function about 1/14 of a vCPU: Jackson's first use outlasts a 3 s
    // timeout there too. Java functions are configured larger (SAM's Java templates use 512 MB).
    settings: JAVA_SETTINGS,
    flags: ['--base', 'aws', '--runtime', 'java21', '--build-tool', 'gradle'],
    from: [GRADLE, `${LAMBDA}/java:21`],
    why: 'Gradle distributions are published only on Gradle\'s own download site, which cannot be reached here; Maven Central has none and Debian\'s gradle is 4.4',
    firstBudgetMs: 8 * MIN,
    depBudgetMs: 4 * MIN,
    sample: javaSample,
    addDependency: (dir) => {
      edit(join(dir, 'build.gradle'), (t) => t.replace(/dependencies \{/, `dependencies {\n    implementation 'com.fasterxml.jackson.core:jackson-databind:${JACKSON}'`));
      copyFileSync(join(FIXTURES, 'Handler.java'), join(dir, 'src/main/java/example/Handler.java'));
    },
    dependency: jacksonAnswer,
    thrown: javaThrown,
    written: javaWritten,
  },
  {
    name: 'os-only-go',
    flags: ['--base', 'os-only', '--os', 'al2023', '--runtime', 'go'],
    from: [GOLANG, `${LAMBDA}/provided:al2023`],
    firstBudgetMs: 6 * MIN,
    depBudgetMs: 6 * MIN,
    sample: (response) => expect(JSON.parse(response)).toEqual({ statusCode: 200, body: 'Hello from Lambda, received 17 bytes' }),
    addDependency: (dir) => {
      edit(join(dir, 'go.mod'), (t) => `${t.trimEnd()}\n\nrequire github.com/google/uuid ${UUID}\n`);
      copyFileSync(join(FIXTURES, 'main.go'), join(dir, 'main.go'));
    },
    // The build checks go.sum and never tidies: the user's `go mod tidy` records the new module.
    lockfile: [GOLANG, ['go', 'mod', 'tidy']],
    // uuid.NewSHA1(NameSpaceURL, "https://example.com/") is fixed by RFC 4122's name-based UUIDs.
    dependency: (response) => expect(JSON.parse(response)).toEqual({ uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) }),
    // aws-lambda-go reports the error's Go type name (without package) as errorType.
    thrown: { errorType: 'errorString', errorMessage: 'boom from the e2e fixture' },
    written: { errorType: 'PathError', errorMessage: 'open /var/task/written.txt: read-only file system' },
  },
  {
    name: 'os-only-rust',
    flags: ['--base', 'os-only', '--os', 'al2023', '--runtime', 'rust'],
    from: [RUST, `${LAMBDA}/provided:al2023`],
    // The generated Dockerfile compiles every crate again after any change (about 5 minutes on
    // two idle cores, over 10 on busy ones): there is no dependency layer to reuse.
    firstBudgetMs: 15 * MIN,
    depBudgetMs: 15 * MIN,
    sample: (response) => expect(JSON.parse(response)).toEqual({ statusCode: 200, body: 'Hello from Lambda, received {"hello":"world"}' }),
    addDependency: (dir) => {
      edit(join(dir, 'Cargo.toml'), (t) => t.replace(/\[dependencies\]\n/, `[dependencies]\nhex = "${HEX}"\n`));
      copyFileSync(join(FIXTURES, 'main.rs'), join(dir, 'src/main.rs'));
    },
    // The build is --locked: the user's cargo (here `cargo fetch`) adds the crate to Cargo.lock.
    lockfile: [RUST, ['cargo', 'fetch']],
    dependency: (response) => expect(JSON.parse(response)).toEqual({ hex: '4c616d626461' }),
    // lambda_runtime names the boxed error's type; the message is the error's Display.
    thrown: { errorType: /./, errorMessage: 'boom from the e2e fixture' },
    written: { errorType: /./, errorMessage: 'Read-only file system (os error 30)' },
  },
  {
    name: 'os-only-custom',
    flags: ['--base', 'os-only', '--os', 'al2023', '--runtime', 'custom'],
    from: [`${LAMBDA}/provided:al2023`, `${LAMBDA}/provided:al2023`],
    firstBudgetMs: 3 * MIN,
    depBudgetMs: 2 * MIN,
    sample: (response) => expect(JSON.parse(response)).toEqual({ statusCode: 200, body: 'Hello from Lambda, received 17 bytes' }),
    // A shell function has no package manager: only the handler changes.
    addDependency: (dir) => copyFileSync(join(FIXTURES, 'function.sh'), join(dir, 'function.sh')),
    dependency: (response) => expect(JSON.parse(response)).toEqual({ answered: 2 }),
    // The generated bootstrap posts its own HandlerError; the shell's message is in the logs.
    thrown: { errorType: 'HandlerError', errorMessage: 'handler failed', inLogs: /boom from the e2e fixture/ },
    written: { errorType: 'HandlerError', errorMessage: 'handler failed', inLogs: /\/var\/task\/written\.txt: Read-only file system/ },
  },
  {
    name: 'image-java21',
    // At 128 MB Lambda gives a function about 1/14 of a vCPU: Jackson's first use outlasts a 3 s
    // timeout there too. Java functions are configured larger (SAM's Java templates use 512 MB).
    settings: JAVA_SETTINGS,
    flags: ['--base', 'image', '--runtime', 'java21'],
    from: [MAVEN, MAVEN, CORRETTO],
    firstBudgetMs: 6 * MIN,
    depBudgetMs: 6 * MIN,
    sample: javaSample,
    addDependency: javaDependency,
    dependency: jacksonAnswer,
    thrown: javaThrown,
    written: javaWritten,
  },
];

function expectError(v: Verified, want: Path['thrown']): void {
  expect(v.json.result, JSON.stringify(v.json)).toBe('function-error');
  expect(v.code).toBe(1);
  expect(v.json.error?.errorType).toEqual(typeof want.errorType === 'string' ? want.errorType : expect.stringMatching(want.errorType));
  expect(v.json.error?.errorMessage).toEqual(typeof want.errorMessage === 'string' ? want.errorMessage : expect.stringMatching(want.errorMessage));
  if (want.inLogs) expect(v.json.logs?.join('\n')).toMatch(want.inLogs);
}

for (const p of PATHS) {
  const base = [...new Set(p.from)];
  const status: DockerStatus = withImages(docker, base, p.why ?? 'the generated Dockerfile builds FROM them; scripts/ci/standins makes them');
  if (docker.usable && !status.usable) {
    // A missing stand-in is not a Docker failure: loud, but not an error under REQUIRE_DOCKER.
    console.warn(`!! SKIPPED AWS-base e2e, ${p.name}: ${status.reason}`);
    mergeSkipped([{ path: `${p.name} (${p.flags.join(' ')})`, reason: p.why ?? status.reason }]);
  }

  describe.skipIf(!status.usable)(`${p.name}: ${p.flags.join(' ')} (${status.reason})`, () => {
    let depImage = '';

    it(
      'the sample builds unmodified and answers (exit 0)',
      async () => {
        const dir = await generate(`${p.name}-sample`, p.flags);
        expect(fromImages(dir)).toEqual(p.from);
        const image = await build(dir, `${p.name}-sample`, p.firstBudgetMs);
        const v = await verify(image, session.event('sample'), dir, p.settings);
        expect(v.json, JSON.stringify(v.json.logs)).toMatchObject({ result: 'response', exitCode: 0 });
        expect(v.code).toBe(0);
        p.sample(v.json.response!);
      },
      p.firstBudgetMs + 2 * MIN,
    );

    it(
      'with a third-party dependency added, it builds and the handler uses it',
      async () => {
        const depDir = await generate(`${p.name}-dep`, p.flags);
        p.addDependency(depDir);
        if (p.lockfile) await updateLockfile(docker.engine!, p.lockfile[0], depDir, p.lockfile[1]);
        depImage = await build(depDir, `${p.name}-dep`, p.depBudgetMs);
        const v = await verify(depImage, session.event('dep'), depDir, p.settings);
        expect(v.json, JSON.stringify(v.json.logs)).toMatchObject({ result: 'response', exitCode: 0 });
        p.dependency(v.json.response!);
      },
      p.depBudgetMs + 2 * MIN,
    );

    it('a handler that throws: exit 1, function error with the language\'s error type', async () => {
      expect(depImage, 'the dependency image was not built').not.toBe('');
      expectError(await verify(depImage, session.event('throw'), undefined, p.settings), p.thrown);
    }, 2 * MIN);

    it('a write outside /tmp: exit 1, function error with the read-only error', async () => {
      expect(depImage, 'the dependency image was not built').not.toBe('');
      expectError(await verify(depImage, session.event('write'), undefined, p.settings), p.written);
    }, 2 * MIN);
  });
}
