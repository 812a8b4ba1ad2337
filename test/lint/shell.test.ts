import { describe, expect, it } from 'vitest';
import { afterSubcommand, hasFlag, operands, parseShell, pipArgs, programName, unwrap } from '../../src/lint/shell';

const words = (s: string): string[][] => parseShell(s).commands.map((c) => c.words);

describe('shell splitter', () => {
  it('splits on && || ; | & and newlines', () => {
    expect(words('a 1 && b 2 || c; d | e & f\ng')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f'], ['g']]);
    expect(parseShell('a | b').hasPipe).toBe(true);
    expect(parseShell('a || b').hasPipe).toBe(false);
    expect(parseShell('a |& b').hasPipe).toBe(true);
  });

  it('respects quotes and escapes', () => {
    expect(words(`echo "a && b" 'c | d' e\\ f "x\\"y"`)).toEqual([['echo', 'a && b', 'c | d', 'e f', 'x"y']]);
    expect(parseShell('echo "a | b"').hasPipe).toBe(false);
  });

  it('joins backslash-newline and skips comments', () => {
    expect(words('apt-get install \\\n  -y curl # trailing\n# whole line\nls')).toEqual([['apt-get', 'install', '-y', 'curl'], ['ls']]);
    expect(words('echo a#b')).toEqual([['echo', 'a#b']]);
  });

  it('drops redirections and their targets', () => {
    expect(words('curl -o x https://y > /dev/null 2>&1 < in')).toEqual([['curl', '-o', 'x', 'https://y']]);
    expect(words('make 2> err.log &> all.log')).toEqual([['make']]);
  });

  it('skips heredoc bodies', () => {
    expect(words('cat <<EOF > /x\napt-get install y\nEOF\nls')).toEqual([['cat'], ['ls']]);
    expect(words("cat <<-'END'\n\tyum x\n\tEND\nrm a")).toEqual([['cat'], ['rm', 'a']]);
    expect(words('cat <<< "here"')).toEqual([['cat']]);
  });

  it('looks inside subshells and command substitutions but not arithmetic', () => {
    expect(words('(cd /x && make)')).toEqual([['cd', '/x'], ['make']]);
    expect(words('echo $(apt-get install -y x) `yum y`')).toEqual([['echo', '$(apt-get install -y x)', '`yum y`'], ['apt-get', 'install', '-y', 'x'], ['yum', 'y']]);
    expect(words('echo $((1 << 2))')).toEqual([['echo', '$((1 << 2))']]);
    expect(words('echo "${A:-x y}"')).toEqual([['echo', '${A:-x y}']]);
  });

  it('strips compound-command words and assignments', () => {
    expect(words('if [ -f x ]; then rm x; else touch x; fi')).toEqual([['[', '-f', 'x', ']'], ['rm', 'x'], ['touch', 'x']]);
    expect(words('for f in a b; do echo $f; done')).toEqual([['echo', '$f']]);
    expect(words('while read l; do echo; done < f')).toEqual([['read', 'l'], ['echo']]);
    expect(words('{ a; b; }')).toEqual([['a'], ['b']]);
    const c = parseShell('PIP_NO_CACHE_DIR=1 A=b pip install x').commands[0]!;
    expect(c.assignments).toEqual(['PIP_NO_CACHE_DIR=1', 'A=b']);
    expect(c.words).toEqual(['pip', 'install', 'x']);
  });

  it('finds programs behind sudo/env and by basename', () => {
    const c = parseShell('sudo -E env DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y x').commands[0]!;
    expect(programName(c)).toBe('sudo');
    expect(programName(unwrap(c))).toBe('apt-get');
  });

  it('recognises pip in its spellings', () => {
    const pip = (s: string) => pipArgs(parseShell(s).commands[0]!);
    expect(pip('pip install x')).toEqual(['install', 'x']);
    expect(pip('pip3.12 install x')).toEqual(['install', 'x']);
    expect(pip('python -m pip install x')).toEqual(['install', 'x']);
    expect(pip('python3.13 -m pip install x')).toEqual(['install', 'x']);
    expect(pip('python app.py')).toBeNull();
    expect(pip('pipx install x')).toBeNull();
  });

  it('reads flags, operands and subcommands', () => {
    expect(hasFlag(['-qy'], 'y')).toBe(true);
    expect(hasFlag(['-qO-'], 'q')).toBe(true);
    expect(hasFlag(['--yes'], 'yes')).toBe(true);
    expect(hasFlag(['--progress=dot'], 'progress')).toBe(true);
    expect(hasFlag(['--', '-y'], 'y')).toBe(false);
    expect(operands(['-t', 'rel', 'a', '--x=1', 'b'], ['t'])).toEqual(['a', 'b']);
    expect(afterSubcommand(['-o', 'Opt=1', 'install', 'a'], ['install'], ['o'])).toEqual(['a']);
    expect(afterSubcommand(['update'], ['install'])).toBeNull();
  });

  it('survives unbalanced input', () => {
    for (const s of ['"unterminated', "'x", '$(a', '`b', '${', 'a <<', '((', ')))', '\\']) expect(() => parseShell(s)).not.toThrow();
  });
});
