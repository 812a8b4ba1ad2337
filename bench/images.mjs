// The images table of `npm run bench`: for each language whose bases the machine holds, the
// generated Dockerfile against the AWS documentation's Dockerfile for the same function and base
// kind, and a naive single-stage one. Every figure is a median of repeated runs (default 3).
// `--langs java,rust` (or BENCH_IMAGE_LANGUAGES) measures only those languages and `--runs 1` (or
// BENCH_IMAGE_RUNS) sets the repeats; `node bench/images.mjs [--langs …] [--runs N]` prints this
// table alone.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable, row, unmetNote } from './table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'create-lambda-image.cjs');
const { values: argv } = parseArgs({ options: { langs: { type: 'string' }, runs: { type: 'string' } }, strict: false });
const RUNS = Number(argv.runs ?? process.env.BENCH_IMAGE_RUNS ?? 3);
const ONLY = (argv.langs ?? process.env.BENCH_IMAGE_LANGUAGES)?.split(',').filter(Boolean);
const docker = process.env.CREATE_LAMBDA_IMAGE_DOCKER ?? 'docker';
const env = { ...process.env, DOCKER_BUILDKIT: '1' };
const arch = process.arch === 'arm64' ? 'arm64' : 'x86_64';
const platform = `linux/${arch === 'arm64' ? 'arm64' : 'amd64'}`;

/**
 * Per language: the generator's flags (the base kind of the documentation's example), the base
 * each image adds to (for "MB added"), the images that must be present, the file a code change
 * edits with its comment marker, the edit that stands for a dependency change, and how the
 * documentation's Dockerfile in bench/images/<name>/ differs from the page it reproduces.
 */
const LANGUAGES = [
  {
    name: 'nodejs',
    flags: ['--base', 'image', '--runtime', 'nodejs22'],
    bases: ['node:22-bookworm', 'node:22-bookworm-slim'],
    base: { ours: 'node:22-bookworm-slim', docs: 'node:22-bookworm-slim', naive: 'node:22-bookworm' },
    code: ['index.mjs', '//'],
    // A new field in package.json: npm reinstalls exactly as for a new dependency.
    dependency: (dir) => editJson(join(dir, 'package.json'), (p) => ({ ...p, description: `bench ${Date.now()}` })),
    docs: 'nodejs-image.html, alternative base image with the runtime interface client; node:22-bookworm(-slim) for the page\'s Node.js images; node-gyp pointed at the image\'s own headers (npm_config_nodedir) as nodejs.org cannot be reached; aws-lambda-ric pinned to 3.3.0 (4.x ignores the handler argument the page\'s ENTRYPOINT passes)',
  },
  {
    name: 'python',
    flags: ['--base', 'image', '--runtime', 'python3.13'],
    bases: ['python:3.13-bookworm', 'python:3.13-slim-bookworm'],
    base: { ours: 'python:3.13-slim-bookworm', docs: 'python:3.13-slim-bookworm', naive: 'python:3.13-bookworm' },
    code: ['lambda_function.py', '#'],
    dependency: (dir) => appendFileSync(join(dir, 'requirements.txt'), `# bench ${Date.now()}\n`),
    docs: 'python-image.html, alternative base image with the runtime interface client; awslambdaric pinned to the catalogued 4.2.2',
  },
  {
    name: 'go',
    flags: ['--base', 'os-only', '--runtime', 'go'],
    bases: ['golang:1.26-bookworm', 'public.ecr.aws/lambda/provided:al2023'],
    base: { ours: 'public.ecr.aws/lambda/provided:al2023', docs: 'public.ecr.aws/lambda/provided:al2023', naive: 'golang:1.26-bookworm' },
    code: ['main.go', '//'],
    dependency: (dir) => appendFileSync(join(dir, 'go.mod'), `// bench ${Date.now()}\n`),
    docs: 'go-image.html, OS-only base (provided:al2023) example, on golang:1.26-bookworm',
  },
  {
    name: 'java',
    flags: ['--base', 'aws', '--runtime', 'java21'],
    bases: ['maven:3.9-amazoncorretto-21-al2023', 'public.ecr.aws/lambda/java:21'],
    base: { ours: 'public.ecr.aws/lambda/java:21', docs: 'public.ecr.aws/lambda/java:21', naive: 'maven:3.9-amazoncorretto-21-al2023' },
    code: ['src/main/java/example/Handler.java', '//'],
    // A comment after the root element: Maven reads the pom again as for a new dependency.
    dependency: (dir) => appendFileSync(join(dir, 'pom.xml'), `<!-- bench ${Date.now()} -->\n`),
    docs: 'java-image.html has no alternative-base Dockerfile, so its AWS base image (java:21) Maven example; its host-side mvn step runs in a maven:3.9-amazoncorretto-21-al2023 stage with ~/.m2 as a cache mount; target/dependency copied as a folder (the page\'s /* fails with no runtime dependency)',
  },
  {
    name: 'rust',
    flags: ['--base', 'os-only', '--runtime', 'rust'],
    bases: ['rust:1-alpine3.23', 'public.ecr.aws/lambda/provided:al2023'],
    base: { ours: 'public.ecr.aws/lambda/provided:al2023', docs: 'public.ecr.aws/lambda/provided:al2023', naive: 'rust:1-alpine3.23' },
    code: ['src/main.rs', '//'],
    dependency: (dir) => appendFileSync(join(dir, 'Cargo.toml'), `# bench ${Date.now()}\n`),
    docs: 'rust-package.html builds bootstrap with Cargo Lambda for provided.al2023 and ships a .zip (no Dockerfile): here cargo build --release in a rust:1-alpine3.23 stage (no Zig here), the binary on provided:al2023 as go-image.html places Go\'s, registry as a cache mount; the stand-in links glibc, not musl',
  },
];

/** Languages the CLI generates for that cannot be built on this machine, and why. */
const NOT_BUILT = [
  ['dotnet', 'not built: NuGet (Amazon.Lambda.RuntimeSupport, the SDK\'s packs) and the .NET SDK and runtime images cannot be reached here, and no stand-in replaces them'],
  ['ruby', 'not built: RubyGems (aws_lambda_ric) and the Ruby images cannot be reached here, and no stand-in replaces them'],
];

const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function editJson(file, change) {
  writeFileSync(file, `${JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8'))), null, 2)}\n`);
}

function run(args, opts = {}) {
  return spawnSync(docker, args, { env, encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
}

function present(ref) {
  return run(['image', 'inspect', ref]).status === 0;
}

function size(ref) {
  return Number(run(['image', 'inspect', '--format', '{{.Size}}', ref]).stdout.trim());
}

/** Wall time of one build, in ms; `cold` ignores the layer cache (cache mounts stay, as on a CI runner that keeps them). */
function build(dir, dockerfile, tag, cold = false) {
  const args = ['build', '-q', '--platform', platform, '-f', dockerfile, '-t', tag, ...(cold ? ['--no-cache'] : []), dir];
  const started = process.hrtime.bigint();
  const r = run(args);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${docker} ${args.join(' ')} failed:\n${(r.stderr || r.stdout).slice(-2000)}`);
  return ms;
}

/**
 * Init (container start to the first /runtime/invocation/next) and first invoke, from `verify`.
 * The documentation's images start from a relative or symlinked ENTRYPOINT; verify lists that as a
 * finding and still runs them, as Lambda does. Without a response, `why` says what verify said.
 */
function verify(tag, eventFile) {
  const r = spawnSync(process.execPath, [cli, 'verify', tag, '--arch', arch, '--json', '--event', eventFile], {
    env: { ...env, CREATE_LAMBDA_IMAGE_DOCKER: docker },
    encoding: 'utf8',
  });
  try {
    const json = JSON.parse(r.stdout);
    const why = json.problems?.join('; ') ?? (json.error ? `${json.error.errorType}: ${json.error.errorMessage}` : undefined);
    return { init: json.initMs, invoke: json.invokeMs, ok: json.result === 'response', why: json.result === 'response' ? undefined : `${json.result}${why ? ` (${why})` : ''}` };
  } catch {
    const line = (r.stderr || r.stdout || '').trim().split('\n')[0];
    return { init: undefined, invoke: undefined, ok: false, why: `exit ${r.status}${line ? `: ${line}` : ''}` };
  }
}

function measure(lang, work, eventFile, repo) {
  const dir = join(work, `fn-${lang.name}`);
  const gen = spawnSync(process.execPath, [cli, `fn-${lang.name}`, ...lang.flags, '--arch', arch, '--no-interactive', '--hadolint', 'off'], { cwd: work, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`generating ${lang.name} failed: ${gen.stderr}`);
  const files = {
    ours: join(dir, 'Dockerfile'),
    docs: join(dir, 'docs.Dockerfile'),
    naive: join(dir, 'naive.Dockerfile'),
  };
  copyFileSync(join(root, 'bench', 'images', lang.name, 'docs.Dockerfile'), files.docs);
  copyFileSync(join(root, 'bench', 'images', lang.name, 'naive.Dockerfile'), files.naive);
  const out = {};
  for (const which of ['ours', 'docs', 'naive']) {
    const tag = `${repo}:${lang.name}-${which}`;
    const figures = { cold: [], code: [], dependency: [], init: [], invoke: [], ok: true };
    for (let i = 0; i < RUNS; i++) {
      figures.cold.push(build(dir, files[which], tag, true));
      appendFileSync(join(dir, lang.code[0]), `\n${lang.code[1]} bench ${Date.now()}\n`);
      figures.code.push(build(dir, files[which], tag));
      lang.dependency(dir);
      figures.dependency.push(build(dir, files[which], tag));
      const v = verify(tag, eventFile);
      figures.init.push(v.init);
      figures.invoke.push(v.invoke);
      figures.ok &&= v.ok;
      if (!v.ok) figures.why = v.why;
    }
    out[which] = {
      cold: median(figures.cold),
      code: median(figures.code),
      dependency: median(figures.dependency),
      added: size(tag) - size(lang.base[which]),
      init: median(figures.init),
      invoke: median(figures.invoke),
      ok: figures.ok,
      why: figures.why,
    };
    run(['image', 'rm', tag]);
  }
  return out;
}

/**
 * The images table: `rows` as [measure, figure, target, ok] (ok undefined where no target
 * applies) and `notes`, one line per language on how its documentation Dockerfile was adapted
 * to this machine, or why it was not built.
 */
export function imageRows() {
  const rows = [];
  const notes = [];
  if (run(['version', '--format', '{{.Server.Version}}']).status !== 0) {
    rows.push(['images', `no container engine answers (${docker})`, '', undefined]);
    return { rows, notes };
  }
  const work = mkdtempSync(join(tmpdir(), 'bench-images-'));
  const eventFile = join(work, 'event.json');
  writeFileSync(eventFile, '{"hello":"world"}');
  const repo = `bench-images-${process.pid}`;
  const s = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
  const m = (ms) => (ms === undefined ? 'n/a' : `${Math.round(ms)} ms`);
  // Small differences (a few class files) in kB, so that they do not all read 0.0 MB.
  const mb = (n) => (Math.abs(n) < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(1)} MB`);
  const ratio = (a, b) => (a === undefined || b === undefined || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
  try {
    for (const lang of LANGUAGES.filter((l) => !ONLY || ONLY.includes(l.name))) {
      const missing = lang.bases.filter((b) => !present(b));
      if (missing.length) {
        rows.push([`images ${lang.name}`, `skipped: ${missing.join(', ')} not present`, '', undefined]);
        continue;
      }
      notes.push(`${lang.name}: docs = ${lang.docs}.`);
      let r;
      try {
        r = measure(lang, work, eventFile, repo);
      } catch (error) {
        // One language's failed build must not cost the others their figures.
        rows.push([`images ${lang.name}`, `failed: ${String(error.message).split('\n')[0]}`, 'a build', false]);
        continue;
      }
      const { ours, docs, naive } = r;
      const triple = (key, fmt) => `${fmt(ours[key])} / ${fmt(docs[key])} / ${fmt(naive[key])} (ours/docs ${ratio(ours[key], docs[key])}, ours/naive ${ratio(ours[key], naive[key])})`;
      const head = `images ${lang.name} (${RUNS} run${RUNS === 1 ? '' : 's'}), ours / docs / single-stage`;
      rows.push([`${head}: cold build`, triple('cold', s), '', undefined]);
      rows.push([`${head}: rebuild after a code change`, triple('code', s), '≤ 0.1× docs', ours.code <= 0.1 * docs.code]);
      rows.push([`${head}: rebuild after a dependency change`, triple('dependency', s), '', undefined]);
      rows.push([`${head}: MB added over the base`, triple('added', mb), '≤ 0.5× docs', ours.added <= 0.5 * docs.added]);
      rows.push([`${head}: init`, triple('init', m), '≤ 0.5× docs', ours.init !== undefined && docs.init !== undefined && ours.init <= 0.5 * docs.init]);
      rows.push([`${head}: first invoke`, triple('invoke', m), '', undefined]);
      for (const [which, f] of Object.entries(r)) if (!f.ok) rows.push([`images ${lang.name} ${which}`, `verify did not get a response: ${f.why}`, '', false]);
    }
    for (const [name, why] of NOT_BUILT) if (!ONLY || ONLY.includes(name)) notes.push(`${name}: ${why}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { rows, notes };
}

// Run alone: the images table, its notes and the targets not met.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rows, notes } = imageRows();
  const table = rows.map((r) => row(...r));
  console.log(formatTable(table));
  if (notes.length) console.log(`\nNotes on the images table:\n${notes.map((n) => `- ${n}`).join('\n')}`);
  const unmet = unmetNote(table);
  if (unmet) console.log(`\n${unmet}`);
}
