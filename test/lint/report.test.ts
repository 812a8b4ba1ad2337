import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatJson, formatSarif, formatTty, toUri } from '../../src/lint/report';
import type { Finding } from '../../src/lint/types';
import { lintAll } from './helpers';
import { FIXTURES } from './io';

const FINDINGS: Finding[] = lintAll('FROM public.ecr.aws/lambda/python:3.10\nRUN yum install gcc && curl x | sh\nUSER 1000\nCMD app:handler\n').map((f) => ({ ...f, file: 'dir with space/Dockerfile' }));

describe('json format', () => {
  it('is exactly hadolint\'s shape: one array, keys code, column, file, level, line, message', () => {
    const parsed = JSON.parse(formatJson(FINDINGS)) as Record<string, unknown>[];
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed.length).toBe(FINDINGS.length);
    for (const f of parsed) {
      expect(Object.keys(f)).toEqual(['code', 'column', 'file', 'level', 'line', 'message']);
      expect(typeof f.column).toBe('number');
      expect(typeof f.line).toBe('number');
      expect(['error', 'warning', 'info', 'style']).toContain(f.level);
    }
  });

  it('is [] when clean, and reorders keys given in another order', () => {
    expect(formatJson([])).toBe('[]');
    const shuffled = { message: 'm', line: 3, level: 'info', file: 'f', column: 1, code: 'DL3059' } as unknown as Finding;
    expect(formatJson([shuffled])).toBe('[{"code":"DL3059","column":1,"file":"f","level":"info","line":3,"message":"m"}]');
  });
});

describe('sarif format', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema (offline copy)', () => {
    const log = JSON.parse(formatSarif({ findings: FINDINGS, engine: 'create-lambda-image built-in rules', files: ['dir with space/Dockerfile'] }));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const clean = JSON.parse(formatSarif({ findings: [], engine: 'hadolint 2.15.1 + Lambda rules', files: ['-'] }));
    expect(validate(clean), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the engine, links rules to their docs and maps levels', () => {
    const withSc: Finding[] = [...FINDINGS, { code: 'SC2086', column: 1, file: 'Dockerfile', level: 'info', line: 2, message: 'quote' }, { code: 'DL3064', column: 1, file: 'Dockerfile', level: 'style', line: 2, message: 'x' }];
    const log = JSON.parse(formatSarif({ findings: withSc, engine: 'hadolint 2.15.1 + Lambda rules', files: ['Dockerfile'] }));
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('hadolint 2.15.1 + Lambda rules');
    const uri = (id: string) => run.tool.driver.rules.find((r: { id: string }) => r.id === id).helpUri;
    expect(uri('LAM008')).toBe('https://www.npmjs.com/package/create-lambda-image#lam008');
    expect(uri('DL3030')).toBe('https://github.com/hadolint/hadolint/wiki/DL3030');
    expect(uri('SC2086')).toBe('https://www.shellcheck.net/wiki/SC2086');
    expect(uri('DL3064')).toBe('https://github.com/hadolint/hadolint/wiki/DL3064');
    const levels = new Set(run.results.map((r: { level: string }) => r.level));
    expect([...levels].every((l) => ['error', 'warning', 'note'].includes(l as string))).toBe(true);
    const first = run.results[0];
    expect(first.locations[0].physicalLocation.region).toEqual({ startLine: FINDINGS[0]!.line, startColumn: FINDINGS[0]!.column });
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/Dockerfile');
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds uri-references from paths', () => {
    expect(toUri('a\\b c#1.Dockerfile')).toBe('a/b%20c%231.Dockerfile');
    expect(toUri('-')).toBe('-');
  });
});

describe('tty format', () => {
  const f: Finding[] = [{ code: 'LAM002', column: 1, file: 'Dockerfile', level: 'error', line: 4, message: 'CMD is in shell form' }];
  it('prints FILE:LINE CODE LEVEL: message without colour off a terminal', () => {
    expect(formatTty(f, { isTTY: false }, {})).toBe('Dockerfile:4 LAM002 error: CMD is in shell form\n');
  });
  it('colours on a terminal unless NO_COLOR; FORCE_COLOR colours anywhere', () => {
    expect(formatTty(f, { isTTY: true }, { TERM: 'xterm' })).toMatch(/\u001b\[/);
    expect(formatTty(f, { isTTY: true }, { TERM: 'xterm', NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
    expect(formatTty(f, { isTTY: false }, { FORCE_COLOR: '1' })).toMatch(/\u001b\[/);
  });
});

describe('tty totals', () => {
  it('the tty report ends with a totals line; json and sarif stay machine-readable', async () => {
    const { formatReport } = await import('../../src/lint/report');
    const f = (level: 'error' | 'warning' | 'info' | 'style', code: string) => ({ code, column: 1, file: 'Dockerfile', level, line: 1, message: 'm' });
    const findings = [f('error', 'LAM002'), f('warning', 'DL3008'), f('warning', 'DL3009')];
    const tty = formatReport('tty', { findings, engine: 'x', files: ['Dockerfile'] }, { isTTY: false }, {});
    expect(tty.trimEnd().split('\n').at(-1)).toBe('1 error, 2 warnings in 1 file');
    expect(formatReport('tty', { findings: [], engine: 'x', files: ['a', 'b'] }, { isTTY: false }, {})).toBe('no findings in 2 files\n');
    expect(() => JSON.parse(formatReport('json', { findings, engine: 'x', files: ['Dockerfile'] }, { isTTY: false }, {}))).not.toThrow();
  });
});
