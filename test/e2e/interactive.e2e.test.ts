/**
 * The built CLI (bin/create-lambda-image.cjs) in a real pseudo-terminal (tmux), with CI unset and no
 * --interactive: the terminal detection itself decides to prompt. Keystrokes go in with
 * send-keys; the screen comes back with capture-pane, polled until a pattern shows (no fixed
 * sleeps). Each run's shell writes the CLI's exit code to a file, then waits for a line so the
 * pane stays alive after the CLI exits and the terminal it left behind (cursor shown) can be checked.
 *
 * CREATE_LAMBDA_IMAGE_CLI points the test at another bundle (default: bin/create-lambda-image.cjs, built by the
 * global setup).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { finalStage } from '../support/dockerfile';
import { snapshotTree } from '../support/run';

const CLI = process.env.CREATE_LAMBDA_IMAGE_CLI ?? fileURLToPath(new URL('../../bin/create-lambda-image.cjs', import.meta.url));
const SOCKET = `cli-interactive-${process.pid}`;

const tmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
const hasTmux = tmux.status === 0;
if (!hasTmux) {
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! SKIPPED interactive e2e: tmux is not installed (apt-get install tmux)\n${line}\n`);
}

/** The environment of the tmux server and so of the CLI: no CI, no invoking package manager. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['CI', 'TMUX', 'TMUX_PANE', 'npm_config_user_agent', 'NO_COLOR', 'FORCE_COLOR']) delete env[key];
  // The launcher's code cache goes to a scratch folder, not the user's.
  env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'cache-'));
  return env;
}

function run(args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8', env: cleanEnv() });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

interface Session {
  name: string;
  cwd: string;
  rcFile: string;
  screen: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  keys: (...keys: string[]) => void;
  text: (text: string) => void;
  exitCode: (timeoutMs?: number) => Promise<number>;
  cursorVisible: () => boolean;
}

let counter = 0;

/** Starts the CLI in a new tmux session, in `cwd`, through sh so $? lands in a file. */
function start(cwd: string, args: string[] = []): Session {
  const name = `s${++counter}`;
  const harness = mkdtempSync(join(tmpdir(), 'cli-tmux-'));
  const rcFile = join(harness, 'rc');
  const script = join(harness, 'run.sh');
  writeFileSync(
    script,
    [
      'unset CI npm_config_user_agent',
      `cd ${sq(cwd)} || exit 99`,
      `${sq(process.execPath)} ${sq(CLI)} ${args.map(sq).join(' ')}`,
      'code=$?',
      `echo "$code" > ${sq(rcFile)}`,
      // Hold the pane open (and alive: a dead pane reports no cursor) until the test is done.
      'read _ || true',
      'exit "$code"',
      '',
    ].join('\n'),
  );
  run(['new-session', '-d', '-s', name, '-x', '120', '-y', '50', `sh ${sq(script)}`]);

  const screen = () => run(['capture-pane', '-p', '-J', '-t', name, '-S', '-500']);
  const poll = async <T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen:\n${screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    name,
    cwd,
    rcFile,
    screen,
    waitFor: (pattern, timeoutMs = 15_000) =>
      poll(String(pattern), () => {
        const text = screen();
        return pattern.test(text) ? text : undefined;
      }, timeoutMs),
    keys: (...keys) => void run(['send-keys', '-t', name, ...keys]),
    text: (text) => void run(['send-keys', '-t', name, '-l', text]),
    exitCode: (timeoutMs = 30_000) =>
      poll('the CLI to exit', () => (existsSync(rcFile) && readFileSync(rcFile, 'utf8').trim() !== '' ? Number(readFileSync(rcFile, 'utf8').trim()) : undefined), timeoutMs),
    cursorVisible: () => run(['display-message', '-p', '-t', name, '#{cursor_flag}']).trim() === '1',
  };
}

describe.skipIf(!hasTmux)('interactive create in a real terminal (tmux)', () => {
  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server'], { env: cleanEnv() });
    // tmux can leave the socket file behind.
    const dir = process.env.TMUX_TMPDIR ?? '/tmp';
    rmSync(join(dir, `tmux-${process.getuid?.() ?? 0}`, SOCKET), { force: true });
  });

  it('prompts on its own (no --interactive, CI unset); keystrokes and Enter for defaults write the folder', async () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);
    const cwd = mkdtempSync(join(tmpdir(), 'cli-tmux-work-'));
    const s = start(cwd);

    await s.waitFor(/^\? Folder name \(my-function\)/m);
    s.keys('Enter'); // the default folder
    await s.waitFor(/^\? Base image/m);
    s.keys('Enter'); // AWS runtime image
    await s.waitFor(/^\? Runtime/m);
    s.text('python3.12');
    await s.waitFor(/❯ python3\.12 /);
    s.keys('Enter');
    await s.waitFor(/^\? Architecture/m);
    s.keys('Down', 'Enter'); // arm64, whatever the host
    await s.waitFor(/^\? Write a sample handler\?/m);
    s.keys('Enter');
    await s.waitFor(/^\? Handler \(lambda_function\.handler\)/m);
    s.keys('Enter');

    expect(await s.exitCode()).toBe(0);
    const screen = s.screen();
    expect(screen).toContain('Your choices');
    expect(screen).toContain('npm create lambda-image@latest my-function -- --base aws --runtime python3.12 --arch arm64 --handler lambda_function.handler --sample --yes');
    expect(screen).toMatch(/Wrote Dockerfile, .* in my-function/);
    expect(screen).toContain('Next steps:');

    const dockerfile = readFileSync(join(cwd, 'my-function', 'Dockerfile'), 'utf8');
    expect(finalStage(dockerfile).from).toBe('public.ecr.aws/lambda/python:3.12');
    expect(existsSync(join(cwd, 'my-function', 'lambda_function.py'))).toBe(true);
    expect(s.cursorVisible()).toBe(true);
  }, 60_000);

  /** Presses Enter at each question until the CLI exits (each default taken). */
  async function enterThroughRest(s: Session): Promise<number> {
    const exited = () => existsSync(s.rcFile) && readFileSync(s.rcFile, 'utf8').trim() !== '';
    // A key sent just as the CLI exits ends the holding shell, and with it the pane.
    const screen = () => {
      try {
        return s.screen();
      } catch {
        return undefined;
      }
    };
    for (let i = 0; i < 15 && !exited(); i++) {
      const before = screen();
      if (before === undefined) break;
      try {
        s.keys('Enter');
      } catch {
        break;
      }
      const deadline = Date.now() + 15_000;
      while (screen() === before && !exited() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    }
    return s.exitCode();
  }

  for (const [typed, shown, from, sampleFile] of [
    ['java', /❯ java\d+ /, /^public\.ecr\.aws\/lambda\/java:\d+$/, 'pom.xml'],
    ['node22', /❯ nodejs22 /, /^public\.ecr\.aws\/lambda\/nodejs:22$/, 'package.json'],
    ['py313', /❯ python3\.13 /, /^public\.ecr\.aws\/lambda\/python:3\.13$/, 'requirements.txt'],
  ] as const) {
    it(`typing ${typed} at the runtime question and Enter through the rest writes that runtime's Dockerfile`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'cli-tmux-work-'));
      const s = start(cwd);
      await s.waitFor(/^\? Folder name/m);
      s.keys('Enter');
      await s.waitFor(/^\? Base image/m);
      s.keys('Enter');
      await s.waitFor(/^\? Runtime/m);
      s.text(typed);
      await s.waitFor(shown);
      expect(await enterThroughRest(s)).toBe(0);
      const dockerfile = readFileSync(join(cwd, 'my-function', 'Dockerfile'), 'utf8');
      expect(finalStage(dockerfile).from).toMatch(from);
      expect(existsSync(join(cwd, 'my-function', sampleFile))).toBe(true);
    }, 90_000);
  }

  it('in a folder with Python code: the detected runtime and handler are the defaults, no sample is written', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cli-tmux-work-'));
    writeFileSync(join(cwd, 'requirements.txt'), '');
    writeFileSync(join(cwd, 'app.py'), 'def handler(event, context):\n    return {}\n');
    const s = start(cwd, ['.']);
    await s.waitFor(/Found a Python project/);
    expect(await enterThroughRest(s)).toBe(0);
    const dockerfile = readFileSync(join(cwd, 'Dockerfile'), 'utf8');
    expect(finalStage(dockerfile).from).toMatch(/^public\.ecr\.aws\/lambda\/python:/);
    expect(finalStage(dockerfile).instructions.find((i) => i.keyword === 'CMD')?.json).toEqual(['app.handler']);
    expect(existsSync(join(cwd, 'lambda_function.py'))).toBe(false);
  }, 90_000);

  it('Ctrl-C at the first prompt: "Cancelled", exit 130, the folder untouched, the cursor shown', async () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);
    const cwd = mkdtempSync(join(tmpdir(), 'cli-tmux-work-'));
    writeFileSync(join(cwd, 'keep.txt'), 'mine\n');
    const before = snapshotTree(cwd);
    const s = start(cwd);

    await s.waitFor(/^\? Folder name/m);
    s.keys('C-c');

    expect(await s.exitCode()).toBe(130);
    expect(s.screen()).toMatch(/^Cancelled$/m);
    expect(s.screen()).not.toMatch(/ExitPromptError|at .*\.js:\d+/);
    expect(snapshotTree(cwd)).toEqual(before);
    expect(s.cursorVisible()).toBe(true);
  }, 60_000);

  it('Ctrl-C at a list, which hides the cursor while it runs: exit 130 and the cursor is back', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cli-tmux-work-'));
    const s = start(cwd, ['fn']);

    await s.waitFor(/^\? Base image/m);
    expect(s.cursorVisible()).toBe(false);
    s.keys('C-c');

    expect(await s.exitCode()).toBe(130);
    expect(s.cursorVisible()).toBe(true);
    expect(snapshotTree(cwd)).toEqual({});
  }, 60_000);
});
