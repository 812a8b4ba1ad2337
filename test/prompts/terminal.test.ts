/**
 * The real @inquirer prompts on a fake terminal (TTY-looking streams and keystrokes): proves the
 * wiring to io.stdin/io.stdout, the theme, Ctrl-C, and — through the whole CLI in-process — the
 * conflict choices with their .orig copies on disk.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { arch } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/inputs/config';
import { promptForMissing } from '../../src/inputs/prompts';
import { finalStage } from '../support/dockerfile';
import { snapshotTree, tempDir, TODAY } from '../support/run';
import { FakeTerminal, KEY, startCli } from './helpers';

const NO_POLICY: Policy = { sources: {} };
const SGR = /\u001b\[[0-9;]*m/;
const HOST_ARCH = arch() === 'arm64' ? 'arm64' : 'x86_64';

describe('real prompts on a fake terminal', () => {
  it('answers every kind of prompt by keystrokes (image base, search filter, disabled choices, validation retry)', async () => {
    const term = new FakeTerminal();
    const cwd = tempDir('tty-');
    const pending = promptForMissing({}, { io: term.io(cwd, { NO_COLOR: '1' }), today: TODAY, hostArch: 'arm64', policy: NO_POLICY });

    await term.waitFor(/Folder name \(my-function\)/);
    await term.type('orders', KEY.enter);
    await term.waitFor(/Base image[\s\S]*Another image/);
    await term.type(KEY.down, KEY.down, KEY.enter);
    await term.waitFor(/Runtime[\s\S]*go /);
    await term.type('py 3.12');
    await term.waitFor(/python3\.12 +Python 3\.12/);
    await term.type(KEY.enter);
    await term.waitFor(/Base image with a tag/);
    await term.type('registry.example.com/base:1', KEY.enter);
    // Families that cannot provide Python 3.12 are shown but disabled (Amazon Linux 2 has no
    // Python 3.12, and no official build runs on its glibc).
    await term.waitFor(/OS family of registry\.example\.com\/base:1[\s\S]*❯ Debian[\s\S]*Amazon Linux 2 \(yum\) \(cannot provide python3\.12\)/);
    await term.type(KEY.down, KEY.down, KEY.down, KEY.enter);
    // The host's architecture is pre-selected.
    await term.waitFor(/Architecture[\s\S]*❯ arm64/);
    await term.type(KEY.enter);
    await term.waitFor(/Write a sample handler\?/);
    await term.type('n', KEY.enter);
    await term.waitFor(/Handler \(lambda_function\.handler\)/);
    await term.type('bad handler', KEY.enter);
    await term.waitFor(/"bad handler" is not a Python handler/);
    await term.type(...Array<string>(11).fill(KEY.backspace), 'src/app.main', KEY.enter);
    await term.waitFor(/Runtime Interface Emulator/);
    await term.type('y', KEY.enter);

    const values = await pending;
    expect(values).toMatchObject({
      dir: 'orders',
      base: 'image',
      runtime: 'python3.12',
      image: 'registry.example.com/base:1',
      family: 'al2023',
      arch: 'arm64',
      sample: false,
      handler: 'src/app.main',
      rie: true,
    });
    const screen = term.screen();
    expect(screen).toContain('Your choices');
    expect(screen).toContain(
      'npm create lambda-image@latest orders -- --base image --runtime python3.12 --image registry.example.com/base:1 --family al2023 --arch arm64 --handler src/app.main --no-sample --rie --yes',
    );
    // NO_COLOR from io.env holds for @inquirer's own rendering too.
    expect(term.raw()).not.toMatch(SGR);
  });

  it('colours on a terminal, and the type-to-filter hint', async () => {
    const term = new FakeTerminal();
    const failed = promptForMissing({ dir: 'x', base: 'aws' }, { io: term.io(tempDir('tty-')), today: TODAY, hostArch: 'x86_64', policy: NO_POLICY }).catch((e: unknown) => e);
    await term.waitFor(/Runtime[\s\S]*to filter/);
    expect(term.raw()).toMatch(SGR);
    await term.type(KEY.ctrlC);
    expect(await failed).toMatchObject({ name: 'CancelledError', exitCode: 130 });
  });
});

describe('the whole CLI in-process on a fake terminal', () => {
  it('Enter accepts every default and writes the folder', async () => {
    const cwd = tempDir('tty-cli-');
    const { term, done } = startCli(['--no-lint'], cwd);
    await term.waitFor(/Folder name/);
    await term.type(KEY.enter);
    await term.waitFor(/Base image/);
    await term.type(KEY.enter);
    await term.waitFor(/Runtime[\s\S]*nodejs24/);
    await term.type(KEY.enter);
    await term.waitFor(/Architecture/);
    await term.type(KEY.enter);
    await term.waitFor(/TypeScript/);
    await term.type(KEY.enter);
    await term.waitFor(/sample handler/);
    await term.type(KEY.enter);
    await term.waitFor(/Handler/);
    await term.type(KEY.enter);
    expect(await done).toBe(0);
    const dockerfile = readFileSync(join(cwd, 'my-function', 'Dockerfile'), 'utf8');
    expect(finalStage(dockerfile).from).toBe('public.ecr.aws/lambda/nodejs:24');
    expect(term.screen()).toContain(`--runtime nodejs24 --arch ${HOST_ARCH}`);
    expect(term.screen()).toMatch(/Wrote Dockerfile, .dockerignore, .* in my-function/);
  });

  describe('a folder with conflicting files', () => {
    const setup = () => {
      const cwd = tempDir('tty-conflict-');
      mkdirSync(join(cwd, 'fn'));
      writeFileSync(join(cwd, 'fn', 'Dockerfile'), 'FROM scratch\n');
      writeFileSync(join(cwd, 'fn', 'notes.txt'), 'mine\n');
      const argv = ['fn', '--base', 'aws', '--runtime', 'python3.13', '--arch', 'x86_64', '--no-sample', '--handler', 'app.handler', '--no-lint'];
      return { cwd, argv, before: snapshotTree(cwd) };
    };

    it('overwrite: each replaced file is first kept as <name>.orig; nothing else is touched', async () => {
      const { cwd, argv } = setup();
      const { term, done } = startCli(argv, cwd);
      await term.waitFor(/fn already has a file this tool writes, with other content:\s+Dockerfile\s/);
      await term.waitFor(/What now\?/);
      await term.type(KEY.down, KEY.enter);
      expect(await done).toBe(0);
      expect(readFileSync(join(cwd, 'fn', 'Dockerfile.orig'), 'utf8')).toBe('FROM scratch\n');
      expect(finalStage(readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8')).from).toBe('public.ecr.aws/lambda/python:3.13');
      expect(readFileSync(join(cwd, 'fn', 'notes.txt'), 'utf8')).toBe('mine\n');
      // .dockerignore was new: written, with no copy.
      expect(existsSync(join(cwd, 'fn', '.dockerignore'))).toBe(true);
      expect(existsSync(join(cwd, 'fn', '.dockerignore.orig'))).toBe(false);
      expect(Object.keys(snapshotTree(cwd)).sort()).toEqual(['fn/.dockerignore', 'fn/Dockerfile', 'fn/Dockerfile.orig', 'fn/notes.txt']);
    });

    it('another folder: asks for it (refusing the same one) and leaves the first untouched', async () => {
      const { cwd, argv, before } = setup();
      const { term, done } = startCli(argv, cwd);
      await term.waitFor(/What now\?/);
      await term.type(KEY.down, KEY.down, KEY.enter);
      await term.waitFor(/Folder name/);
      await term.type('fn', KEY.enter);
      await term.waitFor(/that is fn again/);
      await term.type('-2', KEY.enter);
      expect(await done).toBe(0);
      const after = snapshotTree(cwd);
      for (const [path, content] of Object.entries(before)) expect(after[path]).toBe(content);
      expect(finalStage(after['fn-2/Dockerfile']!).from).toBe('public.ecr.aws/lambda/python:3.13');
      expect(term.screen()).toMatch(/Wrote .* in fn-2/);
    });

    it('cancel (the default): exit 130, nothing written', async () => {
      const { cwd, argv, before } = setup();
      const { term, done } = startCli(argv, cwd);
      await term.waitFor(/What now\?/);
      await term.type(KEY.enter);
      expect(await done).toBe(130);
      expect(term.stderr.text()).toMatch(/(^|\n)Cancelled\n$/);
      expect(snapshotTree(cwd)).toEqual(before);
    });
  });

  describe('Ctrl-C', () => {
    it('at the first prompt: "Cancelled", exit 130, nothing written', async () => {
      const cwd = tempDir('tty-cancel-');
      writeFileSync(join(cwd, 'keep.txt'), 'x');
      const { term, done } = startCli([], cwd);
      await term.waitFor(/Folder name/);
      await term.type(KEY.ctrlC);
      expect(await done).toBe(130);
      expect(term.stderr.text()).toBe('Cancelled\n');
      expect(snapshotTree(cwd)).toEqual({ 'keep.txt': 'x' });
    });

    it('at a list (which hides the cursor): the cursor is shown again', async () => {
      const cwd = tempDir('tty-cancel-');
      const { term, done } = startCli(['fn'], cwd);
      await term.waitFor(/Base image[\s\S]*Another image/);
      expect(term.raw()).toContain('\u001b[?25l');
      await term.type(KEY.ctrlC);
      expect(await done).toBe(130);
      const raw = term.raw();
      expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'));
      expect(snapshotTree(cwd)).toEqual({});
    });

    it('in the conflict question: exit 130, the folder untouched', async () => {
      const cwd = tempDir('tty-cancel-');
      mkdirSync(join(cwd, 'fn'));
      writeFileSync(join(cwd, 'fn', 'Dockerfile'), 'FROM scratch\n');
      const before = snapshotTree(cwd);
      const { term, done } = startCli(['fn', '--base', 'aws', '--runtime', 'python3.13', '--arch', 'arm64', '--no-sample', '--handler', 'app.handler', '--no-lint'], cwd);
      await term.waitFor(/What now\?/);
      await term.type(KEY.ctrlC);
      expect(await done).toBe(130);
      expect(snapshotTree(cwd)).toEqual(before);
    });
  });
});
