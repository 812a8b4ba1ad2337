/** Thousands of mutated Dockerfiles through the built-in engine: it never throws, findings stay well-formed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintSync } from '../../src/lint';
import type { Finding } from '../../src/lint/types';
import { TODAY } from './helpers';

const KEYWORDS = ['FROM', 'from', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'ARG', 'WORKDIR', 'USER', 'SHELL', 'VOLUME', 'EXPOSE', 'LABEL', 'HEALTHCHECK', 'ONBUILD', 'STOPSIGNAL', 'MAINTAINER', 'FOO', ''];
const PIECES = [
  'public.ecr.aws/lambda/python:3.13', 'public.ecr.aws/lambda/provided:al2', 'alpine', 'node:22-alpine', 'scratch', '${BASE}', '$X:${Y:-1}', 'AS build', 'AS',
  '--platform=linux/arm64', '--platform=$BUILDPLATFORM', '--from=build', '--chmod=600', '--chmod=u=rwx,go=', '--mount=type=cache,target=/root/.cache/pip', '--link',
  '["a", "b"]', '["a",]', '[', ']', '"', "'", '\\', '`', '$(', ')', '((', '<<EOF', '<< EOF', '<<-EOT', "<<'EOF'", 'EOF', '|', '||', '&&', ';', '#',
  '# hadolint ignore=DL3008,LAM001', '# lambda-lint global ignore=LAM002',
  'apt-get install -y curl', 'yum install gcc', 'dnf install -y findutils', 'pip install x', 'python -m pip install -r r.txt', 'npm i aws-lambda-ric', 'apk add gcc',
  'sudo', 'cd /tmp', 'find / -name x', 'chmod 700 /var/task', 'umask 077',
  'app.handler', 'AWS_REGION=us-east-1', 'HOME=/root', '/tmp/x', '${LAMBDA_TASK_ROOT}/', 'é', '日本', '\u0000', '\u200b', '🐳', '\t', '\r',
];

const line = fc
  .tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 6 }))
  .map(([k, rest]) => [k, ...rest].join(' '));
const dockerfile = fc
  .array(fc.oneof({ weight: 5, arbitrary: line }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }), { maxLength: 25 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', ' \\\n').map((sep) => lines.join(sep)));

const SEED = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=public.ecr.aws/lambda/python',
  'FROM --platform=$BUILDPLATFORM golang:1.23 AS build',
  'RUN <<EOF',
  'set -e',
  'go build -o /out/bootstrap .',
  'EOF',
  'FROM ${BASE}:3.13',
  'RUN dnf install -y gcc && \\',
  '    # comment inside',
  '    pip install --no-cache-dir -r requirements.txt -t "${LAMBDA_TASK_ROOT}" && dnf clean all',
  'COPY --from=build --chmod=755 /out/bootstrap /var/runtime/bootstrap',
  'ENV HOME=/tmp A="x y"',
  'CMD ["app.handler"]',
  '',
].join('\n');

/** Random edits of a realistic file: delete, insert or replace characters and whole pieces. */
const mutated = fc
  .array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.oneof(fc.constantFrom(...PIECES, '\n', 'RUN ', 'FROM ', 'CMD ['), fc.string({ maxLength: 5 }))), { minLength: 1, maxLength: 8 })
  .map((edits) =>
    edits.reduce((text, [pos, del, ins]) => {
      const at = pos % (text.length + 1);
      return text.slice(0, at) + ins + text.slice(at + del);
    }, SEED),
  );

function wellFormed(findings: Finding[], text: string): void {
  const lines = text.split(/\r?\n|\r/).length + 1;
  let last = 0;
  for (const f of findings) {
    expect(Object.keys(f)).toEqual(['code', 'column', 'file', 'level', 'line', 'message']);
    expect(f.code).toMatch(/^(DL|SC|LAM)\d{3,4}$/);
    expect(['error', 'warning', 'info', 'style']).toContain(f.level);
    expect(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(typeof f.message === 'string' && f.message.length > 0).toBe(true);
    expect(f.message).not.toMatch(/internal error in rule/);
    expect(f.line).toBeGreaterThanOrEqual(last);
    last = f.line;
  }
}

describe('built-in engine under random input', () => {
  it('survives generated Dockerfiles', () => {
    fc.assert(
      fc.property(dockerfile, fc.constantFrom<'x86_64' | 'arm64' | undefined>('x86_64', 'arm64', undefined), (text, arch) => {
        wellFormed(lintSync(text, { today: TODAY, ...(arch ? { arch } : {}) }), text);
      }),
      { numRuns: 2500 },
    );
    // 2,500 runs: seconds on an idle machine, far more beside image builds; not a speed check.
  }, 180_000);

  it('survives mutations of a realistic Dockerfile', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        wellFormed(lintSync(text, { today: TODAY }), text);
      }),
      { numRuns: 2500 },
    );
    // 2,500 runs: seconds on an idle machine, far more beside image builds; not a speed check.
  }, 180_000);
});

describe('inputs the property tests found', () => {
  it('a RUN whose continuation holds an escaped comment after a heredoc (dockerfile-ast throws in getHeredocs)', () => {
    const text = SEED.replace('    # comment inside', '  \\# comment inside');
    expect(() => wellFormed(lintSync(text, { today: TODAY }), text)).not.toThrow();
  });
});
