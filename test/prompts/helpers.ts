/**
 * Two ways to drive the prompts: `fakeAsk` answers by option key (and records every question),
 * `FakeTerminal` types keystrokes into the real @inquirer prompts through TTY-looking streams.
 */
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { main } from '../../src/cli';
import type { Ask, ChoiceQuestion, ConfirmQuestion, TextQuestion } from '../../src/inputs/prompts';
import type { Io } from '../../src/shared/io';
import { TODAY } from '../support/run';

export type Asked =
  | { kind: 'text'; q: TextQuestion }
  | { kind: 'select' | 'search'; q: ChoiceQuestion }
  | { kind: 'confirm'; q: ConfirmQuestion };

type Answer = string | boolean | Error | ((asked: Asked) => string | boolean);

/**
 * Answers questions by key. A question with no answer fails the test (so "never asks a key
 * already given" is checked by every test); `asked` keeps them all, in order.
 */
export function fakeAsk(answers: Record<string, Answer>): Ask & { asked: Asked[]; keys: () => string[] } {
  const asked: Asked[] = [];
  const answer = async (a: Asked): Promise<string | boolean> => {
    asked.push(a);
    if (!(a.q.key in answers)) throw new Error(`unexpected question ${a.q.key}: ${a.q.message}`);
    const given = answers[a.q.key]!;
    if (given instanceof Error) throw given;
    const value = typeof given === 'function' ? given(a) : given;
    if (a.kind === 'text' && typeof value === 'string' && a.q.validate) {
      const ok = a.q.validate(value);
      if (ok !== true) throw new Error(`answer ${JSON.stringify(value)} for ${a.q.key} fails validation: ${ok}`);
    }
    if ((a.kind === 'select' || a.kind === 'search') && !a.q.choices.some((c) => c.value === value && !c.disabled)) {
      throw new Error(`answer ${JSON.stringify(value)} for ${a.q.key} is not among ${a.q.choices.filter((c) => !c.disabled).map((c) => c.value).join(', ')}`);
    }
    return value;
  };
  return {
    asked,
    keys: () => asked.map((a) => a.q.key),
    text: async (q) => String(await answer({ kind: 'text', q })),
    select: async <T extends string>(q: ChoiceQuestion<T>) => (await answer({ kind: 'select', q: q as ChoiceQuestion })) as T,
    search: async <T extends string>(q: ChoiceQuestion<T>) => (await answer({ kind: 'search', q: q as ChoiceQuestion })) as T,
    confirm: async (q) => Boolean(await answer({ kind: 'confirm', q })),
  };
}

/** Captures writes to a stream. */
export function sink(tty = false): PassThrough & { isTTY?: boolean; columns?: number; text: () => string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number; text: () => string };
  let out = '';
  stream.on('data', (d) => (out += d));
  stream.text = () => out;
  if (tty) {
    stream.isTTY = true;
    stream.columns = 120;
  }
  return stream;
}

export const KEY = {
  enter: '\r',
  down: '\u001b[B',
  up: '\u001b[A',
  ctrlC: '\u0003',
  backspace: '\u007f',
} as const;

/**
 * A terminal for the real prompts: stdin and stdout claim to be TTYs; `waitFor` watches what the
 * prompts print (colours stripped) from the last match on, so each step waits for a new render.
 */
export class FakeTerminal {
  readonly stdin = new PassThrough() as PassThrough & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (on: boolean) => void };
  readonly stdout = sink(true);
  readonly stderr = sink(false);
  private mark = 0;

  constructor() {
    this.stdin.isTTY = true;
    this.stdin.isRaw = false;
    this.stdin.setRawMode = (on: boolean) => {
      this.stdin.isRaw = on;
    };
  }

  /** Everything printed so far, raw (with escape sequences). */
  raw(): string {
    return this.stdout.text();
  }

  screen(): string {
    return stripVTControlCharacters(this.raw());
  }

  async waitFor(pattern: RegExp, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      const rest = text.slice(this.mark);
      const m = pattern.exec(rest);
      if (m) {
        this.mark += m.index + m[0].length;
        return rest;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${pattern}; the screen after the last match:\n${rest}\n--- stderr:\n${this.stderr.text()}`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Types keys, one chunk each (as a terminal sends them). */
  async type(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.stdin.write(k);
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  io(cwd: string, env: NodeJS.ProcessEnv = {}, now: Date = TODAY): Io {
    return { cwd, env, stdin: this.stdin, stdout: this.stdout, stderr: this.stderr, now: () => now };
  }
}

/** Starts the whole CLI in-process on a fake terminal; await `done` for the exit code. */
export function startCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): { term: FakeTerminal; done: Promise<number> } {
  const term = new FakeTerminal();
  const done = main(argv, term.io(cwd, env));
  return { term, done };
}
