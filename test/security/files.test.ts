import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/shared/errors';
import type { GeneratedFile } from '../../src/shared/files';
import { planWrite, writeFiles } from '../../src/write';
import { run, snapshotTree, tempDir } from '../support/run';
import { expectOneLine } from './helpers';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'create-lambda-image.cjs');
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);
const hasFifo = spawnSync('mkfifo', ['--version']).status === 0;

/** A folder `fn` created by the CLI in a fresh cwd. */
async function created(flags: string[] = []): Promise<{ cwd: string; fn: string }> {
  const cwd = tempDir();
  const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', ...flags], { cwd });
  expect(result.code).toBe(0);
  return { cwd, fn: join(cwd, 'fn') };
}

describe('no write through a symbolic link the generator did not create', () => {
  it('a link planted at the old predictable staging name is never followed', async () => {
    const cwd = tempDir();
    const outside = join(tempDir(), 'victim');
    writeFileSync(outside, 'precious\n');
    mkdirSync(join(cwd, 'fn'));
    for (const name of ['Dockerfile', '.dockerignore', 'index.mjs', 'package.json', 'package-lock.json']) {
      symlinkSync(outside, join(cwd, 'fn', `.${name}.${process.pid}.tmp`));
    }
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8')).toMatch(/^FROM /m);
    // No temporary of this run is left; the planted links are the user's business.
    expect(readdirSync(join(cwd, 'fn')).filter((f) => f.endsWith('.tmp') && !lstatSync(join(cwd, 'fn', f)).isSymbolicLink())).toEqual([]);
  });

  it('a dangling link at the backup name is skipped, not written through', async () => {
    const { cwd, fn } = await created();
    const outside = join(tempDir(), 'created-elsewhere');
    writeFileSync(join(fn, 'Dockerfile'), 'FROM scratch # mine\n');
    symlinkSync(outside, join(fn, 'Dockerfile.orig'));
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(existsSync(outside)).toBe(false);
    expect(readFileSync(join(fn, 'Dockerfile.orig.1'), 'utf8')).toContain('# mine');
  });

  it('a Dockerfile that is a link to a file outside is replaced by a file; the outside file is untouched', async () => {
    const { cwd, fn } = await created();
    const outside = join(tempDir(), 'Dockerfile');
    writeFileSync(outside, 'FROM scratch\n');
    const { rmSync } = await import('node:fs');
    rmSync(join(fn, 'Dockerfile'));
    symlinkSync(outside, join(fn, 'Dockerfile'));
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('FROM scratch\n');
    expect(lstatSync(join(fn, 'Dockerfile')).isFile()).toBe(true);
    expect(readlinkSync(join(fn, 'Dockerfile.orig'))).toBe(outside);
  });

  it('check --fix writes through the same writer: a planted staging link is not followed', async () => {
    const { cwd, fn } = await created();
    const outside = join(tempDir(), 'victim');
    writeFileSync(outside, 'precious\n');
    writeFileSync(join(fn, 'Dockerfile'), `${readFileSync(join(fn, 'Dockerfile'), 'utf8')}RUN echo drift\n`);
    symlinkSync(outside, join(fn, `.Dockerfile.${process.pid}.tmp`));
    const result = await run(['check', 'fn', '--fix'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(fn, 'Dockerfile'), 'utf8')).not.toContain('RUN echo drift');
  });
});

describe('--force keeps what the user wrote', () => {
  it('a non-interactive --force keeps each replaced file as <name>.orig and says so; existing code is never replaced', async () => {
    const { cwd, fn } = await created();
    writeFileSync(join(fn, 'index.mjs'), 'export const handler = async () => "my business logic";\n');
    writeFileSync(join(fn, 'Dockerfile'), 'FROM scratch\n');
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(join(fn, 'Dockerfile.orig'), 'utf8')).toBe('FROM scratch\n');
    // The handler is the user's code: detected and kept as it is, so there is nothing to back up.
    expect(readFileSync(join(fn, 'index.mjs'), 'utf8')).toContain('my business logic');
    expect(existsSync(join(fn, 'index.mjs.orig'))).toBe(false);
    expect(result.stdout).toContain('Kept the replaced file as Dockerfile.orig');
    // Files that were already up to date are neither rewritten nor backed up.
    expect(existsSync(join(fn, '.dockerignore.orig'))).toBe(false);
  });
});

describe('check reads only regular files inside the folder', () => {
  it('a .dockerignore linked to a secret outside is refused; the secret never reaches the output', async () => {
    const { cwd, fn } = await created();
    const secret = join(tempDir(), 'secret');
    writeFileSync(secret, 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n');
    const { rmSync } = await import('node:fs');
    rmSync(join(fn, '.dockerignore'));
    symlinkSync(secret, join(fn, '.dockerignore'));
    const before = snapshotTree(fn);
    for (const args of [['check', 'fn'], ['check', 'fn', '--fix']]) {
      const result = await run(args, { cwd });
      const line = expectOneLine(result, 2, /refusing to read fn\/\.dockerignore: it is a symbolic link that leads outside the folder/);
      expect(line).not.toContain('wJalrXUtnFEMI');
      expect(snapshotTree(fn)).toEqual(before);
    }
  });

  it("the folder's lambda-image.yaml linked to a file outside is refused, and not read", async () => {
    const { cwd, fn } = await created();
    const secret = join(tempDir(), 'credentials.yaml');
    writeFileSync(secret, 'aws_secret_access_key: wJalrXUtnFEMI\n');
    symlinkSync(secret, join(fn, 'lambda-image.yaml'));
    const line = expectOneLine(await run(['check', 'fn'], { cwd }), 2, /refusing to read fn\/lambda-image\.yaml: it is a symbolic link that leads outside the folder/);
    expect(line).not.toContain('aws_secret_access_key');
  });

  it('a link that stays inside the folder is followed', async () => {
    const { cwd, fn } = await created();
    const { renameSync } = await import('node:fs');
    renameSync(join(fn, '.dockerignore'), join(fn, 'ignore-rules'));
    symlinkSync('ignore-rules', join(fn, '.dockerignore'));
    const result = await run(['check', 'fn'], { cwd });
    expect(result.code).toBe(0);
  });

  it('a Dockerfile linked to /dev/zero is refused at once', async () => {
    const { cwd, fn } = await created();
    const { rmSync } = await import('node:fs');
    rmSync(join(fn, 'Dockerfile'));
    symlinkSync('/dev/zero', join(fn, 'Dockerfile'));
    expectOneLine(await run(['check', 'fn'], { cwd }), 2, /refusing to read fn\/Dockerfile: it is a symbolic link that leads outside the folder/);
  });

  it.runIf(hasFifo)('a Dockerfile or .dockerignore that is a FIFO is refused, not waited on', async () => {
    for (const name of ['Dockerfile', '.dockerignore']) {
      const { cwd, fn } = await created();
      const { rmSync } = await import('node:fs');
      rmSync(join(fn, name));
      mkfifo(join(fn, name));
      expectOneLine(await run(['check', 'fn'], { cwd }), 2, new RegExp(`refusing to read fn/${name.replace('.', '\\.')}: it is a FIFO, not a regular file`));
    }
  });

  it('a Dockerfile over the size limit is refused', async () => {
    const { cwd, fn } = await created();
    writeFileSync(join(fn, 'Dockerfile'), `# ${'x'.repeat(1024 * 1024)}\n`);
    expectOneLine(await run(['check', 'fn'], { cwd }), 2, /refusing to read fn\/Dockerfile: it is larger than 1 MiB/);
  });
});

describe('create never reads a special file it finds in the target', () => {
  it.runIf(hasFifo)('a FIFO where the Dockerfile goes is one line, exit 2, nothing written', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'fn'));
    mkfifo(join(cwd, 'fn', 'Dockerfile'));
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--force'], { cwd });
    expectOneLine(result, 2, /refusing to read fn\/Dockerfile: it is a FIFO, not a regular file/);
    expect(readdirSync(join(cwd, 'fn'))).toEqual(['Dockerfile']);
  });
});

describe('create never reads through a link it finds in the target', () => {
  it('a Dockerfile linked to /dev/zero is a conflict, not a read; --force replaces the link', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'fn'));
    symlinkSync('/dev/zero', join(cwd, 'fn', 'Dockerfile'));
    expectOneLine(await run(['fn', '--runtime', 'nodejs24', '--no-lint'], { cwd }), 2, /fn already has Dockerfile with other content; pass --force/);
    const forced = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(lstatSync(join(cwd, 'fn', 'Dockerfile')).isFile()).toBe(true);
    expect(readlinkSync(join(cwd, 'fn', 'Dockerfile.orig'))).toBe('/dev/zero');
  });
});

describe('the config loader reads regular files of a bounded size', () => {
  it('extends through a link to /dev/zero is refused without reading it', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'lambda-image.yaml'), 'runtime: nodejs24\nextends: zero.yaml\n');
    symlinkSync('/dev/zero', join(cwd, 'zero.yaml'));
    expectOneLine(await run(['fn', '--no-lint'], { cwd }), 2, /lambda-image\.yaml:2: extends: "zero\.yaml" is outside the project/);
  });

  it('--config /dev/zero is refused at once', async () => {
    const cwd = tempDir();
    expectOneLine(await run(['fn', '--config', '/dev/zero', '--no-lint'], { cwd }), 2, /refusing to read \/dev\/zero: it is a character device, not a regular file/);
    expect(snapshotTree(cwd)).toEqual({});
  });

  it.runIf(hasFifo)('a FIFO as --config, as lambda-image.yaml, and for check is refused', async () => {
    const cwd = tempDir();
    mkfifo(join(cwd, 'team.yaml'));
    expectOneLine(await run(['fn', '--config', 'team.yaml', '--no-lint'], { cwd }), 2, /refusing to read team\.yaml: it is a FIFO/);
    mkfifo(join(cwd, 'lambda-image.yaml'));
    expectOneLine(await run(['fn', '--runtime', 'nodejs24', '--no-lint'], { cwd }), 2, /refusing to read lambda-image\.yaml: it is a FIFO/);
    expectOneLine(await run(['check'], { cwd }), 2, /refusing to read lambda-image\.yaml: it is a FIFO/);
    expect(readdirSync(cwd).sort()).toEqual(['lambda-image.yaml', 'team.yaml']);
  });

  it('a 3 MB config with 200,000 unknown keys is refused by its size', async () => {
    const cwd = tempDir();
    const keys = Array.from({ length: 200_000 }, (_, i) => `k${String(i).padStart(9, '0')}: 1\n`).join('');
    writeFileSync(join(cwd, 'lambda-image.yaml'), `runtime: nodejs24\n${keys}`);
    expectOneLine(await run(['fn', '--no-lint'], { cwd }), 2, /refusing to read lambda-image\.yaml: it is larger than 256 KiB/);
    expect(readdirSync(cwd)).toEqual(['lambda-image.yaml']);
  });

  it('a config just under the limit, all unknown keys, goes through validation and is one line', async () => {
    const cwd = tempDir();
    const keys = Array.from({ length: 25_000 }, (_, i) => `k${String(i).padStart(5, '0')}: 1\n`).join('');
    writeFileSync(join(cwd, 'lambda-image.yaml'), `runtime: nodejs24\n${keys}`);
    expectOneLine(await run(['fn', '--no-lint'], { cwd }), 2, /^create-lambda-image: lambda-image\.yaml:2: k00000: unknown key; .* \(and 24999 more problems in this file\)$/);
  });

  it('a duplicate key among many is found with its line', async () => {
    const cwd = tempDir();
    const keys = Array.from({ length: 5000 }, (_, i) => `    k${i}: v\n`).join('');
    writeFileSync(join(cwd, 'lambda-image.yaml'), `runtime: nodejs24\nlabels:\n${keys}    k17: again\n`);
    expectOneLine(await run(['fn', '--no-lint'], { cwd }), 2, /lambda-image\.yaml:5003: not valid YAML: map keys must be unique \("k17" is given twice\)/);
  });
});

describe('the environment never causes an internal error', () => {
  it('an unusable TMPDIR is no internal error: the lint guard falls back to /tmp', () => {
    const cwd = tempDir();
    const r = spawnSync(process.execPath, [BIN, 'fn', '--runtime', 'python3.13', '--os-package', 'jq', '--hadolint', 'off'], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TMPDIR: join(cwd, 'missing'), CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22' },
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(readdirSync(join(cwd, 'fn'))).toContain('Dockerfile');
    expect(existsSync(join(cwd, 'missing'))).toBe(false);
  });

  it('an unreadable Dockerfile in the target is one line and exit 2', async () => {
    const { cwd, fn } = await created();
    chmodSync(cwd, 0o755);
    chmodSync(fn, 0o777);
    chmodSync(join(fn, 'Dockerfile'), 0o000);
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const args of [['fn', '--runtime', 'nodejs24', '--no-lint'], ['check', 'fn']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH }, ...asNobody });
      // A note on the code found in the folder may come first; the failure is one line, the last.
      expect({ status: r.status, last: r.stderr.trimEnd().split('\n').at(-1) }).toEqual({ status: 2, last: 'create-lambda-image: cannot read fn/Dockerfile: permission denied' });
    }
    expect(readdirSync(fn).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while files are staged: nothing written, no staging files left, exit ${signal === 'SIGINT' ? 130 : 143}`, async () => {
      const dir = join(tempDir(), 'fn');
      let delivered = false;
      const noisy: GeneratedFile = {
        path: 'Dockerfile',
        owned: true,
        // Reading the content happens while the first file is staged: the signal arrives mid-write.
        get content() {
          if (!delivered) process.kill(process.pid, signal);
          delivered = true;
          return 'FROM scratch\n';
        },
      };
      const files = [noisy, { path: 'src/app.mjs', content: 'export const handler = async () => 1;\n', owned: false }];
      const error = await writeFiles(dir, planWrite(dir, files)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InterruptedError);
      expect((error as InterruptedError).exitCode).toBe(signal === 'SIGINT' ? 130 : 143);
      expect((error as Error).message).toBe(`interrupted by ${signal}; nothing was written`);
      expect(existsSync(dir)).toBe(false);
    });
  }
});
