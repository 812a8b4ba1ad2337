import { describe, expect, it } from 'vitest';
import { quote } from '../../src/shared/quote';
import { writeTree } from '../config/helpers';
import { run, snapshotTree, tempDir } from '../support/run';
import { expectOneLine } from './helpers';

const LONG = `${'A'.repeat(5000)}\nFORGED LINE`;
const ESCAPES = 'nodejs\u001b[2J\u001b]0;title\u0007\u009b31m\u2028x\r';

describe('error messages are one line whatever the value', () => {
  const cases: [string, string[]][] = [
    ['a long multi-line runtime', ['fn', '--runtime', LONG]],
    ['escape codes in a runtime', ['fn', '--runtime', ESCAPES]],
    ['a long handler', ['fn', '--runtime', 'nodejs24', '--handler', LONG]],
    ['a long unknown flag', [`--${'x'.repeat(5000)}\nFORGED`]],
    ['a long folder', [`${'d'.repeat(3000)}"\n`, '--runtime', 'nodejs24']],
    ['two long folders', [LONG, ESCAPES, '--runtime', 'nodejs24']],
    ['a long boolean value', ['fn', '--runtime', 'nodejs24', `--typescript=${LONG}`]],
    ['a long function name', ['fn', '--runtime', 'nodejs24', `--function-name=${LONG}`]],
    ['a long image', ['fn', '--base', 'image', '--runtime', 'nodejs24', '--image', LONG]],
  ];
  for (const [what, argv] of cases) {
    it(`${what}: one short line, exit 2, nothing written`, async () => {
      const cwd = tempDir();
      const result = await run([...argv, '--no-lint'], { cwd });
      const line = expectOneLine(result, 2, /./);
      // The value may be shown, but shortened and with its line break escaped.
      expect(line).not.toContain('A'.repeat(100));
      expect(line.length).toBeLessThan(1200);
      expect(snapshotTree(cwd)).toEqual({});
    });
  }

  it('a long value from a config file is shortened too', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': `runtime: ${JSON.stringify(LONG)}\n` });
    const line = expectOneLine(await run(['fn', '--no-lint'], { cwd }), 2, /^create-lambda-image: lambda-image\.yaml:1: runtime: "A+…\\nFORGED LINE" is not a runtime/);
    expect(line.length).toBeLessThan(1200);
  });

  it('quote keeps the start and the end of a long value and escapes what a terminal acts on', () => {
    expect(quote('x'.repeat(200))).toBe(`"${'x'.repeat(60)}…${'x'.repeat(12)}"`);
    expect(quote(ESCAPES)).toBe('"nodejs\\u001b[2J\\u001b]0;title\\u0007\\u009b31m\\u2028x\\r"');
  });
});
