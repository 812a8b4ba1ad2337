import { expect } from 'vitest';
import type { RunResult } from '../support/run';

/** A refusal: the exit code, exactly one line on stderr matching `message`, nothing on stdout. */
export function expectOneLine(result: RunResult, code: number, message: RegExp): string {
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code, stdout: '' });
  const lines = result.stderr.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^create-lambda-image: /);
  expect(lines[0]).toMatch(message);
  // Nothing a terminal would act on: no control characters, no Unicode line separators.
  expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  return lines[0]!;
}
