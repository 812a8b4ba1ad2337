/**
 * What an existing folder already holds, as `docker init` reads it: the language and its version
 * hints, the dependency tool, and the handler where the code shows one. The result only proposes
 * defaults; flags and the config still win, and the user confirms at a terminal.
 *
 * Reading is defensive: only regular files inside the folder (symbolic links are never
 * followed), each read up to a size limit, and a bounded walk for source files.
 */
import { lstatSync, openSync, readSync, closeSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { AWS_RUNTIMES, LANGUAGES, scheduleStatus, type Language } from '../catalog';
import { compareVersions } from '../catalog/rics';
import { PACKAGE_MANAGER_TOOLS } from '../catalog/package-managers';
import type { BaseKind, BuildTool } from '../options';

/** Manifests are small; a larger file is read only up to this many bytes. */
const MAX_BYTES = 256 * 1024;
/** Source files looked at per walk, and how deep. */
const MAX_FILES = 400;
const MAX_DEPTH = 6;
const SKIP_DIRS = new Set(['node_modules', '.git', 'target', 'build', 'dist', '.venv', 'venv', '__pycache__', 'bin', 'obj', 'vendor', '.gradle', '.idea']);

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
export type PythonTool = 'pip' | 'poetry' | 'uv';

export interface Detected {
  language: Language;
  /** A runtime id for the AWS base (or a language runtime for Go and Rust). */
  runtime: string;
  /** Set only when the AWS base cannot run the language. */
  base?: BaseKind;
  handler?: string;
  buildTool?: BuildTool;
  typescript?: boolean;
  packageManager?: PackageManager;
  /** The --package-manager value it proposes: pnpm or yarn, with the version package.json names. */
  packageManagerValue?: string;
  pythonTool?: PythonTool;
  /** What was found, for the message: "package.json", "pnpm-lock.yaml", "app.py: def handler". */
  evidence: string[];
  /** Things that were found but that the generated Dockerfile does not use as they are. */
  notes: string[];
}

/** A regular file directly in `dir` (never through a symbolic link), or undefined. */
export function readSmall(dir: string, name: string, max = MAX_BYTES): string | undefined {
  const full = join(dir, name);
  try {
    if (!lstatSync(full).isFile()) return undefined;
    // Every component under dir must be a real folder too.
    if (!realFolder(dir, name.split('/').slice(0, -1).join('/'))) return undefined;
    const fd = openSync(full, 'r');
    try {
      const buffer = Buffer.alloc(max);
      const n = readSync(fd, buffer, 0, max, 0);
      return buffer.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function isFile(dir: string, name: string): boolean {
  try {
    return lstatSync(join(dir, name)).isFile();
  } catch {
    return false;
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Whether every component of rel under dir is a real folder (no symbolic link on the way). */
export function realFolder(dir: string, rel: string): boolean {
  let at = dir;
  for (const part of rel.split('/').filter(Boolean)) {
    at = join(at, part);
    try {
      if (!lstatSync(at).isDirectory()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Relative paths (from dir) of regular files under dir/under with one of the extensions, breadth first, bounded. */
function walk(dir: string, exts: readonly string[], maxDepth = MAX_DEPTH, under = ''): string[] {
  const out: string[] = [];
  if (!realFolder(dir, under)) return out;
  let level = [under];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && out.length < MAX_FILES; depth++) {
    const next: string[] = [];
    for (const rel of level) {
      for (const e of entries(join(dir, rel)).sort((a, b) => a.name.localeCompare(b.name))) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        // Dirent types come from lstat: a symbolic link is neither a file nor a folder here.
        if (e.isDirectory() && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) next.push(path);
        else if (e.isFile() && exts.some((x) => e.name.endsWith(x)) && out.length < MAX_FILES) out.push(path);
      }
    }
    level = next;
  }
  return out;
}

/** Supported AWS runtimes of a language, newest first. */
function supported(language: Language, today: Date): string[] {
  return AWS_RUNTIMES.filter((r) => r.language === language && r.os === 'al2023' && scheduleStatus(r, today).state !== 'deprecated').map((r) => r.languageVersion);
}

/**
 * The runtime version a constraint asks for: an exact or caret/tilde version picks that line
 * when Lambda has it; a lower bound (>=) or anything else picks the newest supported one.
 */
function pickVersion(language: Language, constraint: string | undefined, today: Date, digits: 'major' | 'minor'): string | undefined {
  const versions = supported(language, today);
  if (versions.length === 0) return undefined;
  const c = (constraint ?? '').trim();
  const m = /^(?:[~^=v]|==|~=)?\s*(\d+)(?:\.(\d+))?/.exec(c);
  if (m && !/^>|\|\||\s-\s/.test(c)) {
    const want = digits === 'major' ? m[1]! : `${m[1]}.${m[2] ?? ''}`;
    const hit = versions.find((v) => v === want);
    if (hit) return hit;
  }
  const lower = /^>=?\s*(\d+)(?:\.(\d+))?/.exec(c);
  if (lower) {
    const fits = versions.filter((v) => compareVersions(v, `${lower[1]}.${lower[2] ?? '0'}`) >= 0);
    if (fits.length > 0) return fits[0];
  }
  return versions[0];
}

function runtimeId(language: Language, version: string | undefined): string | undefined {
  if (!version) return undefined;
  return AWS_RUNTIMES.find((r) => r.language === language && r.languageVersion === version && r.os === 'al2023')?.id;
}

// ---------------------------------------------------------------------------------------------
// Per language

function detectNode(dir: string, today: Date): Detected | undefined {
  const text = readSmall(dir, 'package.json');
  if (text === undefined) return undefined;
  let pkg: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) pkg = parsed as Record<string, unknown>;
  } catch {
    // A broken package.json still says Node.js.
  }
  const evidence = ['package.json'];
  const notes: string[] = [];
  const engines = (pkg.engines ?? {}) as Record<string, unknown>;
  const engine = typeof engines.node === 'string' ? engines.node : undefined;
  if (engine) evidence.push(`engines.node ${engine}`);
  const nodeVersion = readSmall(dir, '.nvmrc', 64) ?? readSmall(dir, '.node-version', 64);
  const runtime = runtimeId('nodejs', pickVersion('nodejs', engine ?? nodeVersion?.trim(), today, 'major'))!;

  const lockfiles: [string, PackageManager][] = [['package-lock.json', 'npm'], ['npm-shrinkwrap.json', 'npm'], ['pnpm-lock.yaml', 'pnpm'], ['yarn.lock', 'yarn'], ['bun.lock', 'bun'], ['bun.lockb', 'bun']];
  const lock = lockfiles.find(([f]) => isFile(dir, f));
  if (lock) evidence.push(lock[0]);
  const field = typeof pkg.packageManager === 'string' ? pkg.packageManager : undefined;
  const declared = field === undefined ? undefined : /^(npm|pnpm|yarn|bun)@/.exec(field)?.[1] as PackageManager | undefined;
  if (field !== undefined && declared) evidence.push(`"packageManager": ${JSON.stringify(field.slice(0, 40))}`);
  // The lockfile says how the project is installed today; the field, when it names the same
  // manager, says which release.
  const packageManager: PackageManager | undefined = lock?.[1] ?? declared;
  let packageManagerValue: string | undefined;
  if (packageManager === 'pnpm' || packageManager === 'yarn') {
    if (declared === packageManager) {
      // Corepack's integrity suffix (+sha512.<hex>) is dropped: npm checks the registry's own.
      packageManagerValue = field!.replace(/\+sha(?:1|224|256|384|512)\.[0-9a-f]+$/, '');
    } else if (packageManager === 'yarn' && /^__metadata:/m.test(readSmall(dir, 'yarn.lock', 4096) ?? '')) {
      // A Yarn 2+ lockfile without a version named: the catalog's Yarn 2+ release reads it.
      packageManagerValue = `yarn@${PACKAGE_MANAGER_TOOLS.find((t) => t.id === 'yarn-berry')!.version}`;
    } else {
      packageManagerValue = packageManager;
    }
    if (declared && declared !== packageManager) notes.push(`${lock![0]} and "packageManager": ${JSON.stringify(field!.slice(0, 40))} disagree; the Dockerfile installs with ${packageManager}, as the lockfile says`);
  } else if (packageManager === 'bun') {
    notes.push(`${lock?.[0] ?? '"packageManager" bun'}: bun is not supported, so the Dockerfile installs with npm, which does not read it; commit a package-lock.json (npm install --package-lock-only) for a locked build`);
  }
  const type = pkg.type === 'module' ? 'module' : 'commonjs';
  if (pkg.type === 'module') evidence.push('"type": "module"');

  const deps = { ...((pkg.dependencies ?? {}) as object), ...((pkg.devDependencies ?? {}) as object) } as Record<string, unknown>;
  const scripts = (pkg.scripts ?? {}) as Record<string, unknown>;
  const typescript = isFile(dir, 'tsconfig.json') && ('typescript' in deps || typeof scripts.build === 'string');

  // Candidates: "main", then the usual names; a .ts file is compiled into the image's root.
  const main = typeof pkg.main === 'string' ? pkg.main.replace(/^\.\//, '') : undefined;
  const names = ['index', 'handler', 'app', 'lambda', 'main'];
  const exts = typescript ? ['.ts', '.mts'] : ['.mjs', '.js', '.cjs'];
  const candidates = [
    ...(main && !typescript ? [main] : []),
    ...names.flatMap((n) => exts.map((x) => `${n}${x}`)),
    ...names.flatMap((n) => exts.map((x) => `src/${n}${x}`)),
  ];
  let handler: string | undefined;
  for (const file of candidates) {
    const source = readSmall(dir, file);
    if (source === undefined) continue;
    const exported = nodeExports(source);
    const fn = exported.includes('handler') ? 'handler' : exported[0];
    if (!fn) continue;
    const stem = file.replace(/\.(m|c)?[jt]s$/, '');
    handler = `${typescript ? stem.replace(/^src\//, '') : stem}.${fn}`;
    evidence.push(`${file}: exports ${fn}`);
    break;
  }
  void type;
  return {
    language: 'nodejs',
    runtime,
    ...(handler ? { handler } : {}),
    ...(typescript ? { typescript } : {}),
    ...(packageManager ? { packageManager } : {}),
    ...(packageManagerValue ? { packageManagerValue } : {}),
    evidence,
    notes,
  };
}

/** Names a JavaScript or TypeScript module exports, by the common forms. */
export function nodeExports(source: string): string[] {
  const names = new Set<string>();
  const patterns = [
    /export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g,
    /export\s+(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g,
    /(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=/g,
  ];
  for (const p of patterns) for (const m of source.matchAll(p)) names.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && /^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
    }
  }
  for (const m of source.matchAll(/module\.exports\s*=\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s*:/)[0]?.trim();
      if (name && /^[A-Za-z_$][\w$]*$/.test(name)) names.add(name);
    }
  }
  return [...names];
}

function detectPython(dir: string, today: Date): Detected | undefined {
  const requirements = isFile(dir, 'requirements.txt');
  const pyproject = readSmall(dir, 'pyproject.toml');
  const pipfile = isFile(dir, 'Pipfile');
  const pyFiles = walk(dir, ['.py'], 2);
  if (!requirements && pyproject === undefined && !pipfile && pyFiles.length === 0) return undefined;
  const evidence: string[] = [];
  const notes: string[] = [];
  if (requirements) evidence.push('requirements.txt');
  let pythonTool: PythonTool | undefined = requirements ? 'pip' : undefined;
  let constraint: string | undefined;
  if (pyproject !== undefined) {
    evidence.push('pyproject.toml');
    constraint = /^\s*requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1] ?? /^\s*python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1];
    if (isFile(dir, 'poetry.lock') || /^\[tool\.poetry\]/m.test(pyproject)) {
      pythonTool = 'poetry';
      if (isFile(dir, 'poetry.lock')) evidence.push('poetry.lock');
    } else if (isFile(dir, 'uv.lock')) {
      pythonTool = 'uv';
      evidence.push('uv.lock');
    }
  }
  const pinned = readSmall(dir, '.python-version', 64)?.trim();
  if (pinned) evidence.push(`.python-version ${pinned}`);
  if (constraint) evidence.push(`requires-python ${constraint}`);
  if (!requirements && (pythonTool === 'poetry' || pythonTool === 'uv')) {
    const exportCmd = pythonTool === 'poetry' ? 'poetry export -f requirements.txt -o requirements.txt' : 'uv export --format requirements-txt -o requirements.txt';
    notes.push(`${pythonTool} project: the Dockerfile installs requirements.txt; write it from the lock with \`${exportCmd}\``);
  }
  const version = pickVersion('python', pinned ?? constraint, today, 'minor');
  const runtime = runtimeId('python', version)!;

  // The handler: prefer the usual file names, then any top-level module.
  const preferred = ['lambda_function.py', 'app.py', 'handler.py', 'main.py', 'function.py'];
  const ordered = [...preferred.filter((f) => pyFiles.includes(f)), ...pyFiles.filter((f) => !preferred.includes(f) && !/(^|\/)(test_|conftest)/.test(f))];
  let handler: string | undefined;
  for (const file of ordered) {
    const source = readSmall(dir, file);
    if (source === undefined) continue;
    const fn = /^(?:async\s+)?def\s+(lambda_handler|handler)\s*\(/m.exec(source)?.[1];
    if (!fn) continue;
    handler = `${file.replace(/\.py$/, '')}.${fn}`;
    evidence.push(`${file}: def ${fn}`);
    break;
  }
  return { language: 'python', runtime, ...(handler ? { handler } : {}), ...(pythonTool ? { pythonTool } : {}), evidence, notes };
}

function detectJava(dir: string, today: Date): Detected | undefined {
  const pom = readSmall(dir, 'pom.xml');
  const gradleFile = ['build.gradle.kts', 'build.gradle'].find((f) => isFile(dir, f));
  if (pom === undefined && !gradleFile) return undefined;
  const buildTool: BuildTool = pom !== undefined ? 'maven' : 'gradle';
  const evidence = [pom !== undefined ? 'pom.xml' : gradleFile!];
  let declared: string | undefined;
  if (pom !== undefined) {
    declared = /<(?:maven\.compiler\.release|maven\.compiler\.target|java\.version|release)>\s*(?:1\.)?(\d+)\s*</.exec(pom)?.[1];
  } else {
    const gradle = readSmall(dir, gradleFile!) ?? '';
    declared = /JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(gradle)?.[1] ?? /(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_)?['"]?(?:1[._])?(\d+)/.exec(gradle)?.[1];
  }
  if (declared) evidence.push(`Java ${declared}`);
  const runtime = runtimeId('java', pickVersion('java', declared, today, 'major'))!;
  let handler: string | undefined;
  for (const file of walk(dir, ['.java'], MAX_DEPTH, 'src/main/java')) {
    const source = readSmall(dir, file);
    if (source === undefined) continue;
    const cls = /class\s+([A-Za-z_$][\w$]*)[^{]*\bimplements\b[^{]*\b(?:RequestHandler|RequestStreamHandler)\b/.exec(source)?.[1];
    if (!cls) continue;
    const pkg = /^\s*package\s+([\w.]+)\s*;/m.exec(source)?.[1];
    handler = `${pkg ? `${pkg}.` : ''}${cls}::handleRequest`;
    evidence.push(`${file}: ${cls} implements RequestHandler`);
    break;
  }
  return { language: 'java', runtime, buildTool, ...(handler ? { handler } : {}), evidence, notes: [] };
}

function detectGo(dir: string, _today?: Date): Detected | undefined {
  if (!isFile(dir, 'go.mod')) return undefined;
  const evidence = ['go.mod'];
  const notes: string[] = [];
  const main = walk(dir, ['.go'], 3).filter((f) => !f.endsWith('_test.go')).find((f) => {
    const source = readSmall(dir, f) ?? '';
    return /^package\s+main\b/m.test(source) && /\blambda\.Start(?:WithOptions)?\s*\(/.test(source);
  });
  if (main) evidence.push(`${main}: lambda.Start`);
  else notes.push('no Go main package calling lambda.Start was found; the image runs the binary built from the module');
  return { language: 'go', runtime: 'go', base: 'os-only', handler: LANGUAGES.go.defaultHandler, evidence, notes };
}

function detectRust(dir: string, _today?: Date): Detected | undefined {
  const cargo = readSmall(dir, 'Cargo.toml');
  if (cargo === undefined) return undefined;
  const evidence = ['Cargo.toml'];
  if (/^\s*lambda_runtime\s*=/m.test(cargo)) evidence.push('lambda_runtime');
  return { language: 'rust', runtime: 'rust', base: 'os-only', handler: LANGUAGES.rust.defaultHandler, evidence, notes: [] };
}

function detectRuby(dir: string, today: Date): Detected | undefined {
  if (!isFile(dir, 'Gemfile')) return undefined;
  const evidence = ['Gemfile'];
  const pinned = readSmall(dir, '.ruby-version', 64)?.trim().replace(/^ruby-/, '');
  const runtime = runtimeId('ruby', pickVersion('ruby', pinned, today, 'minor'))!;
  let handler: string | undefined;
  for (const file of walk(dir, ['.rb'], 2)) {
    const source = readSmall(dir, file) ?? '';
    const fn = /^\s*def\s+(lambda_handler|handler)\s*\(\s*event:/m.exec(source)?.[1];
    if (!fn) continue;
    handler = `${file.replace(/\.rb$/, '')}.${fn}`;
    evidence.push(`${file}: def ${fn}`);
    break;
  }
  return { language: 'ruby', runtime, ...(handler ? { handler } : {}), evidence, notes: [] };
}

function detectDotnet(dir: string, today: Date): Detected | undefined {
  const project = entries(dir).find((e) => e.isFile() && e.name.endsWith('.csproj'))?.name;
  if (!project) return undefined;
  const text = readSmall(dir, project) ?? '';
  const evidence = [project];
  const framework = /<TargetFramework>\s*net(\d+)\.\d+\s*</.exec(text)?.[1];
  if (framework) evidence.push(`net${framework}.0`);
  const runtime = runtimeId('dotnet', pickVersion('dotnet', framework, today, 'major'))!;
  const assembly = /<AssemblyName>\s*([\w.]+)\s*</.exec(text)?.[1] ?? project.replace(/\.csproj$/, '');
  let handler: string | undefined;
  for (const file of walk(dir, ['.cs'], 3)) {
    const source = readSmall(dir, file) ?? '';
    const method = /public\s+(?:async\s+)?[\w<>,.\s]+?\s+(\w+)\s*\([^)]*ILambdaContext/.exec(source);
    const cls = /class\s+(\w+)/.exec(source)?.[1];
    const ns = /namespace\s+([\w.]+)/.exec(source)?.[1];
    if (!method || !cls) continue;
    handler = `${assembly}::${ns ? `${ns}.` : ''}${cls}::${method[1]}`;
    evidence.push(`${file}: ${cls}.${method[1]}`);
    break;
  }
  return { language: 'dotnet', runtime, ...(handler ? { handler } : {}), evidence, notes: [] };
}

/**
 * The project in `dir`, when it holds one: manifests decide the language (the most specific
 * first), then versions and the handler. Undefined for a missing or empty folder.
 */
export function detectProject(dir: string, today: Date): Detected | undefined {
  try {
    if (!lstatSync(dir).isDirectory()) return undefined;
  } catch {
    return undefined;
  }
  const found = [detectJava, detectGo, detectRust, detectDotnet, detectNode, detectRuby, detectPython]
    .map((detect) => detect(dir, today))
    .filter((d): d is Detected => d !== undefined);
  // A package.json for tooling beside Python code: the language whose handler was found wins.
  return found.find((d) => d.handler !== undefined && d.evidence.some((e) => e.includes(': '))) ?? found[0];
}

/** Values the detection proposes, keyed like options. */
export function detectedValues(d: Detected): Record<string, unknown> {
  return {
    runtime: d.runtime,
    ...(d.base ? { base: d.base } : {}),
    ...(d.handler ? { handler: d.handler } : {}),
    ...(d.buildTool ? { buildTool: d.buildTool } : {}),
    ...(d.typescript ? { typescript: true } : {}),
    ...(d.packageManagerValue ? { packageManager: d.packageManagerValue } : {}),
    sample: false,
  };
}

/**
 * A warning when the handler names no file or function in the folder (existing code only: a
 * sample writes its own). Compiled languages are not checked: their handler is a class or binary.
 */
export function handlerProblem(dir: string, language: Language, handler: string, typescript: boolean): string | undefined {
  const dot = handler.lastIndexOf('.');
  const file = handler.slice(0, dot);
  const fn = handler.slice(dot + 1);
  let candidates: string[];
  if (language === 'nodejs') {
    candidates = typescript ? [`src/${file}.ts`, `${file}.ts`, `src/${file}.mts`] : [`${file}.mjs`, `${file}.js`, `${file}.cjs`];
  } else if (language === 'python') {
    candidates = [`${file.replace(/\./g, '/')}.py`];
  } else if (language === 'ruby') {
    candidates = [`${handler.slice(0, handler.indexOf('.'))}.rb`];
  } else {
    return undefined;
  }
  const found = candidates.map((c) => [c, readSmall(dir, c)] as const).find(([, text]) => text !== undefined);
  if (!found) return `the handler ${handler} names ${candidates.join(' or ')}, which the folder does not have`;
  const [path, source] = found;
  const defines =
    language === 'nodejs'
      ? nodeExports(source!).includes(fn)
      : language === 'python'
        ? new RegExp(`^(?:async\\s+)?def\\s+${fn}\\s*\\(`, 'm').test(source!)
        : new RegExp(`def\\s+(?:self\\.)?${handler.slice(handler.lastIndexOf('.') + 1).replace(/[?!]/g, '\\$&')}\\b`).test(source!);
  return defines ? undefined : `the handler ${handler}: ${path} has no ${language === 'nodejs' ? 'exported ' : ''}function ${fn}`;
}

/** A one-line description: "Python project (requirements.txt, app.py: def handler)". */
export function describeDetected(d: Detected): string {
  return `${LANGUAGES[d.language].title} project (${d.evidence.join(', ')})`;
}
