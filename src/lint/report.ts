/**
 * Output formats. `json` is exactly hadolint's: one array of {code, column, file, level,
 * line, message} for all files. `sarif` is SARIF 2.1.0 naming the engine that ran. `tty` is
 * `FILE:LINE CODE LEVEL: message`, coloured only for a terminal (NO_COLOR / FORCE_COLOR honoured).
 */
import { createStyle, type StyleStream } from '../shared/style';
import { docsUrl } from './engine';
import { findRule } from './rules';
import type { Finding, Level } from './types';

export type Format = 'tty' | 'json' | 'sarif';
export const FORMATS: readonly Format[] = ['tty', 'json', 'sarif'];

export interface ReportInput {
  findings: Finding[];
  /** Engine(s) that produced the findings, e.g. "hadolint 2.15.1 + Lambda rules". */
  engine: string;
  /** Files linted, in order (SARIF lists them as artifacts even when clean). */
  files: string[];
}

export function formatJson(findings: readonly Finding[]): string {
  // Rebuild each object so the key order is hadolint's whatever the source.
  return JSON.stringify(findings.map((f) => ({ code: f.code, column: f.column, file: f.file, level: f.level, line: f.line, message: f.message })));
}

export function formatTty(findings: readonly Finding[], stream: StyleStream, env: NodeJS.ProcessEnv): string {
  const s = createStyle(stream, env);
  const paint: Record<Level, (t: string) => string> = { error: s.red, warning: s.yellow, info: s.cyan, style: s.gray };
  return findings.map((f) => `${f.file}:${f.line} ${s.bold(f.code)} ${paint[f.level](f.level)}: ${f.message}\n`).join('');
}

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

/** A file path as a SARIF uri-reference: forward slashes, percent-encoded where needed. */
export function toUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/')).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

export function formatSarif(input: ReportInput): string {
  const codes = [...new Set(input.findings.map((f) => f.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((code) => {
    const rule = findRule(code);
    const text = rule?.description ?? (code.startsWith('SC') ? `ShellCheck ${code}` : `hadolint ${code}`);
    return {
      id: code,
      shortDescription: { text },
      helpUri: rule?.docs ?? docsUrl(code),
      ...(rule ? { defaultConfiguration: { level: SARIF_LEVEL[rule.severity] } } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.engine,
            informationUri: 'https://www.npmjs.com/package/create-lambda-image',
            rules,
          },
        },
        artifacts: input.files.map((f) => ({ location: { uri: toUri(f) }, sourceLanguage: 'dockerfile' })),
        results: input.findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code)!,
          level: SARIF_LEVEL[f.level],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file) },
                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

export function formatReport(format: Format, input: ReportInput, stream: StyleStream, env: NodeJS.ProcessEnv): string {
  if (format === 'json') return `${formatJson(input.findings)}\n`;
  if (format === 'sarif') return `${formatSarif(input)}\n`;
  return formatTty(input.findings, stream, env) + `${totals(input)}\n`;
}

/** The tty report's last line: "1 error, 2 warnings in 1 file" or "no findings in 2 files". */
export function totals(input: Pick<ReportInput, 'findings' | 'files'>): string {
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const levels: [Level, string, string][] = [['error', 'error', 'errors'], ['warning', 'warning', 'warnings'], ['info', 'info', 'info'], ['style', 'style', 'style']];
  const parts = levels.map(([l, one, many]) => [input.findings.filter((f) => f.level === l).length, one, many] as const).filter(([n]) => n > 0).map(([n, one, many]) => count(n, one, many));
  return `${parts.length ? parts.join(', ') : 'no findings'} in ${count(input.files.length, 'file')}`;
}
