/**
 * --test-in-build: the build stage runs the unit tests and removes them before the final stage
 * copies its files; without it the tests never enter the build context. Never in the final image.
 */
import { describe, expect, it } from 'vitest';
import { parseStages } from '../support/dockerfile';
import { run, tempDir } from '../support/run';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

async function generate(args: string[]) {
  const cwd = tempDir('tib-');
  const r = await run(['fn', ...args], { cwd });
  expect(r.code, r.stderr).toBe(0);
  const dockerfile = readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8');
  return { stages: parseStages(dockerfile), ignore: readFileSync(join(cwd, 'fn', '.dockerignore'), 'utf8').split('\n'), cwd };
}

const runs = (stage: { instructions: { keyword: string; args: string }[] }) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);

describe('--test-in-build', () => {
  const cases: [string[], RegExp, string | undefined][] = [
    // The tests run where the final stage's code is copied from (/code), with the modules of /deps.
    [['--runtime', 'nodejs22'], /^cd \/code && ln -s \/deps\/node_modules node_modules && npm test && rm -rf test node_modules$/, 'test'],
    [['--runtime', 'python3.13'], /PYTHONPATH=\/deps \S+ -m unittest discover -s \/code\/tests -t \/code && rm -rf \/code\/tests$/, 'tests'],
    [['--runtime', 'python3.13', '--base', 'os-only'], /PYTHONPATH=\/deps \S+ -m unittest discover -s \/code\/tests -t \/code && rm -rf \/code\/tests$/, 'tests'],
    [['--runtime', 'nodejs22', '--base', 'image'], /^cd \/code && ln -s \/deps\/node_modules node_modules && npm test && rm -rf test node_modules$/, 'test'],
    [['--runtime', 'go', '--base', 'os-only'], /^CGO_ENABLED=0 go test \.\/\.\.\.$/, undefined],
    // After a build that skips them; the final stage copies classes and runtime jars only.
    [['--runtime', 'java21'], /^mvn -B -q test$/, 'src/test'],
    [['--runtime', 'java21', '--base', 'os-only'], /^mvn -B -q test$/, 'src/test'],
    [['--runtime', 'java17', '--base', 'image', '--image', 'debian:bookworm-slim'], /^mvn -B -q test$/, 'src/test'],
    [['--runtime', 'java21', '--build-tool', 'gradle'], /^gradle --no-daemon -q test$/, 'src/test'],
    // For the build host's target: no --target, so the test binary runs where it was built.
    [['--runtime', 'rust', '--base', 'os-only'], /^cargo test --locked$/, undefined],
    [['--runtime', 'rust', '--base', 'image', '--image', 'debian:bookworm-slim'], /^cargo test --locked$/, undefined],
    // After the publish, whose output is all the final stage copies (test/create/dotnet-tests.test.ts has more).
    [['--runtime', 'dotnet10'], /^dotnet test tests\/Function\.Tests\/Function\.Tests\.csproj$/, 'tests'],
    [['--runtime', 'dotnet10', '--base', 'os-only'], /^dotnet test tests\/Function\.Tests\/Function\.Tests\.csproj$/, 'tests'],
    [['--runtime', 'dotnet10', '--base', 'image'], /^dotnet test tests\/Function\.Tests\/Function\.Tests\.csproj$/, 'tests'],
    // Plain ruby with minitest, in the folder the final stage copies (test/create/ruby-tests.test.ts has more).
    [['--runtime', 'ruby3.4'], /Dir\["\/code\/test\/\*\*\/\{\*_test,test_\*\}\.rb"\].*&& rm -rf \/code\/test$/, 'test'],
    [['--runtime', 'ruby3.4', '--base', 'os-only'], /Dir\["\/code\/test\/\*\*\/\{\*_test,test_\*\}\.rb"\].*&& rm -rf \/code\/test$/, 'test'],
    [['--runtime', 'ruby3.4', '--base', 'image'], /Dir\["\/code\/test\/\*\*\/\{\*_test,test_\*\}\.rb"\].*&& rm -rf \/code\/test$/, 'test'],
  ];
  for (const [args, test, dir] of cases) {
    it(`${args.join(' ')}: tests run in the build stage only, and leave what the final stage copies`, async () => {
      const withTests = await generate([...args, '--test-in-build']);
      const final = withTests.stages.at(-1)!;
      const build = withTests.stages.slice(0, -1);
      expect(build.flatMap(runs).some((r) => test.test(r))).toBe(true);
      expect(runs(final).some((r) => /test/.test(r))).toBe(false);
      if (dir) expect(withTests.ignore).not.toContain(dir);

      const without = await generate(args);
      expect(without.stages.flatMap(runs).some((r) => test.test(r))).toBe(false);
      // Without the option the tests are not even sent to the build.
      if (dir) expect(without.ignore).toContain(dir);
    });
  }

  it('JavaScript: npm test runs in the folder the final stage copies, so the test folder it removes is the one shipped', async () => {
    for (const base of ['aws', 'os-only', 'image']) {
      const { stages } = await generate(['--runtime', 'nodejs22', '--base', base, '--test-in-build']);
      const folder = /^cd (\S+) && ln -s \/deps\/node_modules node_modules && npm test && rm -rf test node_modules$/.exec(stages.slice(0, -1).flatMap(runs).find((r) => /npm .*test/.test(r)) ?? '')?.[1];
      expect(folder, base).toBeDefined();
      const copied = stages.at(-1)!.instructions.filter((i) => i.keyword === 'COPY' && i.text.includes('--from=build')).map((i) => i.args.split(/\s+/)[0]);
      expect(copied, base).toContain(`${folder}/`);
    }
  });

  it('is refused, naming what supports it, for a runtime without a sample test (a shell bootstrap)', async () => {
    const r = await run(['fn', '--runtime', 'custom', '--base', 'os-only', '--test-in-build']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--test-in-build supports Node\.js, Python, Java, Go, Rust, \.NET, Ruby; run Custom runtime \(shell bootstrap\) tests outside the image build/);
  });

  it('Go tests mount the module cache the build filled, so they download nothing again', async () => {
    const { cwd } = await generate(['--runtime', 'go', '--base', 'os-only', '--test-in-build']);
    expect(readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8')).toMatch(/^RUN --mount=type=cache,target=\/go\/pkg\/mod .*CGO_ENABLED=0 go test \.\/\.\.\.$/m);
  });

  it('is recorded in the header, so check regenerates the same Dockerfile', async () => {
    const { cwd } = await generate(['--runtime', 'python3.13', '--test-in-build']);
    const check = await run(['check', 'fn'], { cwd });
    expect(check.code, check.stdout).toBe(0);
  });
});
