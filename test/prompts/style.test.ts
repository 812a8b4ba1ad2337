import { describe, expect, it } from 'vitest';
import { ASCII_SYMBOLS, createStyle, PLAIN, supportsColor, supportsUnicode, UNICODE_SYMBOLS, unstyle } from '../../src/shared/style';

const TTY = { isTTY: true };
const PIPE = { isTTY: false };

describe('supportsColor', () => {
  it.each([
    ['a terminal', TTY, {}, true],
    ['a pipe', PIPE, {}, false],
    ['NO_COLOR on a terminal', TTY, { NO_COLOR: '1' }, false],
    ['NO_COLOR wins over FORCE_COLOR', TTY, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['an empty NO_COLOR is unset (no-color.org)', TTY, { NO_COLOR: '' }, true],
    ['FORCE_COLOR on a pipe', PIPE, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=3 on a pipe', PIPE, { FORCE_COLOR: '3' }, true],
    ['an empty FORCE_COLOR forces', PIPE, { FORCE_COLOR: '' }, true],
    ['FORCE_COLOR=0 on a terminal', TTY, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', TTY, { FORCE_COLOR: 'false' }, false],
    ['TERM=dumb', TTY, { TERM: 'dumb' }, false],
    ['TERM=dumb with FORCE_COLOR', TTY, { TERM: 'dumb', FORCE_COLOR: '1' }, true],
  ] as const)('%s', (_name, stream, env, expected) => {
    expect(supportsColor(stream, env)).toBe(expected);
  });
});

describe('supportsUnicode', () => {
  it('is on for Unix terminals except the Linux console and dumb ones', () => {
    expect(supportsUnicode({ TERM: 'xterm-256color' }, 'linux')).toBe(true);
    expect(supportsUnicode({}, 'darwin')).toBe(true);
    expect(supportsUnicode({ TERM: 'linux' }, 'linux')).toBe(false);
    expect(supportsUnicode({ TERM: 'dumb' }, 'linux')).toBe(false);
  });
  it('is on for known Windows terminals only', () => {
    expect(supportsUnicode({}, 'win32')).toBe(false);
    expect(supportsUnicode({ WT_SESSION: 'x' }, 'win32')).toBe(true);
    expect(supportsUnicode({ TERM_PROGRAM: 'vscode' }, 'win32')).toBe(true);
  });
});

describe('createStyle', () => {
  it('paints on a terminal and uses Unicode symbols', () => {
    const s = createStyle(TTY, {}, 'linux');
    expect(s.color).toBe(true);
    expect(s.green('ok')).toBe('\u001b[32mok\u001b[39m');
    expect(s.symbols).toEqual(UNICODE_SYMBOLS);
  });

  it('keeps the outer style after a nested one closes', () => {
    const s = createStyle(TTY, {}, 'linux');
    expect(s.bold(`a ${s.dim('b')} c`)).toBe('\u001b[1ma \u001b[2mb\u001b[22m\u001b[1m c\u001b[22m');
    expect(unstyle(s.bold(`a ${s.dim('b')} c`))).toBe('a b c');
  });

  it('NO_COLOR: no escape codes, symbols stay on a terminal', () => {
    const s = createStyle(TTY, { NO_COLOR: '1' }, 'linux');
    expect(s.red('x')).toBe('x');
    expect(s.symbols.tick).toBe(UNICODE_SYMBOLS.tick);
  });

  it('a pipe gets plain text and ASCII symbols; FORCE_COLOR brings both back', () => {
    const piped = createStyle(PIPE, {}, 'linux');
    expect(piped.cyan('x')).toBe('x');
    expect(piped.symbols).toEqual(ASCII_SYMBOLS);
    const forced = createStyle(PIPE, { FORCE_COLOR: '1' }, 'linux');
    expect(forced.cyan('x')).toBe('\u001b[36mx\u001b[39m');
    expect(forced.symbols).toEqual(UNICODE_SYMBOLS);
  });

  it('PLAIN never paints and uses ASCII symbols', () => {
    expect(PLAIN.bold('x')).toBe('x');
    expect(Object.values(PLAIN.symbols).every((v) => /^[\x20-\x7e]+$/.test(v))).toBe(true);
  });
});
