/**
 * An organisation's own image as the base: `--base image --image registry.example.com/team/base:1.0
 * --family debian:12` with a language version Debian 12 does not provide (Node.js 22, Python 3.13,
 * Java 21). The generated Dockerfile must keep the organisation image as its final stage and bring
 * the runtime from the official language image of the same release; built UNMODIFIED, then run by
 * `verify` under Lambda's constraints (read-only root, tmpfs /tmp, uid 993, no capabilities).
 *
 * Bases are local stand-ins (scripts/ci/docker-setup.sh and scripts/ci/standins/; how each differs
 * from the real image is written down there): the organisation image is debian:bookworm-slim under
 * that name, and the official images have the published layout at the paths the runtime is copied
 * from. A refusal by the generator fails here: these three have a sound source on Debian 12.
 *
 * Build time and size go to .tmp/e2e-results.json; every image is removed by name afterwards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../support/run';
import {
  announceSkip,
  dockerStatus,
  fromLines,
  HOST_ARCH,
  imageSession,
  mergeImageResults,
  mergeSkipped,
  missingImages,
  withImages,
  writeFunction,
  type VerifyJson,
} from './helpers';

const MIN = 60_000;
const ORG = 'registry.example.com/team/base:1.0';
const EVENT = { hello: 'world' };
const SAMPLE_BODY = JSON.stringify({ message: 'Hello from Lambda', received: EVENT });

interface OrgPath {
  id: string;
  runtime: string;
  /** The official image the runtime comes from, and the final stage's COPY of it (after `--from=<stage>`). */
  source: string;
  copied: RegExp;
  /** Where the entry script starts the runtime in the deployed image. */
  bin: string;
  /** Every image the Dockerfile builds FROM, for the collection-time check. */
  images: string[];
  /** The generated sample's answer to EVENT (the parsed response). */
  sampleAnswer: (a: unknown) => void;
  /** Function settings for verify beyond its defaults (128 MB, 3 s), as the function would be configured. */
  settings?: string[];
  budgetMs: number;
}

const PATHS: OrgPath[] = [
  {
    id: 'nodejs22',
    runtime: 'nodejs22',
    source: 'node:22-bookworm-slim',
    // The node binary alone: the final stage needs neither npm nor the headers.
    copied: /^\/usr\/local\/bin\/node\s/,
    bin: '/usr/local/bin/node',
    images: [ORG, 'node:22-bookworm-slim'],
    sampleAnswer: (a) => expect(a).toEqual({ statusCode: 200, body: SAMPLE_BODY }),
    budgetMs: 12 * MIN,
  },
  {
    id: 'python3.13',
    runtime: 'python3.13',
    source: 'python:3.13-slim-bookworm',
    copied: /^\/usr\/local\/\s+\/usr\/local\/?\s*$/,
    bin: '/usr/local/bin/python3.13',
    images: [ORG, 'python:3.13-slim-bookworm'],
    sampleAnswer: (a) => {
      const { statusCode, body } = a as { statusCode: number; body: string };
      expect(statusCode).toBe(200);
      expect(JSON.parse(body)).toEqual({ message: 'Hello from Lambda', received: EVENT });
    },
    budgetMs: 8 * MIN,
  },
  {
    id: 'java21',
    runtime: 'java21',
    source: 'eclipse-temurin:21-jre-noble',
    copied: /^\/opt\/java\/openjdk\/?\s+\/opt\/java\/openjdk\/?\s*$/,
    bin: '/opt/java/openjdk/bin/java',
    // The classes are still built on the Maven image.
    images: [ORG, 'eclipse-temurin:21-jre-noble', 'maven:3.9-amazoncorretto-21-al2023'],
    sampleAnswer: (a) => expect(a).toBe('Hello from Lambda, received 1 field(s)'),
    // A JVM's cold start at Lambda's smallest size (a sliver of a CPU) can pass the 10 s init limit.
    settings: ['--memory', '1024', '--timeout', '15'],
    budgetMs: 10 * MIN,
  },
];

const docker = dockerStatus();
announceSkip('organisation image e2e', docker);

/** The path the other e2e files name for this case (image.e2e.test.ts recorded it as skipped). */
const pathName = (p: OrgPath): string => `image ${p.id} on an organisation Debian image`;
const statuses = new Map(PATHS.map((p) => [p, withImages(docker, p.images, `the generated ${p.id} Dockerfile builds FROM them`)]));
mergeSkipped(
  PATHS.filter((p) => !statuses.get(p)!.usable).map((p) => ({ path: pathName(p), reason: statuses.get(p)!.reason })),
  ['image nodejs22 on an organisation Debian image', ...PATHS.filter((p) => statuses.get(p)!.usable).map(pathName)],
);

const session = imageSession('org-image', docker, { event: EVENT });

/** A FROM line's image and stage name. */
function parseFrom(line: string): { image: string; alias?: string } {
  const words = line.trim().split(/\s+/).slice(1).filter((w) => !w.startsWith('--'));
  const as = words.findIndex((w) => w.toUpperCase() === 'AS');
  return { image: words[0]!, alias: as >= 0 ? words[as + 1] : undefined };
}

/** The instructions of the last stage (from its FROM line on), continuation lines joined. */
function finalStage(dockerfile: string): string[] {
  const joined = dockerfile.replace(/\\\n/g, ' ').split('\n').filter((l) => l.trim() && !l.trimStart().startsWith('#'));
  const at = joined.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true);
  return joined.slice(at);
}

for (const p of PATHS) {
  const status = statuses.get(p)!;
  if (docker.usable) announceSkip(`organisation image e2e, ${p.id}`, status);

  describe.skipIf(!status.usable)(`--image ${ORG} --family debian:12 --runtime ${p.runtime} (${status.reason})`, () => {
    beforeAll(() => mergeImageResults([], [`image-org-${p.id}`]));

    it(
      `final stage is the organisation image with the runtime copied from ${p.source}; it builds unmodified and answers`,
      async () => {
        const flags = ['--base', 'image', '--image', ORG, '--family', 'debian:12', '--runtime', p.runtime, '--yes'];
        const g = await writeFunction(session.work, `org-${p.id}`, flags);
        // A refusal (exit 2) is a failure here, with the generator's own reason.
        expect(g.code, `create-lambda-image ${flags.join(' ')} exited ${g.code}: ${g.stderr.trim()}`).toBe(0);

        const froms = fromLines(g.dir).map(parseFrom);
        expect(froms.at(-1)?.image, 'the final stage builds FROM the organisation image').toBe(ORG);
        const source = froms.find((f) => f.image === p.source);
        expect(source?.alias, `a stage FROM ${p.source} AS <name> (the runtime's source)`).toBeTruthy();
        const last = finalStage(readFileSync(join(g.dir, 'Dockerfile'), 'utf8'));
        const copies = last
          .map((l) => /^COPY\s+(?:--\S+\s+)*?--from=(\S+)\s+(?:--\S+\s+)*(.*)$/i.exec(l))
          .filter((m): m is RegExpExecArray => m !== null && m[1] === source!.alias)
          .map((m) => m[2]!);
        expect(copies.some((c) => p.copied.test(c)), `the final stage copies the runtime from ${p.source}: ${JSON.stringify(copies)}`).toBe(true);

        // Every image it builds FROM (stage names aside) must be here, or the build could only fail.
        const stages = new Set(froms.map((f) => f.alias).filter(Boolean));
        const missing = missingImages(docker.engine!, [...new Set(froms.map((f) => f.image).filter((i) => !stages.has(i)))]);
        expect(missing, 'images the Dockerfile builds FROM that have no local stand-in (scripts/ci/standins/)').toEqual([]);

        const tag = await session.buildRecorded(g.dir, p.id, `image-org-${p.id}`, p.budgetMs);

        const r = await run(['verify', tag, '--event', session.event('event'), '--arch', HOST_ARCH, '--json', ...(p.settings ?? [])], { cwd: session.work, env: process.env });
        let v: VerifyJson;
        try {
          v = JSON.parse(r.stdout) as VerifyJson;
        } catch {
          throw new Error(`verify ${tag} printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
        }
        expect(v, JSON.stringify(v.logs)).toMatchObject({ result: 'response', exitCode: 0 });
        expect(r.code).toBe(0);
        p.sampleAnswer(JSON.parse(v.response!));
        // The entry script names the runtime where the copy put it.
        expect(readFileSync(join(g.dir, 'lambda-entrypoint.sh'), 'utf8')).toMatch(new RegExp(`^exec ${p.bin.replace(/[.]/g, '\\.')}\\s`, 'm'));
      },
      p.budgetMs + 3 * MIN,
    );
  });
}
