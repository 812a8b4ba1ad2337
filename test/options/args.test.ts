/** One parser for every command: the same grammar, the same refusals, the same suggestions. */
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, type FlagSpec } from '../../src/shared/args';
import { UsageError } from '../../src/shared/errors';
import { run, snapshotTree } from '../support/run';

const SPECS: readonly FlagSpec[] = [
  { key: 'mode', flag: 'mode', short: 'm', type: 'string', choices: ['fast', 'slow'], description: 'a choice' },
  { key: 'name', flag: 'name', type: 'string', valueName: 'name', description: 'free text' },
  { key: 'tag', flag: 'tag', type: 'list', valueName: 'tag', description: 'repeatable' },
  { key: 'code', flag: 'code', type: 'list', commaList: true, description: 'repeatable, comma-separated' },
  { key: 'count', flag: 'count', type: 'integer', min: 1, max: 9, description: 'a number' },
  { key: 'color', flag: 'color', type: 'boolean', description: 'a switch' },
  { key: 'yes', flag: 'yes', short: 'y', type: 'boolean', description: 'a switch with a short form' },
  { key: 'even', flag: 'even', type: 'list', description: 'checked by a function', check: (v) => (Number(v) % 2 === 0 ? undefined : `${v} is not even`) },
];

const parse = (argv: string[]) => parseCommandArgs(argv, SPECS, { command: 'demo' });
const refusal = (argv: string[]) => {
  try {
    parse(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

describe('parseCommandArgs', () => {
  it('reads --flag value, --flag=value, short flags, --no-<flag>, repeated and comma lists, and --', () => {
    expect(parse(['a', '--mode', 'fast', '--name=x=y', '-y', '--no-color', '--tag', 'one', '--tag=two', '--code', 'A,B', '--code', 'C', '--count', '3', '--', '--odd', '-'])).toEqual({
      values: { mode: 'fast', name: 'x=y', yes: true, color: false, tag: ['one', 'two'], code: ['A', 'B', 'C'], count: 3 },
      positionals: ['a', '--odd', '-'],
      help: false,
      version: false,
    });
    expect(parse(['-m', 'slow', '--color=true']).values).toEqual({ mode: 'slow', color: true });
    expect(parse(['-']).positionals).toEqual(['-']);
  });

  it('refuses with one line in one wording', () => {
    expect(refusal(['--mod', 'fast'])).toBe('unknown flag --mod for demo; did you mean --mode? valid flags: --mode, --name, --tag, --code, --count, --color, --yes, --even, --help');
    expect(refusal(['-q'])).toMatch(/^unknown flag -q for demo; valid flags:/);
    expect(refusal(['--no-name'])).toMatch(/^unknown flag --no-name for demo;/);
    expect(refusal(['--mode', 'fats'])).toBe('--mode: invalid value "fats"; did you mean fast?; choose one of: fast, slow');
    expect(refusal(['--mode'])).toBe('--mode needs a value (one of: fast, slow)');
    expect(refusal(['--name', '--color'])).toBe('--name needs a value <name>');
    expect(refusal(['--name='])).toBe('--name needs a value <name>');
    expect(refusal(['--name', 'a', '--name', 'b'])).toBe('--name was given twice');
    expect(refusal(['--color=yes'])).toBe('--color takes true or false, not "yes"');
    expect(refusal(['--no-color=false'])).toBe('--no-color takes no value');
    expect(refusal(['--count', '1.5'])).toBe('--count must be a whole number, got 1.5');
    expect(refusal(['--count', '10'])).toBe('--count must be between 1 and 9, got 10');
    expect(refusal(['--help=1'])).toBe('--help takes no value');
    expect(refusal(['--even', '2', '--even', '3'])).toBe('--even: 3 is not even');
    expect(parse(['--even', '2', '--even', '4']).values).toEqual({ even: ['2', '4'] });
  });

  it('--help answers whatever else was given; --version only where the command has it', () => {
    expect(parse(['--mode', 'nope', '--bogus', '-h']).help).toBe(true);
    expect(refusal(['--version'])).toMatch(/^unknown flag --version for demo/);
    expect(parseCommandArgs(['-v'], SPECS, { version: true }).version).toBe(true);
  });
});

describe('every command refuses an unknown flag the same way', () => {
  for (const [command, typo, meant] of [
    [undefined, '--forse', '--force'],
    ['lint', '--formt', '--format'],
    ['check', '--fxi', '--fix'],
    ['list', '--jsno', '--json'],
    ['verify', '--evnet', '--event'],
  ] as const) {
    it(`${command ?? 'create'} ${typo}: one line naming ${meant}, exit 2, nothing written`, async () => {
      const r = await run([...(command ? [command] : []), typo]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^create-lambda-image: unknown flag ${typo}${command ? ` for ${command}` : ''}; did you mean ${meant}\\? valid flags: [^\\n]*--help(, --version)?\\n$`));
      expect(snapshotTree(r.cwd)).toEqual({});
    });
  }

  it('and a value outside its choices the same way', async () => {
    for (const argv of [['fn', '--runtime', 'nodejs22', '--arch', 'x86-64'], ['lint', '--arch', 'x86-64'], ['verify', 'img', '--arch', 'x86-64']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toBe('create-lambda-image: --arch: invalid value "x86-64"; did you mean x86_64?; choose one of: x86_64, arm64\n');
    }
  });
});
