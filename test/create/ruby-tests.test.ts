/**
 * The Ruby sample's unit test: a minitest file under test/ that requires the handler file and
 * calls the handler the sample defines, run in the build stage only with --test-in-build. Nothing
 * Ruby builds here (no RubyGems, no Ruby base image), so the Dockerfile is read by stage and the
 * Ruby by its declarations; where a `ruby` is on this machine, the files are also syntax-checked,
 * the test is run, and the build stage's test step itself runs against a copy of the project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES } from '../../src/catalog';
import { DISTRO_RELEASES } from '../../src/catalog/images';
import { LANGUAGE_VERSIONS } from '../../src/catalog/versions';
import { MINITEST_BY_RUBY, minitestFor } from '../../src/catalog/test-libraries';
import { deployedStage, parseStages, type ParsedStage } from '../support/dockerfile';
import { run, snapshotTree, tempDir } from '../support/run';

const RUBY = spawnSync('ruby', ['-v'], { stdio: 'ignore' }).status === 0;

/** Every file below dir, by its path relative to dir. */
const files = (dir: string): Map<string, string> => new Map(Object.entries(snapshotTree(dir)));

async function generate(args: string[]) {
  const cwd = tempDir('ruby-tests-');
  const r = await run(['fn', '--allow-deprecated', ...args], { cwd });
  // Exit 0: the Dockerfile passed the lint that runs before anything is written.
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return { dir: join(cwd, 'fn'), files: files(join(cwd, 'fn')) };
}

// --- Ruby, read by its declarations ---------------------------------------------------------------

/** The code without comments, and with every string literal emptied. */
function code(source: string): string {
  return source.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|#[^\n]*/g, (m) => (m.startsWith('#') ? '' : m[0]!.repeat(2)));
}

/** Methods a file defines, each with the modules and classes around it and its keyword parameters. */
function definitions(source: string): { path: string[]; name: string; singleton: boolean; keywords: string[] }[] {
  const out: { path: string[]; name: string; singleton: boolean; keywords: string[] }[] = [];
  const stack: { kind: 'scope' | 'block'; name?: string }[] = [];
  for (const line of code(source).split('\n')) {
    const scope = /^\s*(?:module|class)\s+([A-Z]\w*)\s*(?:<\s*[A-Z][\w:]*\s*)?$/.exec(line);
    const def = /^\s*def\s+(self\.)?(\w+[?!]?)\s*(?:\(([^)]*)\))?\s*$/.exec(line);
    if (scope) stack.push({ kind: 'scope', name: scope[1] });
    else if (def) {
      const keywords = (def[3] ?? '').split(',').map((p) => p.trim()).filter((p) => /^\w+:/.test(p)).map((p) => p.slice(0, p.indexOf(':')));
      out.push({ path: stack.filter((s) => s.kind === 'scope').map((s) => s.name!), name: def[2]!, singleton: def[1] !== undefined, keywords });
      stack.push({ kind: 'block' });
    } else if (/^\s*(?:if|unless|while|until|case|begin)\b/.test(line) || /\bdo(?:\s*\|[^|]*\|)?\s*$/.test(line)) stack.push({ kind: 'block' });
    else if (/^\s*end\b/.test(line)) expect(stack.pop(), 'an end without an opener').toBeDefined();
  }
  expect(stack, 'every module, class and def is closed').toEqual([]);
  return out;
}

/** Calls of `method`: the constant path it is called on (empty for a bare call) and the keywords passed. */
function callsOf(source: string, method: string): { receiver: string[]; keywords: string[] }[] {
  const re = new RegExp(`(?:\\b((?:[A-Z]\\w*::)*[A-Z]\\w*)\\s*\\.\\s*|(?<![\\w.:]))${method}\\s*\\(([^()]*)\\)`, 'g');
  return [...code(source).matchAll(re)].map((m) => ({
    receiver: m[1] ? m[1].split('::') : [],
    keywords: m[2]!.split(',').map((a) => /^\s*(\w+):/.exec(a)?.[1]).filter((k): k is string => k !== undefined),
  }));
}

const requiresOf = (source: string, kind: 'require' | 'require_relative') => [...source.matchAll(new RegExp(`^\\s*${kind}\\s+'([^']+)'`, 'gm'))].map((m) => m[1]!);

// --- the Dockerfile ----------------------------------------------------------------------------------

const runs = (stage: ParsedStage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args.replace(/\\\n/g, ' ').replace(/\s+/g, ' '));
const RUBY_TEST = /Dir\["\/code\/test\/\*\*\/\{\*_test,test_\*\}\.rb"\]/;
const words = (i: ParsedStage['instructions'][number]) => i.text.split(/\s+/).slice(1);

/** Every base Ruby takes: Lambda's images, OS-only, and images of one's own (an organisation's too). */
function bases(version: string): string[][] {
  const runtime = `ruby${version}`;
  const aws = AWS_RUNTIMES.some((r) => r.id === runtime) ? [['--runtime', runtime]] : [];
  const native = (LANGUAGE_VERSIONS.ruby ?? []).includes(version)
    ? [
        ['--base', 'image'],
        ['--base', 'image', '--image', 'debian:bookworm-slim'],
        ['--base', 'image', '--image', 'ubuntu:24.04'],
        ['--base', 'image', '--image', 'alpine:3.23'],
        ['--base', 'image', '--image', 'registry.example.com/team/base:1.0', '--family', 'debian:13'],
      ]
    : [];
  // Amazon Linux 2023 packages some Ruby versions only.
  const al2023 = DISTRO_RELEASES.find((r) => r.id === 'al2023')!.languages.some((l) => l.runtime === runtime)
    ? [['--base', 'os-only', '--os', 'al2023'], ['--base', 'image', '--image', 'amazonlinux:2023']]
    : [];
  return [...aws, ...[...native, ...al2023].map((b) => [...b, '--runtime', runtime])];
}

const VERSIONS = [...new Set([...AWS_RUNTIMES.filter((r) => r.language === 'ruby').map((r) => r.languageVersion), ...(LANGUAGE_VERSIONS.ruby ?? [])])];
const CASES = VERSIONS.flatMap((version) => bases(version).flatMap((base) => ['x86_64', 'arm64'].map((arch) => ({ version, args: [...base, '--arch', arch] }))));

const HANDLERS = [
  { handler: 'app.lambda_handler', file: 'app.rb', test: 'test/app_test.rb', path: [] as string[], method: 'lambda_handler' },
  { handler: 'function.Handler.process', file: 'function.rb', test: 'test/function_test.rb', path: ['Handler'], method: 'process' },
  { handler: 'lib/orders.Acme::Orders::Fn.handle', file: 'lib/orders.rb', test: 'test/orders_test.rb', path: ['Acme', 'Orders', 'Fn'], method: 'handle' },
];

/** The sample's test requires the handler's file and calls the method it defines, with its keywords. */
function expectTestCallsHandler(f: Map<string, string>, h: (typeof HANDLERS)[number]) {
  const handler = f.get(h.file)!;
  const test = f.get(h.test)!;
  expect(handler, h.file).toBeDefined();
  expect(test, h.test).toBeDefined();
  const defined = definitions(handler).filter((d) => d.name === h.method);
  expect(defined).toHaveLength(1);
  const def = defined[0]!;
  expect(def.path).toEqual(h.path);
  // Lambda calls a method in a module or class on the module or class itself.
  expect(def.singleton).toBe(h.path.length > 0);
  expect(def.keywords).toEqual(['event', 'context']);

  const required = requiresOf(test, 'require_relative').map((r) => `${posix.join(posix.dirname(h.test), r)}.rb`);
  expect(required).toEqual([h.file]);
  expect(requiresOf(test, 'require')).toContain('minitest/autorun');
  expect(code(test)).toMatch(/\bclass\s+\w+\s*<\s*Minitest::Test\b/);
  expect(definitions(test).filter((d) => d.name.startsWith('test_'))).toHaveLength(1);
  expect(callsOf(test, h.method)).toEqual([{ receiver: def.path, keywords: def.keywords }]);
}

describe('Ruby sample unit test', () => {
  it('covers every Ruby version, both architectures and every base kind; minitest is catalogued for each', () => {
    expect(new Set(CASES.map((c) => c.version))).toEqual(new Set(['3.2', '3.3', '3.4', '4.0']));
    for (const v of VERSIONS) expect(MINITEST_BY_RUBY[v], v).toBeDefined();
    expect(new Set(CASES.map((c) => c.args[c.args.indexOf('--arch') + 1]))).toEqual(new Set(['x86_64', 'arm64']));
    expect(CASES.some((c) => !c.args.includes('--base'))).toBe(true);
    expect(CASES.some((c) => c.args.includes('os-only'))).toBe(true);
    expect(CASES.some((c) => c.args.includes('--family'))).toBe(true);
  });

  for (const { version, args } of CASES) {
    it(`${args.join(' ')}: a minitest file calling the handler; run in the build stage only with --test-in-build`, async () => {
      const off = await generate(args);
      const on = await generate([...args, '--test-in-build']);
      for (const g of [off, on]) expectTestCallsHandler(g.files, HANDLERS[0]!);

      // Without the flag the tests stay files in the folder: no test run, and not in the context.
      const offDockerfile = off.files.get('Dockerfile')!;
      expect(parseStages(offDockerfile).flatMap(runs).filter((r) => RUBY_TEST.test(r))).toEqual([]);
      expect(off.files.get('.dockerignore')!.split('\n')).toContain('test');

      // With it: once, in the build stage, after the gems and the code are in place.
      const dockerfile = on.files.get('Dockerfile')!;
      const stages = parseStages(dockerfile);
      const withTest = stages.filter((s) => runs(s).some((r) => RUBY_TEST.test(r)));
      expect(withTest.map((s) => s.name)).toEqual(['build']);
      const build = withTest[0]!;
      const at = build.instructions.findIndex((i) => i.keyword === 'RUN' && RUBY_TEST.test(i.args));
      const copyCode = build.instructions.findIndex((i) => i.keyword === 'COPY' && words(i).join(' ') === '. /code/');
      const lastInstall = build.instructions.map((i, n) => (i.keyword === 'RUN' && /\b(?:bundle|gem)\b[^&]* install\b/.test(i.args) && !RUBY_TEST.test(i.args) ? n : -1)).reduce((a, b) => Math.max(a, b), -1);
      expect(copyCode).toBeGreaterThan(-1);
      expect(at).toBeGreaterThan(copyCode);
      expect(at).toBeGreaterThan(lastInstall);
      const step = runs(build)[runs(build).findIndex((r) => RUBY_TEST.test(r))]!;
      // Minitest from the image's Ruby, else the version its release bundles, into a folder nothing copies.
      expect(step).toMatch(new RegExp(`\\|\\| \\S*gem install --no-document --install-dir /tmp/test-gems minitest -v ${minitestFor(version).version.replace(/\./g, '\\.')}; \\}`));
      // Not under Bundler, which hides bundled gems the Gemfile does not list.
      expect(step).not.toMatch(/\bbundle\s+exec\b|bundler\/setup/);
      expect(step).toMatch(/&& rm -rf \/code\/test$/);
      expect(on.files.get('.dockerignore')!.split('\n')).not.toContain('test');
      // The shipped install still leaves the test group out.
      expect(runs(build).filter((r) => /bundle\b.*config set --local without development:test/.test(r))).toHaveLength(1);

      // The image gets exactly what it got without the flag: the same stage, copying the same things.
      const deployed = deployedStage(dockerfile);
      const deployedOff = deployedStage(offDockerfile);
      expect(deployed.instructions.map((i) => i.text)).toEqual(deployedOff.instructions.map((i) => i.text));
      expect(runs(deployed).filter((r) => /test/.test(r))).toEqual([]);
      const sources = deployed.instructions.filter((i) => i.keyword === 'COPY').map((i) => words(i).filter((w) => !w.startsWith('--'))[0]);
      for (const src of sources) expect(src).not.toMatch(/^\/tmp|test/);
    });
  }

  it('follows other handler shapes: a method in a class, and in nested modules in a folder', async () => {
    for (const h of HANDLERS) {
      for (const base of [[], ['--base', 'image']]) {
        const { files: f } = await generate(['--runtime', 'ruby3.4', ...base, '--handler', h.handler, '--test-in-build']);
        expectTestCallsHandler(f, h);
        expect(runs(parseStages(f.get('Dockerfile')!)[0]!).some((r) => RUBY_TEST.test(r))).toBe(true);
      }
    }
  });

  it('is recorded in the header, so check regenerates the same Dockerfile', async () => {
    for (const base of [[], ['--base', 'os-only']]) {
      const cwd = tempDir('ruby-check-');
      expect((await run(['fn', '--runtime', 'ruby3.4', ...base, '--test-in-build'], { cwd })).code).toBe(0);
      const check = await run(['check', 'fn'], { cwd });
      expect(check.code, check.stdout + check.stderr).toBe(0);
    }
  });

  it('tells a project of its own which tests run, and how', async () => {
    for (const base of [[], ['--base', 'image']]) {
      const cwd = tempDir('ruby-own-');
      const r = await run(['fn', '--runtime', 'ruby3.4', ...base, '--no-sample', '--test-in-build'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/--test-in-build runs test\/\*\*\/\*_test\.rb and test\/\*\*\/test_\*\.rb with ruby and minitest, without Bundler/);
      const without = await run(['fn2', '--runtime', 'ruby3.4', ...base, '--no-sample'], { cwd });
      expect(without.stderr).not.toMatch(/test\/\*\*\/\*_test\.rb/);
    }
  });

  it('the Ruby readers these tests rely on find definitions, calls and unbalanced code', () => {
    const src = "module A\n  class B # c\n    def self.run(event:, context:)\n      [1].each do |x|\n        x\n      end\n      'def nope(x:)'\n    end\n  end\nend\n";
    expect(definitions(src)).toEqual([{ path: ['A', 'B'], name: 'run', singleton: true, keywords: ['event', 'context'] }]);
    expect(callsOf('A::B.run(event: e, context: nil)\nrun(event: 1)\nx.run(y)', 'run')).toEqual([
      { receiver: ['A', 'B'], keywords: ['event', 'context'] },
      { receiver: [], keywords: ['event'] },
    ]);
    expect(() => definitions('module A\n  def x\n  end\n')).toThrow();
  });
});

describe.skipIf(!RUBY)('Ruby sample, run with the ruby on this machine', () => {
  it('every generated Ruby file is valid syntax, and the test passes against the handler', async () => {
    for (const h of HANDLERS) {
      for (const base of [[], ['--base', 'image']]) {
        const { dir, files: f } = await generate(['--runtime', 'ruby3.4', ...base, '--handler', h.handler]);
        for (const file of [...f.keys()].filter((p) => p.endsWith('.rb') || p === 'Gemfile')) {
          const syntax = spawnSync('ruby', ['-c', file], { cwd: dir, encoding: 'utf8' });
          expect(syntax.status, `${file}: ${syntax.stderr}`).toBe(0);
        }
        const test = spawnSync('ruby', [h.test], { cwd: dir, encoding: 'utf8' });
        expect(test.status, test.stdout + test.stderr).toBe(0);
        expect(test.stdout).toMatch(/1 runs, 2 assertions, 0 failures, 0 errors/);
      }
    }
  });

  /*
   * The build stage's test step, run here on a copy of the project: its paths moved under a
   * temporary folder, the image's interpreter and gem command replaced by this machine's. The
   * handler needs a gem from the function's bundle, so the step must see the bundle's gems
   * without Bundler (Bundler's path layout on AWS images, GEM_HOME elsewhere).
   */
  for (const base of [[], ['--base', 'image'], ['--base', 'os-only']]) {
    it(`${base.join(' ') || '--base aws'}: the step passes with the bundle's gems, removes test/, and fails the build when a test fails`, async () => {
      const { dir, files: f } = await generate(['--runtime', 'ruby3.4', ...base, '--test-in-build']);
      const build = parseStages(f.get('Dockerfile')!)[0]!;
      const step = build.instructions.find((i) => i.keyword === 'RUN' && RUBY_TEST.test(i.args))!.args;
      const gemHome = build.instructions.find((i) => i.keyword === 'ENV' && i.args.startsWith('GEM_HOME='))?.args.slice('GEM_HOME='.length);
      const abi = spawnSync('ruby', ['-e', 'print RbConfig::CONFIG["ruby_version"]'], { encoding: 'utf8' }).stdout;

      const attempt = (handlerBody: string) => {
        const root = tempDir('ruby-step-');
        cpSync(dir, join(root, 'code'), { recursive: true });
        // A gem of the function's own, installed where the build puts the bundle.
        const gems = gemHome ? join(root, gemHome) : join(root, 'var/task/vendor/bundle/ruby', abi);
        mkdirSync(join(gems, 'specifications'), { recursive: true });
        mkdirSync(join(gems, 'gems/greeting-1.0.0/lib'), { recursive: true });
        writeFileSync(join(gems, 'gems/greeting-1.0.0/lib/greeting.rb'), "module Greeting\n  def self.text = 'Hello from Lambda'\nend\n");
        writeFileSync(join(gems, 'specifications/greeting-1.0.0.gemspec'), "Gem::Specification.new do |s|\n  s.name = 'greeting'\n  s.version = '1.0.0'\n  s.summary = 'test'\n  s.authors = ['test']\n  s.files = ['lib/greeting.rb']\nend\n");
        const handler = join(root, 'code', 'app.rb');
        writeFileSync(handler, `require 'greeting'\n${readFileSync(handler, 'utf8').replace(/\{ statusCode: 200, body: JSON\.generate\(message: 'Hello from Lambda'/, handlerBody)}`);
        expect(readFileSync(handler, 'utf8')).toContain('Greeting.text');
        mkdirSync(join(root, 'code', 'test', 'unit'));
        writeFileSync(join(root, 'code', 'test', 'unit', 'test_greeting.rb'), "require 'minitest/autorun'\nrequire 'greeting'\n\nclass GreetingTest < Minitest::Test\n  def test_text\n    assert_equal 'Hello from Lambda', Greeting.text\n  end\nend\n");
        const command = step
          .replace(/\\\n/g, ' ')
          .replace(/\/code\b/g, join(root, 'code'))
          .replace(/\/var\/task\b/g, join(root, 'var/task'))
          .replace(/\/tmp\/test-gems\b/g, join(root, 'test-gems'))
          .replace(/(?<=^\{ |&& )\S*ruby[\d.]*(?= -e)/g, 'ruby')
          .replace(/\|\| \S*gem\b/, '|| gem');
        const env: NodeJS.ProcessEnv = { ...process.env, ...(gemHome ? { GEM_HOME: join(root, gemHome) } : {}) };
        delete env.GEM_PATH;
        const r = spawnSync('sh', ['-c', command], { encoding: 'utf8', env });
        return { r, root };
      };

      const pass = attempt("{ statusCode: 200, body: JSON.generate(message: Greeting.text");
      expect(pass.r.status, pass.r.stdout + pass.r.stderr).toBe(0);
      // The sample's test and the one in a folder below, named the other usual way.
      expect(pass.r.stdout).toMatch(/2 runs, 3 assertions, 0 failures, 0 errors/);
      expect(existsSync(join(pass.root, 'code', 'test'))).toBe(false);
      expect(existsSync(join(pass.root, 'code', 'app.rb'))).toBe(true);
      // Minitest came from this machine's Ruby: nothing was installed for the tests.
      expect(existsSync(join(pass.root, 'test-gems'))).toBe(false);

      const fail = attempt("{ statusCode: 500, body: JSON.generate(message: Greeting.text");
      expect(fail.r.status).not.toBe(0);
      expect(fail.r.stdout).toMatch(/1 failures/);
      expect(existsSync(join(fail.root, 'code', 'test'))).toBe(true);
    });
  }
});
