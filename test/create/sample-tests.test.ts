/**
 * Like `sam init`, a sample ships a test event (events/event.json) and a unit test of its handler
 * in the language's usual tool. The tests that need only the language itself run here; the .NET
 * one needs NuGet, so it is read rather than run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/run';
import { JUNIT_JUPITER, MAVEN_SUREFIRE } from '../../src/catalog/test-libraries';

const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

async function sample(args: string[]) {
  const cwd = tempDir('sample-');
  const r = await run(['fn', '--no-lint', ...args], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return join(cwd, 'fn');
}

describe('sample events and unit tests', () => {
  it('every sample ships a JSON test event', async () => {
    for (const args of [['--runtime', 'nodejs22'], ['--runtime', 'python3.13'], ['--runtime', 'java21'], ['--runtime', 'go', '--base', 'os-only'], ['--runtime', 'dotnet10'], ['--runtime', 'ruby3.4']]) {
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

  it('Go: main_test.go in package main; Ruby: a minitest file (test/create/ruby-tests.test.ts reads and runs it)', async () => {
    const go = await sample(['--runtime', 'go', '--base', 'os-only']);
    expect(readFileSync(join(go, 'main_test.go'), 'utf8')).toMatch(/^package main$/m);
    expect(readFileSync(join(go, 'main_test.go'), 'utf8')).toContain('handle(context.Background()');
    const rb = await sample(['--runtime', 'ruby3.4']);
    expect(readFileSync(join(rb, 'test', 'app_test.rb'), 'utf8')).toContain("require_relative '../app'");
    expect(existsSync(join(rb, 'test', 'app_test.rb'))).toBe(true);
  });

  it('Java: a JUnit Jupiter test of the handler class, with test scope only, for Maven and Gradle', async () => {
    const maven = await sample(['--runtime', 'java21', '--handler', 'com.acme.Fn::run']);
    const test = readFileSync(join(maven, 'src', 'test', 'java', 'com', 'acme', 'FnTest.java'), 'utf8');
    expect(test).toMatch(/^package com\.acme;$/m);
    expect(test).toContain('new Fn().run(event)');
    expect(test).toContain('import org.junit.jupiter.api.Test;');
    // The pom's elements, read by tag (no XML library among the dependencies).
    const pom = readFileSync(join(maven, 'pom.xml'), 'utf8');
    const blocks = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
    const field = (xml: string, tag: string) => blocks(xml, tag)[0]?.trim();
    const deps = blocks(pom, 'dependency').map((d) => ['groupId', 'artifactId', 'version', 'scope'].map((t) => field(d, t)));
    expect(deps).toEqual([[JUNIT_JUPITER.group, JUNIT_JUPITER.artifact, JUNIT_JUPITER.version, 'test']]);
    const plugins = blocks(pom, 'plugin').map((p) => [field(p, 'artifactId'), field(p, 'version')]);
    expect(plugins).toEqual([['maven-surefire-plugin', MAVEN_SUREFIRE.version]]);

    const gradle = await sample(['--runtime', 'java21', '--build-tool', 'gradle']);
    const build = readFileSync(join(gradle, 'build.gradle'), 'utf8');
    expect(build).toContain(`testImplementation '${JUNIT_JUPITER.group}:${JUNIT_JUPITER.artifact}:${JUNIT_JUPITER.version}'`);
    expect(build).toMatch(/tasks\.named\('test'\) \{\s*useJUnitPlatform\(\)\s*\}/);
    expect(build).not.toMatch(/^\s*implementation /m);
    expect(existsSync(join(gradle, 'src', 'test', 'java', 'example', 'HandlerTest.java'))).toBe(true);
  });

  it('.NET: an xUnit.net project under tests/ beside the function, on every base (test/create/dotnet-tests.test.ts reads both in full)', async () => {
    for (const base of ['aws', 'os-only', 'image']) {
      const dir = await sample(['--runtime', 'dotnet10', '--base', base]);
      const project = readFileSync(join(dir, 'tests', 'Function.Tests', 'Function.Tests.csproj'), 'utf8');
      expect(project, base).toContain('<ProjectReference Include="../../Function.csproj" />');
      expect(readFileSync(join(dir, 'tests', 'Function.Tests', 'HandlerTests.cs'), 'utf8'), base).toMatch(/\[Fact\][\s\S]*\.FunctionHandler\(input/);
      expect(readFileSync(join(dir, 'Function.csproj'), 'utf8'), base).toContain('<DefaultItemExcludes>$(DefaultItemExcludes);tests/**</DefaultItemExcludes>');
    }
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
