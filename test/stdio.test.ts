import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/run';

// How the launched CLI writes to its stdout and stderr: straight to the descriptor for pipes and
// files, through Node's streams otherwise. Everything here runs the real launcher in a child.
const BIN = join(import.meta.dirname, '..', 'bin', 'create-lambda-image.cjs');
const CACHE = tempDir('cache-');
const env = { PATH: '/nonexistent', XDG_CACHE_HOME: CACHE, CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22' };

function node(args: string[], opts: { cwd?: string; shell?: string } = {}) {
  const cwd = opts.cwd ?? tempDir();
  if (opts.shell) return spawnSync('sh', ['-c', opts.shell], { cwd, encoding: 'utf8', env: { ...env, PATH: process.env.PATH ?? '', NODE: process.execPath, BIN } });
  return spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env, maxBuffer: 1 << 24 });
}

describe('stdout and stderr of the launched CLI', () => {
  it('writes everything, in order, into a pipe (more than a pipe buffer holds)', () => {
    const r = node([BIN, 'list', '--json']);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65_536);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('writes into a file the same bytes as into a pipe', () => {
    const dir = tempDir();
    const piped = node([BIN, 'list', '--json'], { cwd: dir }).stdout;
    const r = node([], { cwd: dir, shell: '"$NODE" "$BIN" list --json > out.json 2> err.txt' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(piped);
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });

  it('hands over to the stream when the pipe is non-blocking and fills up', () => {
    // A descriptor shared with a process that made it O_NONBLOCK: here a preload opens fd 1 as a
    // socket, which does that. A reader that starts late makes the direct write hit EAGAIN part-way.
    const dir = tempDir();
    writeFileSync(
      join(dir, 'nonblock.cjs'),
      `new (require('node:net').Socket)({ fd: 1, readable: false, writable: true }).unref();
       if (!/^flags:\\s+\\d*[4-7]\\d{3}$/m.test(require('node:fs').readFileSync('/proc/self/fdinfo/1', 'utf8'))) process.exit(9);`,
    );
    const r = node([], { cwd: dir, shell: '{ "$NODE" -r ./nonblock.cjs "$BIN" list --json; echo $? > status; } | (sleep 1; cat) > out.json' });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'status'), 'utf8').trim()).toBe('0');
    expect(r.stderr).toBe('');
    const expected = node([BIN, 'list', '--json']).stdout;
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(expected);
  });

  it('a generation into pipes loads no stream, socket or fs/promises module', () => {
    const dir = tempDir();
    const probe = join(dir, 'probe.cjs');
    writeFileSync(
      probe,
      `const before = new Set(process.moduleLoadList);
       process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.txt'))}, process.moduleLoadList.filter((m) => !before.has(m)).join('\\n')));`,
    );
    const r = spawnSync(process.execPath, ['-r', probe, BIN, '--yes', '--dir', 'fn'], { cwd: dir, encoding: 'utf8', env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Wrote Dockerfile/);
    const loaded = readFileSync(join(dir, 'loaded.txt'), 'utf8').split('\n');
    expect(loaded.filter((m) => /^NativeModule (stream|net|tty|fs\/promises|readline|child_process)$/.test(m))).toEqual([]);
  });
});
