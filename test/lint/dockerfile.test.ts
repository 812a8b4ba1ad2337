/** The adapter hides dockerfile-ast's quirks; one test per quirk. */
import { describe, expect, it } from 'vitest';
import { expand, flagValue, parseDockerfile } from '../../src/lint/dockerfile';

const one = (text: string, keyword: string) => parseDockerfile(text).instructions.find((i) => i.keyword === keyword)!;

describe('dockerfile adapter', () => {
  it('decodes JSON strings from their source (getJSONValue() would drop spaces and mangle escapes)', () => {
    const cmd = one('FROM a:1\nCMD ["sh", "-c", "echo hi  there", "\\u0041", "C:\\\\data"]', 'CMD');
    expect(cmd.exec).toBe(true);
    expect(cmd.json).toEqual(['sh', '-c', 'echo hi  there', 'A', 'C:\\data']);
  });

  it('treats invalid JSON as shell form, as Docker does', () => {
    expect(one("CMD ['single']", 'CMD').exec).toBe(false);
    expect(one('CMD ["a",]', 'CMD').exec).toBe(false);
    expect(one('CMD ["a", 1]', 'CMD').exec).toBe(false);
    expect(one('CMD ["a",]', 'CMD').script).toBe('["a",]');
  });

  it('reads every COPY flag (getFromFlag() returns null when there are several)', () => {
    const copy = one('FROM a:1 AS b\nFROM c:1\nCOPY --from=b --chmod=755 --link a /b', 'COPY');
    expect(flagValue(copy, 'from')).toBe('b');
    expect(flagValue(copy, 'chmod')).toBe('755');
    expect(flagValue(copy, 'link')).toBeNull();
    expect(flagValue(copy, 'chown')).toBeUndefined();
    expect(copy.args).toEqual(['a', '/b']);
  });

  it('drops comment lines inside continuations from the RUN script', () => {
    const run = one('RUN pip install \\\n  # pinned below\n  --no-cache-dir \\\n\n  x==1', 'RUN');
    expect(run.script).toBe('pip install   --no-cache-dir   x==1');
    expect(parseDockerfile('RUN a \\\n# c\n b').comments.map((c) => c.text)).toEqual(['c']);
  });

  it('joins continuations with a custom escape character', () => {
    const df = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  c:\\');
    expect(df.escape).toBe('`');
    expect(df.instructions[1]!.script).toBe('dir   c:\\');
    expect(df.directives).toEqual([{ name: 'escape', value: '`', line: 1 }]);
  });

  it('runs a RUN <<EOF body as the script and keeps bodies out of args and comments', () => {
    const run = one('FROM a:1\nRUN <<EOF\n# not a comment\nset -e\napt-get update\nEOF\nRUN echo done', 'RUN');
    expect(run.script).toBe('# not a comment\nset -e\napt-get update');
    expect(run.args).toEqual(['<<EOF']);
    expect(run.heredocs).toEqual([{ name: 'EOF', body: '# not a comment\nset -e\napt-get update', line: 3 }]);
    const df = parseDockerfile('FROM a:1\nRUN <<EOF\n# not a comment\nEOF');
    expect(df.comments).toEqual([]);
  });

  it('keeps `cmd <<EOF` as a shell heredoc script, including several heredocs', () => {
    expect(one('RUN python3 <<EOF > out\nprint(1)\nEOF', 'RUN').script).toBe('python3 <<EOF > out\nprint(1)\nEOF');
    const two = one('RUN <<A <<B\na1\nA\nb1\nB', 'RUN');
    expect(two.heredocs.map((h) => h.name)).toEqual(['A', 'B']);
  });

  it('does not parse `<< EOF` (space) body lines as instructions, and records the space', () => {
    const df = parseDockerfile("FROM alpine:3.20\nRUN cat << 'EOF' > /x\nsetopt x\nEOF\nRUN echo after");
    expect(df.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'RUN']);
    expect(df.errors).toEqual([]);
    expect(df.heredocSpaces).toEqual([{ line: 2, column: 9, message: 'EOF' }]);
    expect(df.instructions[1]!.heredocs[0]!.body).toBe('setopt x');
    expect(df.instructions[2]!.line).toBe(5);
  });

  it('models stages: names, raw and expanded images, platform, parents, final', () => {
    const df = parseDockerfile('ARG BASE=public.ecr.aws/lambda/python\nARG V=3.13\nFROM --platform=$BUILDPLATFORM ${BASE}:${V} AS Build\nFROM build AS final\nFROM ${MISSING}:1');
    expect(df.stages.map((s) => [s.index, s.name, s.image, s.expandedImage, s.platform, s.parent, s.isFinal])).toEqual([
      [0, 'Build', '${BASE}:${V}', 'public.ecr.aws/lambda/python:3.13', '$BUILDPLATFORM', null, false],
      [1, 'final', 'build', 'build', null, 0, false],
      [2, null, '${MISSING}:1', null, null, null, true],
    ]);
    expect(df.globalArgs.get('V')).toBe('3.13');
  });

  it('reads the FROM image as Docker does, without its quotes', () => {
    const df = parseDockerfile('ARG T=3.13\nFROM "public.ecr.aws/lambda/python:${T}" AS a\nFROM \'debian:12-slim\'');
    expect(df.stages.map((s) => s.expandedImage)).toEqual(['public.ecr.aws/lambda/python:3.13', 'debian:12-slim']);
  });

  it('gives 1-based positions and stage indexes, -1 before the first FROM', () => {
    const df = parseDockerfile('ARG X=1\n\n  FROM a:1\n  RUN echo');
    expect(df.instructions.map((i) => [i.keyword, i.line, i.column, i.stage])).toEqual([['ARG', 1, 1, -1], ['FROM', 3, 3, 0], ['RUN', 4, 3, 0]]);
  });

  it('exposes ENV/ARG/LABEL pairs, old-style ENV included', () => {
    expect(one('ENV A=1 B="x y"', 'ENV').pairs).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'x y' }]);
    expect(one('ENV C 2 3', 'ENV').pairs).toEqual([{ name: 'C', value: '2 3' }]);
    expect(one('ARG NAME', 'ARG').pairs).toEqual([{ name: 'NAME', value: null }]);
  });

  it('tracks the SHELL in effect, inherited by stages built FROM a stage', () => {
    const df = parseDockerfile('FROM a:1 AS one\nSHELL ["/bin/bash", "-c"]\nRUN x\nFROM one\nRUN y\nFROM b:1\nRUN z');
    expect(df.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.shell[0])).toEqual(['/bin/bash', '/bin/bash', '/bin/sh']);
  });

  it('exposes ONBUILD triggers as instructions with their own flags', () => {
    const ob = one('FROM a:1\nONBUILD COPY --from=b --chmod=600 a /b', 'ONBUILD');
    expect(ob.trigger?.keyword).toBe('COPY');
    expect(flagValue(ob.trigger!, 'chmod')).toBe('600');
  });

  it('reads RUN flags separately from the script', () => {
    const run = one('RUN --mount=type=cache,target=/root/.cache \\\n  pip install x', 'RUN');
    expect(run.flags).toEqual([{ name: 'mount', value: 'type=cache,target=/root/.cache' }]);
    expect(run.script).toBe('pip install x');
  });

  it('separates comments from parser directives; a pragma at the top is a comment', () => {
    const df = parseDockerfile('# syntax=docker/dockerfile:1\n# hadolint ignore=DL3008\nFROM a:1\n# escape=`');
    expect(df.directives).toEqual([{ name: 'syntax', value: 'docker/dockerfile:1', line: 1 }]);
    expect(df.comments).toEqual([{ line: 2, text: 'hadolint ignore=DL3008' }, { line: 4, text: 'escape=`' }]);
  });

  it('handles CRLF and a BOM', () => {
    const df = parseDockerfile('\uFEFFFROM a:1\r\nRUN echo a \\\r\n  b\r\nCMD ["x"]\r\n');
    expect(df.instructions.map((i) => [i.keyword, i.line])).toEqual([['FROM', 1], ['RUN', 2], ['CMD', 4]]);
    expect(df.instructions[1]!.script).toBe('echo a   b');
    expect(df.instructions[2]!.json).toEqual(['x']);
  });

  it('reports what Docker cannot build instead of throwing', () => {
    expect(parseDockerfile('').errors[0]!.message).toMatch(/empty/);
    expect(parseDockerfile('# only a comment\n').errors).toHaveLength(1);
    expect(parseDockerfile('FROM a:1\nFOO bar').errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(parseDockerfile('FROM').errors[0]!.message).toMatch(/needs arguments/);
    expect(() => parseDockerfile('\u0000\u0001\\\n["\n${')).not.toThrow();
  });

  it('expands global ARGs with defaults and alternatives', () => {
    const vars = new Map<string, string | null>([['A', 'x'], ['E', ''], ['N', null]]);
    expect(expand('${A}:$A', vars)).toBe('x:x');
    expect(expand('${E:-d}/${N:-d}/${Z-d}/${E-d}', vars)).toBe('d/d/d/');
    expect(expand('${A:+alt}${N:+alt}', vars)).toBe('alt');
    expect(expand('${N}', vars)).toBeNull();
    expect(expand('$UNKNOWN/x', vars)).toBeNull();
  });
});
