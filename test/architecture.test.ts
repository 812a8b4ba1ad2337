import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The layout rule of docs/architecture.md: which stage folder may import which. A folder imports
// only what runs before it or beneath it; nothing imports upwards, and the foundation (catalog,
// shared) imports no stage.
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['commands', 'inputs', 'options', 'plan', 'render', 'lint', 'write', 'verify', 'deploy', 'catalog', 'shared'],
  commands: ['inputs', 'options', 'plan', 'render', 'lint', 'write', 'verify', 'deploy', 'catalog', 'shared'],
  inputs: ['options', 'write', 'catalog', 'shared'],
  lint: ['catalog', 'shared'],
  verify: ['catalog', 'shared'],
  deploy: ['render', 'catalog', 'shared'],
  write: ['shared'],
  render: ['plan', 'options', 'catalog', 'shared'],
  plan: ['options', 'catalog', 'shared'],
  options: ['catalog', 'shared'],
  catalog: ['shared'],
  shared: [],
};

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const posix = (p: string) => p.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module a file names: import/export ... from, import(), and import('x').Type. */
function specifiers(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) out.push(arg.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function resolveLocal(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (candidate.startsWith(SRC + sep) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

type Graph = Map<string, string[]>;

/** File -> files it imports, as paths relative to src/. */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(SRC)) {
    const targets = specifiers(file)
      .map((spec) => resolveLocal(file, spec))
      .filter((t): t is string => t !== null)
      .map((t) => posix(relative(SRC, t)));
    graph.set(posix(relative(SRC, file)), [...new Set(targets)]);
  }
  return graph;
}

const folderOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : null);

/** Imports that break the folder table, as "src/a.ts -> src/b.ts (a may not import b)". */
function directionViolations(graph: Graph, allowed: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const fromFolder = folderOf(from);
    for (const to of targets) {
      const toFolder = folderOf(to);
      if (!fromFolder || !toFolder || fromFolder === toFolder) continue;
      if (!allowed[fromFolder]?.includes(toFolder)) out.push(`src/${from} -> src/${to} (${fromFolder}/ may not import ${toFolder}/)`);
    }
  }
  return out.sort();
}

/** One import cycle per strongly connected component, each written as its file -> file edges. */
function cycles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strongConnect = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) !== indices.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    const selfLoop = (graph.get(v) ?? []).includes(v);
    if (component.length > 1 || selfLoop) found.push(cycleEdges(graph, new Set(component), v));
  };
  for (const v of graph.keys()) if (!indices.has(v)) strongConnect(v);
  return found;
}

/** A concrete loop through `start` inside one component, for the failure message. */
function cycleEdges(graph: Graph, component: Set<string>, start: string): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(prev.get(path[0]!)!);
        return [...path, start].slice(0, -1).map((f, i, all) => `src/${f} -> src/${all[i + 1] ?? start}`);
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [`src/${start} (cycle)`];
}

describe('the layout shows the pipeline', () => {
  const graph = importGraph();

  it('reads static, re-exported and lazy imports', () => {
    expect(graph.get('cli/index.ts')).toEqual(expect.arrayContaining(['commands/create.ts', 'commands/lint.ts', 'verify/index.ts']));
    expect(graph.get('lint/index.ts')).toEqual(expect.arrayContaining(['lint/hadolint.ts', 'catalog/bases.ts']));
  });

  it('keeps every source file in a stage folder the architecture names', () => {
    const files = [...graph.keys()];
    expect(files.filter((f) => folderOf(f) === null)).toEqual([]);
    expect([...new Set(files.map(folderOf))].filter((f) => f && !(f in ALLOWED))).toEqual([]);
  });

  it('imports only in the allowed direction between stage folders', () => {
    expect(directionViolations(graph, ALLOWED)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has a folder table without cycles, so the stages stack in floors', () => {
    const folders: Graph = new Map(Object.entries(ALLOWED).map(([k, v]) => [k, [...v]]));
    expect(cycles(folders)).toEqual([]);
  });

  it('names the offending edge when a rule is broken', () => {
    const bad: Graph = new Map([
      ['plan/a.ts', ['lint/b.ts']],
      ['lint/b.ts', ['plan/a.ts']],
    ]);
    expect(directionViolations(bad, ALLOWED)).toEqual([
      'src/lint/b.ts -> src/plan/a.ts (lint/ may not import plan/)',
      'src/plan/a.ts -> src/lint/b.ts (plan/ may not import lint/)',
    ]);
    expect(cycles(bad)).toEqual([['src/plan/a.ts -> src/lint/b.ts', 'src/lint/b.ts -> src/plan/a.ts']]);
  });

  it('is described by docs/architecture.md, folder by folder', () => {
    const doc = readFileSync(fileURLToPath(new URL('../docs/architecture.md', import.meta.url)), 'utf8');
    for (const folder of Object.keys(ALLOWED)) expect(doc, folder).toContain(`src/${folder}/`);
  });
});
