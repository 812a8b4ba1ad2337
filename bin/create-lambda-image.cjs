#!/usr/bin/env node
'use strict';
/*
 * Starts the bundled CLI (dist/cli.cjs) with a V8 code cache, so repeated runs skip compiling
 * it: most of a run's time is compiling JavaScript, not running it. The cache lives in the user's
 * own cache folder (XDG_CACHE_HOME or ~/.cache), is trusted only when that folder and file belong
 * to the user and nobody else can write them, and is keyed by the V8 version and the bundle's
 * size and mtime. CREATE_LAMBDA_IMAGE_NO_CACHE=1 turns it off. Any cache problem falls back to a
 * plain compile: the cache can make a run faster, never make it fail.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');

function cacheFolder() {
  if (process.env.CREATE_LAMBDA_IMAGE_NO_CACHE) return null;
  const base = process.env.XDG_CACHE_HOME || path.join(process.env.HOME || require('node:os').homedir(), '.cache');
  return path.isAbsolute(base) ? path.join(base, 'create-lambda-image') : null;
}

/** Ours alone: owned by this user, not writable by group or others. */
function private_(p) {
  try {
    const s = fs.statSync(p);
    const mine = typeof process.getuid !== 'function' || s.uid === process.getuid();
    return mine && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(file, folder) {
  if (!file || !private_(folder) || !private_(file)) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(script, file, folder) {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!private_(folder)) return;
    // Caches of other bundles (an older version, another Node) are dead weight.
    for (const old of fs.readdirSync(folder)) {
      if (old.startsWith('cli-') && !old.endsWith(`-${key}.bin`)) fs.rmSync(path.join(folder, old), { force: true });
    }
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // A read-only home, a full disk: the next run compiles again.
  }
}

/**
 * One cache per kind of run: a cache holds the functions its run compiled, so a `--version` run
 * must not leave the cache that a generation then finds incomplete.
 */
function runKind(argv) {
  if (['list', 'lint', 'check', 'verify'].includes(argv[0])) return argv[0];
  return argv.some((a) => ['-h', '--help', '-v', '--version'].includes(a)) ? 'info' : 'create';
}

// The build keeps the bundle ASCII, so latin1 reads it exactly, and faster than utf8.
const source = fs.readFileSync(bundle, 'latin1');
const stat = fs.statSync(bundle);
const folder = cacheFolder();
const key = `${process.versions.v8}-${stat.size}-${Math.trunc(stat.mtimeMs)}`;
const file = folder && path.join(folder, `cli-${runKind(process.argv.slice(2))}-${key}.bin`);
const cachedData = readCache(file, folder);
// The bundle is built as one function expression (scripts/build.mjs), the module wrapper Node
// itself would add.
const script = new vm.Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
if (file && (!cachedData || script.cachedDataRejected)) {
  // After the command ran, so the cache also holds the functions it compiled lazily.
  process.once('exit', () => writeCache(script, file, folder));
}
const mod = { exports: {} };
// The bundle requires only Node's built-in modules, which this file's require resolves alike.
script.runInThisContext()(mod.exports, require, mod, bundle, path.dirname(bundle));
mod.exports.runCli();
