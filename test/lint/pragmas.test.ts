import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/lint/dockerfile';
import { parsePragmas } from '../../src/lint/pragmas';
import { lintAll } from './helpers';

const codesAt = (text: string, line: number): string[] => lintAll(text).filter((f) => f.line === line).map((f) => f.code);

describe('hadolint pragmas (DL and SC codes)', () => {
  const base = 'FROM debian:12\n';
  it('ignore= applies to the next line only', () => {
    const text = `${base}# hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\nRUN apt-get install -y wget`;
    expect(codesAt(text, 3)).not.toContain('DL3008');
    expect(codesAt(text, 3)).not.toContain('DL3015');
    expect(codesAt(text, 4)).toContain('DL3008');
  });
  it('allows spaces after commas and a trailing comment', () => {
    const text = `${base}# hadolint ignore=DL3008, DL3015 # reviewed\nRUN apt-get install -y curl`;
    expect(codesAt(text, 3)).not.toContain('DL3008');
  });
  it('global ignore= applies everywhere, wherever it sits', () => {
    const text = `${base}RUN apt-get install -y curl\nRUN apt-get install -y wget\n# hadolint global ignore=DL3008`;
    expect(lintAll(text).map((f) => f.code)).not.toContain('DL3008');
  });
  it('stage ignore= right above a FROM covers that stage only', () => {
    const text = '# hadolint stage ignore=DL3008\nFROM debian:12 AS build\nRUN apt-get install -y curl\nFROM debian:12\nRUN apt-get install -y curl';
    expect(codesAt(text, 3)).not.toContain('DL3008');
    expect(codesAt(text, 5)).toContain('DL3008');
  });
  it('drops the whole pragma when it lists a foreign code, as hadolint does, and says so', () => {
    const text = `${base}# hadolint ignore=DL3008,LAM007\nRUN apt-get install -y curl`;
    expect(codesAt(text, 3)).toContain('DL3008');
    expect(codesAt(text, 2)).toEqual(['LAM024']);
  });
  it('does not let hadolint pragmas silence LAM codes', () => {
    const text = 'FROM public.ecr.aws/lambda/python:3.13\n# hadolint global ignore=DL3033\nRUN yum install -y gcc';
    expect(codesAt(text, 3)).toContain('LAM007');
  });
});

describe('lambda-lint pragmas (LAM codes)', () => {
  it('ignore= applies to the next instruction, stacked under a hadolint pragma', () => {
    const text = 'FROM public.ecr.aws/lambda/python:3.13\n# lambda-lint ignore=LAM007,LAM019\n# hadolint ignore=DL3033,DL3030,DL3032\nRUN yum install gcc\nRUN yum install -y gcc';
    expect(codesAt(text, 4)).toEqual([]);
    expect(codesAt(text, 5)).toContain('LAM007');
  });
  it('global ignore= and stage ignore=', () => {
    const text = '# lambda-lint stage ignore=LAM007\nFROM public.ecr.aws/lambda/python:3.13 AS b\nRUN yum install -y gcc\nFROM public.ecr.aws/lambda/python:3.13\nRUN yum install -y gcc\n# lambda-lint global ignore=LAM019';
    expect(codesAt(text, 3)).not.toContain('LAM007');
    expect(codesAt(text, 5)).toContain('LAM007');
    expect(lintAll(text).map((f) => f.code)).not.toContain('LAM019');
  });
  it('is case-insensitive for codes and does not touch DL codes by hadolint pragma rules', () => {
    const p = parsePragmas(parseDockerfile('FROM a:1\n# lambda-lint ignore=lam001\nRUN x'));
    expect([...p.lambda.lines.get(3)!]).toEqual(['LAM001']);
    expect(p.hadolint.lines.size).toBe(0);
  });
});
