import { describe, expect, it } from 'vitest';
import { LAMBDA, LANGUAGES, osOnlyBase } from '../../src/catalog';
import { findLanguageRuntime } from '../../src/catalog/language-runtimes';
import { RICS } from '../../src/catalog/rics';
import type { OwnedFile } from '../../src/plan/model';
import { facts, planFor, PROJECT_FILES } from './helpers';

/** One runtime per language that provided:al2023 can run. */
const RUNTIMES = ['nodejs24', 'python3.13', 'java21', 'dotnet10', 'ruby3.4', 'go', 'rust', 'custom'] as const;

const bootstrapOf = (files: OwnedFile[]) => files.find((f) => f.template === 'entry/bootstrap.sh');

describe('plan() on OS-only bases', () => {
  for (const id of RUNTIMES) {
    const language = findLanguageRuntime(id)!.language;
    const info = LANGUAGES[language];

    it(`${id}: the final stage is provided:al2023 with its own entrypoint, CMD the handler`, () => {
      const p = planFor(language, { base: 'os-only', os: 'al2023', runtime: id }, facts(...PROJECT_FILES[language]));
      const base = osOnlyBase('al2023')!;
      expect(p.kind).toBe('os-only');
      expect(p.dockerfile.template).toBe(`os-only/${language}`);
      expect(p.dockerfile.final.from).toBe(`${base.image}:${base.tag}`);
      expect(p.dockerfile.final.entrypoint).toBeNull();
      expect(JSON.parse(p.dockerfile.final.cmd)).toEqual([p.options.handler]);
      expect(p.settings.entryPoint).toEqual([LAMBDA.entryScript]);
      expect(p.settings.workingDirectory).toBe(LAMBDA.taskRoot);
      // No emulator to add: the base has one.
      expect(p.dockerfile.lang).toMatchObject({ rie: null, entry: null });
    });

    if (info.bootstrap === 'client') {
      it(`${id}: a generated /var/runtime/bootstrap starts the client`, () => {
        const p = planFor(language, { base: 'os-only', os: 'al2023', runtime: id }, facts(...PROJECT_FILES[language]));
        const script = bootstrapOf(p.ownedFiles);
        expect(script).toMatchObject({ path: 'lambda-bootstrap.sh', mode: 0o755 });
        expect(p.dockerfile.lang).toMatchObject({ bootstrap: 'lambda-bootstrap.sh', executables: LAMBDA.bootstrap, hasExecutables: true });
        if (script?.template !== 'entry/bootstrap.sh') throw new Error('no bootstrap script');
        expect(script.data.title).toBe(info.title);
        // Python's and Java's clients take the handler as their argument; the others read _HANDLER.
        expect(script.data.handlerArg).toBe(language === 'python' || language === 'java');
      });
    } else {
      it(`${id}: the function's own ${info.bootstrap} is the bootstrap, so nothing is generated to start it`, () => {
        const p = planFor(language, { base: 'os-only', os: 'al2023', runtime: id }, facts(...PROJECT_FILES[language]));
        expect(p.ownedFiles).toEqual([]);
        expect(p.dockerfile.lang).toMatchObject({ bootstrap: null, executables: '', hasExecutables: false });
      });
    }
  }

  it('the bootstrap script starts each client as its catalog entry says', () => {
    const command = (language: 'nodejs' | 'python' | 'ruby', id: string) => {
      const script = bootstrapOf(planFor(language, { base: 'os-only', runtime: id }, facts(...PROJECT_FILES[language])).ownedFiles);
      return script?.template === 'entry/bootstrap.sh' ? script.data : undefined;
    };
    expect(command('nodejs', 'nodejs22')?.command).toMatch(/^\S*node\S* \/var\/runtime\/ric\/node_modules\/aws-lambda-ric\/index\.mjs$/);
    expect(command('python', 'python3.13')?.command).toBe('/usr/bin/python3.13 -m awslambdaric');
    expect(command('ruby', 'ruby3.4')).toMatchObject({ command: expect.stringMatching(/ \/var\/task\/vendor\/bundle\/bin\/aws_lambda_ric$/), env: [{ name: 'GEM_HOME', value: '/var/task/vendor/bundle' }] });
  });

  it('Java: the JVM is found from a pattern, and a pom resolves the pinned client', () => {
    const p = planFor('java', { base: 'os-only', runtime: 'java21', arch: 'arm64' }, facts('pom.xml'));
    const script = bootstrapOf(p.ownedFiles);
    if (script?.template !== 'entry/bootstrap.sh') throw new Error('no bootstrap script');
    expect(script.data.pattern).toMatch(/\*/);
    expect(script.data.command).toMatch(/^"\$runtime_bin" .* com\.amazonaws\.services\.lambda\.runtime\.api\.client\.AWSLambda$/);
    const ric = RICS.find((r) => r.language === 'java')!;
    const [groupId, artifactId] = ric.package.split(':');
    expect(p.ownedFiles.find((f) => f.template === 'entry/ric-pom.xml')).toEqual({ path: 'lambda-ric/pom.xml', template: 'entry/ric-pom.xml', data: { groupId, artifactId, version: ric.version } });
  });

  it('.NET on Amazon Linux is published self-contained and runs as /var/task/bootstrap', () => {
    const p = planFor('dotnet', { base: 'os-only', runtime: 'dotnet8', arch: 'arm64' }, facts('Function.csproj'));
    expect(p.dockerfile.lang).toMatchObject({ selfContained: true, rid: 'linux-arm64' });
    const script = bootstrapOf(p.ownedFiles);
    expect(script?.data).toMatchObject({ command: `${LAMBDA.taskRoot}/bootstrap`, pattern: null });
  });

  it('Go and Rust cross-compile on the build host for the target', () => {
    const go = planFor('go', { base: 'os-only', runtime: 'go', arch: 'arm64' }, facts('go.mod', 'go.sum'));
    const rust = planFor('rust', { base: 'os-only', runtime: 'rust', arch: 'arm64' }, facts('Cargo.toml', 'Cargo.lock'));
    expect(go.dockerfile.build.platform).toBe('$BUILDPLATFORM');
    expect(rust.dockerfile.build.platform).toBe('$BUILDPLATFORM');
    expect(rust.dockerfile.lang).toMatchObject({ target: 'aarch64-unknown-linux-musl', locked: ' --locked' });
  });

  it('Rust without Cargo.lock builds unlocked and says so', () => {
    const p = planFor('rust', { base: 'os-only', runtime: 'rust' }, facts('Cargo.toml'));
    expect(p.dockerfile.lang).toMatchObject({ locked: '', manifests: 'Cargo.toml' });
    expect(p.warnings).toEqual([expect.stringContaining('no Cargo.lock')]);
  });

  it('the custom runtime copies the script named after the handler', () => {
    const p = planFor('custom', { base: 'os-only', runtime: 'custom', handler: 'lib/work.run' }, facts('bootstrap'));
    expect(p.dockerfile.lang).toMatchObject({ handlerFile: 'lib/work.sh' });
  });

  it('--test-in-build: Go tests mount the module cache as the build does', () => {
    const p = planFor('go', { base: 'os-only', runtime: 'go', testInBuild: true }, facts('go.mod', 'go.sum'));
    if (p.dockerfile.template !== 'os-only/go') throw new Error('not the Go template');
    expect(p.dockerfile.build.instructions.at(-1)).toBe(`RUN ${p.dockerfile.lang.mounts} CGO_ENABLED=0 go test ./...`);
  });

  it('the team\'s packages and instructions land in their stages, before the test step', () => {
    const p = planFor('python', {
      base: 'os-only',
      runtime: 'python3.13',
      osPackages: ['jq'],
      buildOsPackages: ['git'],
      instructions: { build: ['ENV A=1'], final: ['ENV B=2'] },
      labels: { team: 'payments' },
      testInBuild: true,
    }, facts('requirements.txt'));
    expect(p.dockerfile.final.packages?.packages).toContain('jq');
    expect(p.dockerfile.build.packages?.packages).toContain('git');
    expect(p.dockerfile.build.instructions[0]).toBe('ENV A=1');
    expect(p.dockerfile.build.instructions.at(-1)).toMatch(/-m unittest discover/);
    expect(p.dockerfile.final.instructions).toEqual(['ENV B=2']);
    expect(p.dockerfile.final.labels).toEqual([{ key: 'team', value: 'payments' }]);
  });
});
