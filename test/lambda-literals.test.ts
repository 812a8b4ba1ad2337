import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAMBDA } from '../src/catalog/lambda';

// Lambda's own paths and run-time user live in src/catalog/ (LAMBDA); everything else reads them
// from there. The rule is about code: string, template and regular-expression literals and numbers.
// Comments may name the paths, since they explain what the code does with them.

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const CATALOG = join(SRC, 'catalog') + sep;
const posix = (p: string) => p.split(sep).join('/');

const PATHS = [LAMBDA.taskRoot, LAMBDA.runtimeDir, LAMBDA.langDir, LAMBDA.entryScript, LAMBDA.extensionsDir];
const IDS = [LAMBDA.user.uid, LAMBDA.user.gid];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An absolute path: not preceded by a path character, so `entry/lambda-entrypoint.sh` is no hit. */
const PATH_RE = new RegExp(`(?<![\\w.$}/-])(?:${PATHS.map(escape).join('|')})(?![\\w.-])`);
const ID_RE = new RegExp(`(?<![\\w.])(?:${IDS.join('|')})(?![\\w.])|sbx_user\\d+`);

/** The text a literal stands for; a regular expression is read without its escapes. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node)) return node.text;
  // What follows a substitution continues it (`${root}/var/task` is a path under root).
  if (ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return `}${node.text}`;
  if (ts.isRegularExpressionLiteral(node)) return node.text.slice(1, node.text.lastIndexOf('/')).replace(/\\(.)/g, '$1');
  return null;
}

export function lambdaLiterals(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const hits: string[] = [];
  const visit = (node: ts.Node) => {
    const at = () => `${posix(relative(SRC, file))}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    if (ts.isNumericLiteral(node) && (IDS as readonly number[]).includes(Number(node.text))) hits.push(`${at()} ${node.text}`);
    const literal = literalText(node);
    if (literal !== null && (PATH_RE.test(literal) || ID_RE.test(literal))) hits.push(`${at()} ${JSON.stringify(literal)}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('Lambda facts live in the catalog', () => {
  it('no source file outside src/catalog/ spells out a Lambda path or the run-time uid/gid', () => {
    const hits = sourceFiles(SRC)
      .filter((f) => !f.startsWith(CATALOG))
      .flatMap((f) => lambdaLiterals(f, readFileSync(f, 'utf8')));
    expect(hits).toEqual([]);
  });

  it('finds paths in strings, templates and regular expressions, and the ids as numbers, but not in comments', () => {
    const code = [
      "// WORKDIR /var/task and uid 993 in a comment",
      "const a = '/var/task';",
      "const b = `${root}/var/runtime/bootstrap`;",
      "const c = `x ${y} /lambda-entrypoint.sh`;",
      'const d = /^\\/var\\/lang\\/bin/;',
      'const e = [993, 990];',
      "const f = 'runs as 993:990';",
      "const g = 'entry/lambda-entrypoint.sh';",
      "const h = '/var/tasks';",
      "const i = 9930;",
    ].join('\n');
    const hits = lambdaLiterals(join(SRC, 'example.ts'), code).map((h) => h.split(' ')[0]);
    expect(hits).toEqual(['example.ts:2', 'example.ts:4', 'example.ts:5', 'example.ts:6', 'example.ts:6', 'example.ts:7']);
  });
});

describe('the Lambda facts as data', () => {
  it('list --json shows them with the sources they come from', async () => {
    const { catalogJson } = await import('../src/commands/list');
    const { SOURCES } = await import('../src/catalog');
    const [record] = catalogJson(new Date('2026-11-22T00:00:00Z')).lambda as (typeof LAMBDA & { kind: string; reservedEnv: string[] })[];
    expect(record).toMatchObject({ kind: 'lambda', taskRoot: LAMBDA.taskRoot, user: LAMBDA.user });
    expect(record!.reservedEnv).toEqual(expect.arrayContaining(['LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR', '_HANDLER']));
    expect(record!.sources.length).toBeGreaterThan(0);
    for (const id of record!.sources) expect(SOURCES[id], id).toBeDefined();
  });
});
