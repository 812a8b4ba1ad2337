/**
 * Like `sam init`, a sample ships a test event (events/event.json) and a unit test of its handler
 * in the language's usual tool. The tests that need only the language itself run here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/run';

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

async function sample(args: string[]) {
  const cwd = tempDir('sample-');
  const r = await run(['fn', '--no-lint', ...args], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return join(cwd, 'fn');
}

describe('sample events and unit tests', () => {
  it('every sample ships a JSON test event', async () => {
    for (const args of [['--runtime', 'nodejs22'], ['--runtime', 'python3.13'], ['--runtime', 'java21'], ['--runtime', 'go', '--base', 'os-only'], ['--runtime', 'dotnet10']]) {
      const dir = await sample(args);
      expect(() => JSON.parse(readFileSync(join(dir, 'events', 'event.json'), 'utf8')), args.join(' ')).not.toThrow();
    }
  });

  it('Node.js: node:test, run by `npm test`, passes against the sample handler (also in a folder)', async () => {
    for (const handler of ['index.handler', 'src/app.main']) {
      const dir = await sample(['--runtime', 'nodejs22', '--handler', handler]);
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.test).toBe('node --test');
      const r = spawnSync(process.execPath, ['--test'], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^# pass 1$/m);
    }
  });

  it.skipIf(!has('python3', ['--version']))('Python: unittest discovers and passes the test (also for a handler in a folder)', async () => {
    for (const handler of ['lambda_function.handler', 'src/app.main']) {
      const dir = await sample(['--runtime', 'python3.13', '--handler', handler]);
      const r = spawnSync('python3', ['-m', 'unittest', '-v'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/Ran 1 test/);
    }
  });

  it('Go: main_test.go in package main; Ruby: a minitest file', async () => {
    const go = await sample(['--runtime', 'go', '--base', 'os-only']);
    expect(readFileSync(join(go, 'main_test.go'), 'utf8')).toMatch(/^package main$/m);
    expect(readFileSync(join(go, 'main_test.go'), 'utf8')).toContain('handle(context.Background()');
    const rb = await sample(['--runtime', 'ruby3.4']);
    expect(readFileSync(join(rb, 'test', 'app_test.rb'), 'utf8')).toContain("require_relative '../app'");
    expect(existsSync(join(rb, 'test', 'app_test.rb'))).toBe(true);
  });

  it('Rust: a #[cfg(test)] module in main.rs, on the standard harness, adding no dependency', async () => {
    const dir = await sample(['--runtime', 'rust', '--base', 'os-only']);
    const main = readFileSync(join(dir, 'src', 'main.rs'), 'utf8');
    const module = main.slice(main.indexOf('#[cfg(test)]'));
    expect(module).toMatch(/^#\[cfg\(test\)\]\s*mod tests \{/);
    expect(module).toMatch(/#\[test\]\s*fn \w+\(\)/);
    expect(module).toContain('respond(&json!(');
    const deps = readFileSync(join(dir, 'Cargo.toml'), 'utf8').split(/^\[dependencies\]$/m)[1]!;
    expect(deps.trim().split('\n').map((l) => l.split(' ')[0])).toEqual(['lambda_runtime', 'serde_json', 'tokio']);
    expect(readFileSync(join(dir, 'Cargo.toml'), 'utf8')).not.toMatch(/dev-dependencies/);
  });
});
