import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { instructionProblem, opensHeredoc } from '../../src/options/instructions';
import { writeTree } from '../config/helpers';
import { run, snapshotTree, tempDir } from '../support/run';
import { expectOneLine } from './helpers';

describe('team instructions cannot open a heredoc in any form', () => {
  const heredocs = [
    'RUN cat <<1',
    'RUN cat <<\\EOF',
    'RUN cat <<-"x"',
    "RUN cat <<'EOF'",
    'RUN cat <<-EOF',
    'RUN cat 0<<EOF',
    'RUN x=$(cat <<EOF)',
    'RUN cat <<${END}',
    'COPY <<EOF /etc/motd',
    'ADD <<x /y',
    'ONBUILD RUN cat <<EOF',
    'RUN echo "a b" <<EOF',
    'RUN echo a;cat<<EOF',
    'run cat\t<<EOF',
  ];
  for (const text of heredocs) {
    it(`refuses ${JSON.stringify(text)}`, () => expect(instructionProblem(text)).toMatch(/heredoc/));
  }

  const notHeredocs = ['RUN cat <<< "here"', 'RUN echo "<<EOF"', "RUN echo '<<EOF'", 'RUN echo \\<<EOF', 'RUN sort < in > out'];
  for (const text of notHeredocs) it(`accepts ${JSON.stringify(text)}`, () => expect(opensHeredoc(text.slice(4))).toBe(false));

  it('a config with a heredoc instruction is refused and nothing is written', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'runtime: nodejs24\ninstructions:\n  final:\n    - "RUN cat <<1"\n' });
    const result = await run(['fn', '--no-lint'], { cwd });
    expectOneLine(result, 2, /lambda-image\.yaml:4: instructions\.final\[0\]: must not use a heredoc/);
    expect(Object.keys(snapshotTree(cwd))).toEqual(['lambda-image.yaml']);
  });

  it('an accepted instruction stays one instruction in the generated Dockerfile', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'runtime: nodejs24\ninstructions:\n  final:\n    - "RUN cat <<< here"\n' });
    const result = await run(['--stdout', '--no-lint'], { cwd });
    expect(result.code).toBe(0);
    const keywords = DockerfileParser.parse(result.stdout).getInstructions().map((i) => i.getKeyword());
    expect(keywords.filter((k) => k === 'RUN').length).toBeGreaterThan(0);
    expect(keywords.at(-1)).toBe('CMD');
  });
});

describe('check --fix validates the options header like flags and config', () => {
  const injected: [string, unknown, RegExp][] = [
    ['a FROM instruction', { final: ['FROM evil.example/x'] }, /instructions\.final\[0\]: FROM is not allowed/],
    ['a heredoc', { final: ['RUN cat <<EOF'] }, /instructions\.final\[0\]: must not use a heredoc/],
    ['a line break', { build: ['RUN true\nUSER root'] }, /instructions\.build\[0\]: must be a single line/],
    ['a continuation', { final: ['RUN true \\'] }, /instructions\.final\[0\]: must not end with a line continuation/],
  ];
  for (const [what, instructions, message] of injected) {
    it(`a header with ${what} is refused and the Dockerfile is left as it was`, async () => {
      const cwd = tempDir();
      expect((await run(['fn', '--runtime', 'nodejs24', '--no-lint'], { cwd })).code).toBe(0);
      const file = join(cwd, 'fn', 'Dockerfile');
      const text = readFileSync(file, 'utf8').replace(/^(# create-lambda-image options: )(\{.*\})$/m, (_, prefix: string, json: string) => {
        return `${prefix}${JSON.stringify({ ...JSON.parse(json), instructions })}`;
      });
      writeFileSync(file, text);
      const before = snapshotTree(cwd);
      const result = await run(['check', 'fn', '--fix'], { cwd });
      expectOneLine(result, 2, message);
      expect(result.stderr).toMatch(/options header instructions/);
      expect(snapshotTree(cwd)).toEqual(before);
    });
  }

  it('a header with a handler that breaks its quote is refused', async () => {
    const cwd = tempDir();
    expect((await run(['fn', '--runtime', 'nodejs24', '--no-lint'], { cwd })).code).toBe(0);
    const file = join(cwd, 'fn', 'Dockerfile');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"handler":"[^"]*"/, '"handler":"index.handler\\"]\\nUSER root\\n#"'));
    const before = snapshotTree(cwd);
    const result = await run(['check', 'fn', '--fix'], { cwd });
    expectOneLine(result, 2, /options header handler: .* is not a Node\.js handler/);
    expect(snapshotTree(cwd)).toEqual(before);
  });
});
