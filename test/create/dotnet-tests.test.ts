/**
 * The .NET sample's unit test: an xUnit.net project under tests/ that references the function's
 * project and calls the handler the sample defines, run by `dotnet test` in the build stage only
 * with --test-in-build. Nothing .NET builds on this machine (no NuGet), so the tests read what
 * the files say: the project files as XML, the C# by its declarations, the Dockerfile by stage.
 */
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES } from '../../src/catalog';
import { LANGUAGE_VERSIONS } from '../../src/catalog/versions';
import { DOTNET_TEST_LIBRARIES } from '../../src/catalog/test-libraries';
import { deployedStage, parseStages, type ParsedStage } from '../support/dockerfile';
import { run, snapshotTree, tempDir } from '../support/run';
import { descendants, parseXml, type XmlElement } from '../support/xml';

/** Every file below dir, by its path relative to dir. */
const files = (dir: string): Map<string, string> => new Map(Object.entries(snapshotTree(dir)));

async function generate(args: string[]) {
  const cwd = tempDir('dotnet-tests-');
  const r = await run(['fn', '--allow-deprecated', ...args], { cwd });
  // Exit 0: the Dockerfile passed the lint that runs before anything is written.
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return { cwd, files: files(join(cwd, 'fn')) };
}

// --- C#, read by its declarations -------------------------------------------------------------

/** The code without comments, and with every string literal emptied. */
function code(source: string): string {
  return source.replace(/"(?:\\.|[^"\\\n])*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? '""' : ''));
}

const namespaceOf = (source: string) => /\bnamespace\s+([\w.]+)\s*[;{]/.exec(code(source))?.[1];
const classesOf = (source: string) => [...code(source).matchAll(/\bclass\s+(\w+)/g)].map((m) => m[1]!);
const argCount = (list: string) => (list.trim() === '' ? 0 : list.split(',').length);

/** Methods with an access modifier: name, whether static, and how many parameters. */
function methodsOf(source: string): { name: string; isStatic: boolean; params: number }[] {
  const re = /\b(?:public|private|internal|protected)\s+((?:static\s+|async\s+)*)[\w<>,.?[\]]+(?:\s*<[^>]*>)?\s+(\w+)\s*\(([^)]*)\)/g;
  return [...code(source).matchAll(re)].map((m) => ({ name: m[2]!, isStatic: /\bstatic\b/.test(m[1]!), params: argCount(m[3]!) }));
}

/** Calls of `method` in the code: on a new instance of a class, or on a class (static). */
function callsOf(source: string, method: string): { receiver: string; onInstance: boolean; args: number }[] {
  const re = new RegExp(`(?:\\bnew\\s+(\\w+)\\s*\\(\\s*\\)|\\b(\\w+))\\s*\\.\\s*${method}\\s*\\(([^()]*(?:\\([^()]*\\)[^()]*)*)\\)`, 'g');
  return [...code(source).matchAll(re)].map((m) => ({ receiver: (m[1] ?? m[2])!, onInstance: m[1] !== undefined, args: argCount(m[3]!) }));
}

// --- the project files --------------------------------------------------------------------------

const property = (project: XmlElement, name: string) => descendants(project, 'PropertyGroup').flatMap((g) => g.children.filter((c) => c.name === name)).map((c) => c.text);
const packages = (project: XmlElement) => descendants(project, 'PackageReference').map((p) => [p.attributes.Include, p.attributes.Version]);

const runs = (stage: ParsedStage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args.replace(/\\\n/g, ' '));
const DOTNET_TEST = /(?:^|&&\s*)dotnet test\b/;
const HANDLER = { assembly: 'Function', namespace: 'Function', className: 'Handler', method: 'FunctionHandler' };

/** Every base .NET can take: Lambda's images, OS-only, and images of one's own (organisation's too). */
function bases(version: string): string[][] {
  const aws = AWS_RUNTIMES.some((r) => r.language === 'dotnet' && r.languageVersion === version) ? [['--runtime', `dotnet${version}`]] : [];
  const native = [
    ['--base', 'os-only', '--os', 'al2023'],
    ['--base', 'image'],
    ['--base', 'image', '--image', 'debian:bookworm-slim'],
    ['--base', 'image', '--image', 'ubuntu:24.04'],
    ['--base', 'image', '--image', 'alpine:3.23'],
    ['--base', 'image', '--image', 'amazonlinux:2023'],
    ['--base', 'image', '--image', 'registry.example.com/team/base:1.0', '--family', 'debian:13'],
  ].map((b) => [...b, '--runtime', `dotnet${version}`]);
  return [...aws, ...native];
}

const CASES = (LANGUAGE_VERSIONS.dotnet ?? []).flatMap((version) => bases(version).flatMap((base) => ['x86_64', 'arm64'].map((arch) => ({ version, args: [...base, '--arch', arch] }))));

describe('.NET sample unit test', () => {
  it('covers every .NET version, both architectures and every base kind', () => {
    expect(new Set(CASES.map((c) => c.version))).toEqual(new Set(['8', '9', '10']));
    expect(new Set(CASES.map((c) => c.args[c.args.indexOf('--arch') + 1]))).toEqual(new Set(['x86_64', 'arm64']));
    expect(CASES.some((c) => !c.args.includes('--base'))).toBe(true);
    expect(CASES.some((c) => c.args.includes('os-only'))).toBe(true);
    expect(CASES.some((c) => c.args.includes('--family'))).toBe(true);
  });

  for (const { version, args } of CASES) {
    it(`${args.join(' ')}: a test project that references the function and calls its handler; dotnet test only with --test-in-build`, async () => {
      const off = await generate(args);
      const on = await generate([...args, '--test-in-build']);
      const testProjectPath = `tests/${HANDLER.assembly}.Tests/${HANDLER.assembly}.Tests.csproj`;
      const testClassPath = `tests/${HANDLER.assembly}.Tests/${HANDLER.className}Tests.cs`;

      for (const g of [off, on]) {
        // The function's project: the target the catalog gives, and tests/ left out of its items.
        const fnProject = parseXml(g.files.get(`${HANDLER.assembly}.csproj`)!);
        expect(fnProject.name).toBe('Project');
        expect(fnProject.attributes.Sdk).toBe('Microsoft.NET.Sdk');
        expect(property(fnProject, 'TargetFramework')).toEqual([`net${version}.0`]);
        const excludes = property(fnProject, 'DefaultItemExcludes');
        expect(excludes).toHaveLength(1);
        expect(excludes[0]!.split(';')).toEqual(['$(DefaultItemExcludes)', 'tests/**']);
        expect(descendants(fnProject, 'ProjectReference')).toEqual([]);

        // The test project: same target, an executable (xUnit.net v3), the catalog's packages, and
        // a reference that resolves to the function's project file.
        const testProject = parseXml(g.files.get(testProjectPath)!);
        expect(testProject.attributes.Sdk).toBe('Microsoft.NET.Sdk');
        expect(property(testProject, 'TargetFramework')).toEqual([`net${version}.0`]);
        expect(property(testProject, 'OutputType')).toEqual(['Exe']);
        expect(packages(testProject)).toEqual(DOTNET_TEST_LIBRARIES.map((l) => [l.package, l.version]));
        const refs = descendants(testProject, 'ProjectReference').map((r) => posix.join(posix.dirname(testProjectPath), r.attributes.Include!.replace(/\\/g, '/')));
        expect(refs).toEqual([`${HANDLER.assembly}.csproj`]);
        expect(g.files.has(refs[0]!)).toBe(true);

        // The test class names the handler's namespace, class and method as the sample defines them.
        const handler = g.files.get(`${HANDLER.className}.cs`)!;
        const test = g.files.get(testClassPath)!;
        expect(namespaceOf(handler)).toBe(HANDLER.namespace);
        expect(classesOf(handler)).toEqual([HANDLER.className]);
        const declared = methodsOf(handler).filter((m) => m.name === HANDLER.method);
        expect(declared).toHaveLength(1);
        expect(namespaceOf(test)).toBe(namespaceOf(handler));
        expect(classesOf(test)).toEqual([`${HANDLER.className}Tests`]);
        expect(code(test)).toMatch(/\[Fact\]\s*public\s+(?:async\s+Task|void)\s+\w+\s*\(\s*\)/);
        const calls = callsOf(test, HANDLER.method);
        expect(calls).toEqual([{ receiver: HANDLER.className, onInstance: !declared[0]!.isStatic, args: declared[0]!.params }]);
      }

      // Without the flag the tests stay files in the folder: no dotnet test, and not in the context.
      const offStages = parseStages(off.files.get('Dockerfile')!);
      expect(offStages.flatMap(runs).filter((r) => DOTNET_TEST.test(r))).toEqual([]);
      const offIgnore = off.files.get('.dockerignore')!.split('\n');
      expect(offIgnore).toContain('tests');

      // With it: in the stage that publishes, after the publish, with the NuGet cache mounted.
      const dockerfile = on.files.get('Dockerfile')!;
      const stages = parseStages(dockerfile);
      const build = stages.find((s) => runs(s).some((r) => /dotnet publish\b/.test(r)))!;
      const steps = runs(build);
      const publishAt = steps.findIndex((r) => /dotnet publish\b/.test(r));
      const testAt = steps.findIndex((r) => DOTNET_TEST.test(r));
      expect(testAt).toBeGreaterThan(publishAt);
      expect(steps[testAt]).toBe(`dotnet test ${testProjectPath}`);
      const testRun = build.instructions.filter((i) => i.keyword === 'RUN')[testAt]!;
      expect(testRun.text.split(/\s+/)).toContain('--mount=type=cache,target=/root/.nuget/packages');
      expect(stages.filter((s) => s !== build).flatMap(runs).filter((r) => DOTNET_TEST.test(r))).toEqual([]);
      expect(on.files.get('.dockerignore')!.split('\n')).not.toContain('tests');

      // The image gets the publish output only (and the generated start script, where there is one).
      const deployed = deployedStage(dockerfile);
      expect(runs(deployed).filter((r) => DOTNET_TEST.test(r))).toEqual([]);
      const copies = deployed.instructions.filter((i) => i.keyword === 'COPY');
      const words = (i: ParsedStage['instructions'][number]) => i.text.split(/\s+/).slice(1);
      const fromBuild = copies.filter((i) => words(i).includes('--from=build')).map((i) => words(i).filter((w) => !w.startsWith('--'))[0]);
      expect(fromBuild.filter((src) => src === '/asset/')).toHaveLength(1);
      for (const src of fromBuild) expect(['/asset/', '/lambda-entrypoint.sh', '/var/runtime/bootstrap']).toContain(src);
      expect(copies.filter((i) => !words(i).some((w) => w.startsWith('--from=')))).toEqual([]);

      // bin and obj at any depth stay out of the context in both cases (the test project has its own).
      for (const ignore of [offIgnore, on.files.get('.dockerignore')!.split('\n')]) expect(ignore).toEqual(expect.arrayContaining(['**/bin', '**/obj']));
    });
  }

  it('follows a handler with other names: assembly, namespace, class and method', async () => {
    for (const base of [[], ['--base', 'os-only']]) {
      const { files: f } = await generate(['--runtime', 'dotnet10', ...base, '--handler', 'Acme.Orders::Acme.Orders.Api.OrderFunction::Handle', '--test-in-build']);
      const test = f.get('tests/Acme.Orders.Tests/OrderFunctionTests.cs')!;
      expect(namespaceOf(test)).toBe('Acme.Orders.Api');
      expect(callsOf(test, 'Handle').map((c) => c.receiver)).toEqual(['OrderFunction']);
      const project = parseXml(f.get('tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj')!);
      expect(descendants(project, 'ProjectReference').map((r) => r.attributes.Include)).toEqual(['../../Acme.Orders.csproj']);
      expect(f.has('Acme.Orders.csproj')).toBe(true);
      expect(runs(parseStages(f.get('Dockerfile')!)[0]!).some((r) => r.endsWith('dotnet test tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj'))).toBe(true);
    }
  });

  it('is recorded in the header, so check regenerates the same Dockerfile', async () => {
    const { cwd } = await generate(['--runtime', 'dotnet10', '--base', 'os-only', '--test-in-build']);
    const check = await run(['check', 'fn'], { cwd });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('tells a project of its own where the tests are expected and that they are copied into the build', async () => {
    for (const base of [[], ['--base', 'os-only']]) {
      const cwd = tempDir('dotnet-own-');
      const r = await run(['fn', '--runtime', 'dotnet10', ...base, '--handler', 'Orders::Orders.Fn::Handle', '--no-sample', '--test-in-build'], { cwd });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/dotnet test tests\/Orders\.Tests\/Orders\.Tests\.csproj .*must leave tests\/ out of its items/);
      const without = await run(['fn2', '--runtime', 'dotnet10', ...base, '--no-sample'], { cwd });
      expect(without.stderr).not.toMatch(/must leave tests\//);
    }
  });
});

describe('the strict XML reader these tests rely on', () => {
  it('reads elements, attributes, text and entities', () => {
    const x = parseXml('<?xml version="1.0"?>\n<!-- c -->\n<P a="1" b=\'&amp;\'><Q>x &lt; y</Q><R/></P>\n');
    expect(x).toEqual({ name: 'P', attributes: { a: '1', b: '&' }, text: '', children: [{ name: 'Q', attributes: {}, children: [], text: 'x < y' }, { name: 'R', attributes: {}, children: [], text: '' }] });
  });

  it('refuses what is not well-formed', () => {
    for (const bad of ['<P><Q></P></Q>', '<P>', '<P/><P/>', '<P a=1/>', '<P a="1" a="2"/>', '<P>&</P>', '<P>&nope;</P>', '<!-- a -- b --><P/>', '<P>a < b</P>', '<P a="<"/>', 'text<P/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
  });
});
