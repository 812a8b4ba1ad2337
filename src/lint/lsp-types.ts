/**
 * The two constructors dockerfile-ast takes from vscode-languageserver-types. The bundle aliases
 * that 100 kB module to this one (scripts/build.mjs), which the linter's start-up time shows;
 * tests run the real module, and a test compares the bundle's findings with the source's.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

const UINTEGER_MAX = 2147483647;

export const Position = {
  create(line: number, character: number): Position {
    return { line: line === Number.MAX_VALUE ? UINTEGER_MAX : line, character: character === Number.MAX_VALUE ? UINTEGER_MAX : character };
  },
};

export const Range = {
  create(one: number | Position, two: number | Position, three?: number, four?: number): Range {
    if (typeof one === 'number' && typeof two === 'number' && typeof three === 'number' && typeof four === 'number') {
      return { start: Position.create(one, two), end: Position.create(three, four) };
    }
    if (typeof one === 'object' && typeof two === 'object') return { start: one, end: two };
    throw new Error(`Range.create called with invalid arguments [${String(one)}, ${String(two)}, ${String(three)}, ${String(four)}]`);
  },
};
