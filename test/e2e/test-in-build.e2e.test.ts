/**
 * --test-in-build in a real build: the sample's test passes in the build stage and is absent from
 * the final image; a failing test fails the build. Uses the local stand-ins for
 * node:22-bookworm-slim, rust:1-alpine3.23 with debian:bookworm-slim, and the Java 21 AWS base
 * with its Maven build image.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exec } from '../../src/verify/docker';
import { run, tempDir } from '../support/run';
import { announceSkip, buildImage, dockerStatus, removeImages, removeUntagged, withImages } from './helpers';

const status = withImages(dockerStatus(), ['node:22-bookworm-slim'], 'the Node.js image base');
announceSkip('--test-in-build e2e', status);
const TAG = `cli-e2e-test-in-build-${process.pid}:1`;

describe.skipIf(!status.usable)('--test-in-build (docker)', () => {
  const engine = status.engine!;
  const leftovers: string[] = [];
  afterAll(async () => {
    await removeImages(engine, [TAG]);
    await removeUntagged(engine, leftovers);
  });

  it('runs the test in the build stage only; a failing test fails the build', async () => {
    const cwd = tempDir('tib-e2e-');
    const r = await run(['fn', '--base', 'image', '--image', 'node:22-bookworm-slim', '--runtime', 'nodejs22', '--test-in-build'], { cwd, env: { CI: '1' } });
    expect(r.code, r.stderr).toBe(0);
    const dir = join(cwd, 'fn');
    const built = await buildImage(engine, dir, TAG, { budgetMs: 900_000 });
    leftovers.push(...built.leftovers);
    const ls = await exec(engine, ['run', '--rm', '--entrypoint', 'sh', TAG, '-c', 'ls -A /var/task']);
    expect(ls.code).toBe(0);
    expect(ls.stdout.split('\n')).toContain('index.mjs');
    expect(ls.stdout.split('\n')).not.toContain('test');

    const test = join(dir, 'test', 'index.test.mjs');
    writeFileSync(test, readFileSync(test, 'utf8').replace('response.statusCode, 200', 'response.statusCode, 201'));
    const failed = await buildImage(engine, dir, TAG, { budgetMs: 900_000 }).then(
      () => undefined,
      (error: Error & { leftovers?: string[] }) => error,
    );
    leftovers.push(...(failed?.leftovers ?? []));
    expect(failed?.message).toMatch(/cd \/code && ln -s \/deps\/node_modules node_modules && npm test/);
  }, 2_000_000);
});

/** Builds with --test-in-build, checks the final image, then breaks the test and expects the build to fail. */
async function passThenFail(
  engine: NonNullable<ReturnType<typeof dockerStatus>['engine']>,
  leftovers: string[],
  tag: string,
  args: string[],
  inspect: { listing: string; expect: (files: string[]) => void },
  breakTest: { file: string; from: string; to: string },
  failure: RegExp,
) {
  const cwd = tempDir('tib-e2e-');
  const r = await run(['fn', ...args, '--test-in-build'], { cwd, env: { CI: '1' } });
  expect(r.code, r.stderr).toBe(0);
  const dir = join(cwd, 'fn');
  const built = await buildImage(engine, dir, tag, { budgetMs: 1_500_000 });
  leftovers.push(...built.leftovers);
  const ls = await exec(engine, ['run', '--rm', '--entrypoint', 'sh', tag, '-c', inspect.listing]);
  expect(ls.code, ls.stderr).toBe(0);
  inspect.expect(ls.stdout.split('\n').filter(Boolean));

  const test = join(dir, breakTest.file);
  const source = readFileSync(test, 'utf8');
  expect(source).toContain(breakTest.from);
  writeFileSync(test, source.replace(breakTest.from, breakTest.to));
  const failed = await buildImage(engine, dir, tag, { budgetMs: 1_500_000 }).then(
    () => undefined,
    (error: Error & { leftovers?: string[] }) => error,
  );
  leftovers.push(...(failed?.leftovers ?? []));
  expect(failed?.message).toMatch(failure);
}

const rustStatus = withImages(dockerStatus(), ['rust:1-alpine3.23', 'debian:bookworm-slim'], 'the Rust build image and the Debian base');
announceSkip('--test-in-build Rust e2e', rustStatus);
const RUST_TAG = `cli-e2e-test-in-build-rust-${process.pid}:1`;

describe.skipIf(!rustStatus.usable)('--test-in-build, Rust (docker)', () => {
  const engine = rustStatus.engine!;
  const leftovers: string[] = [];
  afterAll(async () => {
    await removeImages(engine, [RUST_TAG]);
    await removeUntagged(engine, leftovers);
  });

  it('cargo test runs for the build host in the build stage; only the bootstrap reaches the image', async () => {
    await passThenFail(
      engine,
      leftovers,
      RUST_TAG,
      ['--base', 'image', '--image', 'debian:bookworm-slim', '--runtime', 'rust'],
      { listing: 'ls -A /var/runtime', expect: (files) => expect(files).toEqual(['bootstrap']) },
      { file: 'src/main.rs', from: 'response["statusCode"], 200', to: 'response["statusCode"], 201' },
      /cargo test --locked/,
    );
  }, 3_200_000);
});

const javaStatus = withImages(dockerStatus(), ['public.ecr.aws/lambda/java:21', 'maven:3.9-amazoncorretto-21-al2023'], 'the Java 21 AWS base and its Maven build image');
announceSkip('--test-in-build Java e2e', javaStatus);
const JAVA_TAG = `cli-e2e-test-in-build-java-${process.pid}:1`;

describe.skipIf(!javaStatus.usable)('--test-in-build, Java with Maven (docker)', () => {
  const engine = javaStatus.engine!;
  const leftovers: string[] = [];
  afterAll(async () => {
    await removeImages(engine, [JAVA_TAG]);
    await removeUntagged(engine, leftovers);
  });

  it('mvn test runs in the build stage; neither the test class nor JUnit reaches the image', async () => {
    await passThenFail(
      engine,
      leftovers,
      JAVA_TAG,
      ['--base', 'aws', '--runtime', 'java21'],
      {
        listing: 'cd /var/task && find . -type f',
        expect: (files) => {
          expect(files).toContain('./example/Handler.class');
          expect(files.filter((f) => /Test|junit|opentest4j|apiguardian/i.test(f))).toEqual([]);
        },
      },
      { file: 'src/test/java/example/HandlerTest.java', from: 'received 1 field(s)', to: 'received 2 field(s)' },
      /mvn -B -q test/,
    );
  }, 3_200_000);
});
