import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES, LANGUAGES, scheduleStatus } from '../../src/catalog';
import { finalStage, parseStages } from '../support/dockerfile';
import { run, TODAY } from '../support/run';

const ARCHES = ['x86_64', 'arm64'] as const;

describe('AWS base images: every runtime × architecture', () => {
  for (const rt of AWS_RUNTIMES) {
    for (const arch of ARCHES) {
      it(`${rt.id} on ${arch}`, async () => {
        const deprecated = scheduleStatus(rt, TODAY).state === 'deprecated';
        const argv = ['--stdout', '--runtime', rt.id, '--arch', arch, '--os-package', 'jq', '--os-package', 'tar'];
        if (deprecated) argv.push('--allow-deprecated');
        const result = await run(argv);
        expect(result.stderr).not.toMatch(/error/i);
        expect(result.code).toBe(0);
        const text = result.stdout;
        const stages = parseStages(text);

        // Multi-stage: a named build stage, then the final stage on the runtime's image.
        expect(stages.length).toBeGreaterThanOrEqual(2);
        expect(stages[0]!.name).toBe('build');
        const final = finalStage(text);
        expect(final.name).toBeNull();
        expect(final.from).toBe(`public.ecr.aws/lambda/${rt.language}:${rt.tag}`);
        expect(final.platform).toBeNull();

        // Exactly one CMD, exec form, one handler string in the runtime's format.
        const cmds = final.instructions.filter((i) => i.keyword === 'CMD');
        expect(cmds).toHaveLength(1);
        expect(cmds[0]!.json).toHaveLength(1);
        expect(cmds[0]!.json![0]).toMatch(LANGUAGES[rt.language].handler.pattern);

        // The base image's entrypoint and Lambda's own user stay in charge.
        expect(final.instructions.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
        expect(stages.flatMap((s) => s.instructions).some((i) => i.keyword === 'USER')).toBe(false);

        // The final stage only installs OS packages with the base's own manager, then copies.
        const runs = final.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
        expect(runs).toHaveLength(1);
        if (rt.os === 'al2023') {
          expect(runs[0]).toMatch(/^dnf install -y jq tar/);
          expect(runs[0]).toMatch(/dnf clean all/);
          expect(text).not.toMatch(/\byum\b/);
        } else {
          expect(runs[0]).toMatch(/^yum install -y jq tar/);
          expect(runs[0]).toMatch(/yum clean all/);
          expect(text).not.toMatch(/\b(dnf|microdnf)\b/);
        }
        expect(final.instructions.filter((i) => i.keyword === 'COPY').every((i) => i.text.includes('--from=build'))).toBe(true);
        expect(final.instructions.filter((i) => i.keyword === 'COPY').every((i) => /\$\{LAMBDA_TASK_ROOT\}/.test(i.text))).toBe(true);

        // Explicit tags everywhere; no default-on BuildKit-only syntax.
        for (const s of stages) {
          expect(s.from).toMatch(/:[\w.-]+$/);
          expect(s.from).not.toMatch(/:latest$/);
        }
        expect(text).not.toMatch(/^# syntax=/m);
        expect(text).not.toMatch(/<<|--link|--checksum|--chmod/);
        // No date-derived text goes into generated files.
        expect(text).not.toMatch(/20\d\d-\d\d-\d\d/);
      });
    }
  }
});

describe('build stages per language', () => {
  it('Node.js builds on the same Lambda image and installs production dependencies with npm ci', async () => {
    const { stdout } = await run(['--stdout', '--runtime', 'nodejs22']);
    const [build] = parseStages(stdout);
    expect(build!.from).toBe('public.ecr.aws/lambda/nodejs:22');
    expect(build!.instructions.map((i) => i.text)).toContainEqual(expect.stringMatching(/^RUN --mount=type=cache,target=\/root\/\.npm --mount=type=secret,id=npmrc,target=\/root\/\.npmrc npm ci --omit=dev --no-audit --no-fund \\/));
  });

  it('TypeScript installs production modules apart, then every module to compile', async () => {
    const { stdout } = await run(['--stdout', '--runtime', 'nodejs24', '--typescript']);
    const [build] = parseStages(stdout);
    const runs = build!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    // runs[0] is the architecture check.
    expect(runs[1]).toMatch(/npm ci --omit=dev --no-audit --no-fund/);
    expect(runs[2]).toMatch(/npm ci --no-audit --no-fund$/);
    expect(runs[3]).toMatch(/^npm run build/);
    expect(stdout).not.toMatch(/npm prune/);
    expect(finalStage(stdout).instructions.map((i) => i.text)).toEqual(expect.arrayContaining(['COPY --from=build /deps/node_modules ${LAMBDA_TASK_ROOT}/node_modules', 'COPY --from=build /build/dist/ ${LAMBDA_TASK_ROOT}/']));
  });

  it('Python installs requirements with pip --target in the build stage', async () => {
    const { stdout } = await run(['--stdout', '--runtime', 'python3.12']);
    expect(parseStages(stdout)[0]!.instructions.map((i) => i.text)).toContainEqual(
      expect.stringMatching(/^RUN --mount=type=cache,target=\/root\/\.cache\/pip --mount=type=secret,id=pipconf,target=\/etc\/pip\.conf pip install --no-compile --target \/deps -r requirements\.txt \\/),
    );
  });

  it('Java uses Maven by default and Gradle on request, on $BUILDPLATFORM', async () => {
    const maven = parseStages((await run(['--stdout', '--runtime', 'java21'])).stdout)[0]!;
    expect(maven.from).toBe('maven:3.9-amazoncorretto-21-al2023');
    expect(maven.platform).toBe('$BUILDPLATFORM');
    const gradle = parseStages((await run(['--stdout', '--runtime', 'java8.al2', '--build-tool', 'gradle'])).stdout)[0]!;
    expect(gradle.from).toBe('gradle:8-jdk8-corretto');
    expect(gradle.instructions.some((i) => /gradle .*copyDependencies/.test(i.args))).toBe(true);
  });

  it('.NET publishes with the SDK image', async () => {
    const [build] = parseStages((await run(['--stdout', '--runtime', 'dotnet10'])).stdout);
    expect(build!.from).toBe('mcr.microsoft.com/dotnet/sdk:10.0');
    expect(build!.instructions.some((i) => i.args.startsWith('dotnet publish'))).toBe(true);
  });

  it('Ruby runs bundle install with a deployment path', async () => {
    const [build] = parseStages((await run(['--stdout', '--runtime', 'ruby3.4'])).stdout);
    expect(build!.from).toBe('public.ecr.aws/lambda/ruby:3.4');
    const bundle = build!.instructions.find((i) => i.args.includes('bundle install'))!.args;
    expect(bundle).toMatch(/path vendor\/bundle/);
    expect(bundle).toMatch(/deployment true/);
  });

  it('--syntax adds the directive only when asked', async () => {
    const { stdout } = await run(['--stdout', '--runtime', 'nodejs24', '--syntax', 'docker/dockerfile:1.7']);
    expect(stdout.split('\n')[0]).toBe('# syntax=docker/dockerfile:1.7');
  });

  it("Lambda's own ids are accepted as aliases", async () => {
    const { stdout, code } = await run(['--stdout', '--runtime', 'nodejs22.x']);
    expect(code).toBe(0);
    expect(finalStage(stdout).from).toBe('public.ecr.aws/lambda/nodejs:22');
  });
});
