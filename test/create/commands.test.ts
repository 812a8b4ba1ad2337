/** Commands are hard to mistype into folders, and `help` is a command. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHelp } from '../../src/options/help';
import { KEY, startCli } from '../prompts/helpers';
import { run, snapshotTree, tempDir } from '../support/run';

describe('commands', () => {
  it('`help` shows the help; `help lint` shows lint\'s', async () => {
    const r = await run(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(createHelp());
    expect(snapshotTree(r.cwd)).toEqual({});
    const lint = await run(['help', 'lint']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/lint/);
    expect(lint.stdout).not.toBe(r.stdout);
  });

  for (const [typo, command] of [['lnit', 'lint'], ['lits', 'list'], ['chek', 'check'], ['verfy', 'verify']] as const) {
    it(`${typo} without a terminal is an error suggesting ${command}, and nothing is written`, async () => {
      const r = await run([typo, '--runtime', 'nodejs22']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`create-lambda-image: "${typo}" is not a command; did you mean ${command}? To create a folder with that name, use ./${typo} or --dir ${typo}\n`);
      expect(snapshotTree(r.cwd)).toEqual({});
    });
  }

  it('./lnit and --dir lnit still create such a folder', async () => {
    const a = await run(['./lnit', '--runtime', 'nodejs22', '--no-lint']);
    expect(a.code, a.stderr).toBe(0);
    expect(existsSync(join(a.cwd, 'lnit', 'Dockerfile'))).toBe(true);
    const b = await run(['--dir', 'lnit', '--runtime', 'nodejs22', '--no-lint']);
    expect(b.code, b.stderr).toBe(0);
    expect(existsSync(join(b.cwd, 'lnit', 'Dockerfile'))).toBe(true);
  });

  it('an ordinary folder name is not taken for a command', async () => {
    for (const name of ['hello', 'orders', 'lister-fn']) {
      const r = await run([name, '--runtime', 'nodejs22', '--no-lint']);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('at a terminal it asks: yes runs the command, no creates the folder', async () => {
    const cwd = tempDir();
    const yes = startCli(['lits'], cwd, { NO_COLOR: '1' });
    await yes.term.waitFor(/lits is not a command\. Did you mean list\?/);
    await yes.term.type(KEY.enter);
    expect(await yes.done).toBe(0);
    expect(yes.term.screen()).toMatch(/nodejs24/);
    expect(snapshotTree(cwd)).toEqual({});

    const no = startCli(['chek', '--runtime', 'nodejs22', '--no-lint'], cwd, { NO_COLOR: '1' });
    await no.term.waitFor(/Did you mean check\?/);
    await no.term.type('n', KEY.enter);
    await no.term.waitFor(/Folder|Base image|Architecture|sample/);
    // The rest of the create flow runs in the folder named chek; cancel it there.
    await no.term.type(KEY.ctrlC);
    expect(await no.done).toBe(130);
  });
});
