import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES, LAMBDA } from '../../src/catalog';
import { facts, planFor, PROJECT_FILES } from './helpers';

/** One current runtime per language on the AWS runtime images. */
const RUNTIMES = ['nodejs24', 'python3.13', 'java21', 'dotnet10', 'ruby3.4'] as const;

describe('plan() on AWS runtime images', () => {
  for (const id of RUNTIMES) {
    const runtime = AWS_RUNTIMES.find((r) => r.id === id)!;
    const language = runtime.language;

    it(`${id}: the final stage is the runtime image with its own entrypoint, CMD the handler`, () => {
      const p = planFor(language, { base: 'aws', runtime: id }, facts(...PROJECT_FILES[language]));
      expect(p.kind).toBe('aws');
      expect(p.dockerfile.template).toBe(language === 'java' ? 'aws/java-maven' : `aws/${language}`);
      expect(p.dockerfile.final.from).toBe(`${runtime.image}:${runtime.tag}`);
      expect(p.dockerfile.final.entrypoint).toBeNull();
      expect(JSON.parse(p.dockerfile.final.cmd)).toEqual([p.options.handler]);
      expect(p.settings).toEqual({ entryPoint: [LAMBDA.entryScript], command: [p.options.handler], workingDirectory: LAMBDA.taskRoot });
      expect(p.ownedFiles).toEqual([]);
      expect(p.warnings).toEqual([]);
    });

    it(`${id}: ${language === 'java' || language === 'dotnet' ? 'builds on the SDK image on the build host' : 'builds on the runtime image itself'}`, () => {
      const p = planFor(language, { base: 'aws', runtime: id, arch: 'arm64' }, facts(...PROJECT_FILES[language]));
      if (language === 'java' || language === 'dotnet') {
        expect(p.dockerfile.build.platform).toBe('$BUILDPLATFORM');
        expect(p.dockerfile.build.from).not.toContain('public.ecr.aws/lambda');
      } else {
        expect(p.dockerfile.build.platform).toBeNull();
        expect(p.dockerfile.build.from).toBe(p.dockerfile.final.from);
      }
    });
  }

  it('mirrors and pins the runtime image in both stages', () => {
    const p = planFor('python', {
      base: 'aws',
      runtime: 'python3.13',
      registryMirror: 'mirror.example.com/ecr',
      pin: { 'public.ecr.aws/lambda/python:3.13': { x86_64: 'sha256:' + 'a'.repeat(64) } },
    });
    expect(p.dockerfile.final.from).toBe(`mirror.example.com/ecr/lambda/python:3.13@sha256:${'a'.repeat(64)}`);
    expect(p.dockerfile.build.from).toBe(p.dockerfile.final.from);
  });

  it('Node.js: a lockfile gives npm ci; none gives npm install and a warning', () => {
    const locked = planFor('nodejs', { base: 'aws', runtime: 'nodejs22' }, facts('package.json', 'package-lock.json'));
    const loose = planFor('nodejs', { base: 'aws', runtime: 'nodejs22' }, facts('package.json'));
    if (locked.dockerfile.template !== 'aws/nodejs' || loose.dockerfile.template !== 'aws/nodejs') throw new Error('not the Node.js template');
    expect(locked.dockerfile.lang.installProd).toMatch(/^npm ci --omit=dev/);
    expect(locked.dockerfile.lang.manifests).toBe('package.json package-lock.json');
    expect(loose.dockerfile.lang.installProd).toMatch(/^npm install --omit=dev/);
    expect(loose.warnings).toEqual([expect.stringContaining('no package-lock.json')]);
  });

  it('Node.js with TypeScript leaves dist/ out of the build context', () => {
    const p = planFor('nodejs', { base: 'aws', runtime: 'nodejs24', typescript: true }, facts('package.json', 'package-lock.json'));
    expect(p.dockerignore).toContain('dist');
    expect(p.dockerfile.lang).toMatchObject({ typescript: true });
  });

  it('Python: without requirements.txt nothing is installed, and the plan says so', () => {
    const p = planFor('python', { base: 'aws', runtime: 'python3.12' });
    expect(p.dockerfile.lang).toMatchObject({ requirements: false });
    expect(p.warnings).toEqual(['no requirements.txt: only the source files are copied']);
  });

  it('Java with Gradle: the Kotlin build files when the project has them', () => {
    const p = planFor('java', { base: 'aws', runtime: 'java21', buildTool: 'gradle', sample: false }, facts('build.gradle.kts'));
    expect(p.dockerfile.template).toBe('aws/java-gradle');
    expect(p.dockerfile.lang).toEqual({ gradleFiles: 'build.gradle.kts settings.gradle.kts', mvnMounts: '--mount=type=cache,target=/root/.m2' });
    expect(p.warnings).toEqual([expect.stringContaining('copyDependencies')]);
  });

  it('.NET: the top-level project and the architecture\'s runtime identifier', () => {
    const p = planFor('dotnet', { base: 'aws', runtime: 'dotnet8', arch: 'arm64' }, facts('MyFn.csproj', 'sub/Other.csproj'));
    expect(p.dockerfile.lang).toMatchObject({ project: 'MyFn.csproj', rid: 'linux-arm64' });
    expect(p.dockerfile.lang).toMatchObject({ publish: expect.stringContaining('--self-contained false') });
  });

  it('Ruby: a Gemfile without its lock is installed with a warning', () => {
    const p = planFor('ruby', { base: 'aws', runtime: 'ruby3.4' }, facts('Gemfile'));
    expect(p.dockerfile.lang).toMatchObject({ gemfile: true, lockfile: false, manifests: 'Gemfile' });
    expect(p.warnings).toEqual([expect.stringContaining('no Gemfile.lock')]);
  });

  it('--test-in-build adds the test step to the build stage; without it the tests stay out of the context', () => {
    const without = planFor('python', { base: 'aws', runtime: 'python3.13' }, facts('requirements.txt'));
    const within = planFor('python', { base: 'aws', runtime: 'python3.13', testInBuild: true }, facts('requirements.txt'));
    expect(without.dockerignore).toContain('tests');
    expect(without.dockerfile.build.instructions).toEqual([]);
    expect(within.dockerignore).not.toContain('tests');
    expect(within.dockerfile.build.instructions.at(-1)).toMatch(/^RUN .*python3 -m unittest discover -s \/code\/tests/);
  });
});
