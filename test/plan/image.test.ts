import { describe, expect, it } from 'vitest';
import { LAMBDA, LANGUAGES } from '../../src/catalog';
import { defaultFamily } from '../../src/catalog/images';
import { findLanguageRuntime } from '../../src/catalog/language-runtimes';
import { RIE } from '../../src/catalog/rics';
import { defaultImageFor } from '../../src/catalog/targets';
import type { OwnedFile } from '../../src/plan/model';
import { facts, planFor, PROJECT_FILES } from './helpers';

/** One runtime per language, on the image the catalog picks when only the runtime is given. */
const RUNTIMES = ['nodejs24', 'python3.13', 'java21', 'dotnet10', 'ruby3.4', 'go', 'rust', 'custom'] as const;

const entryOf = (files: OwnedFile[]) => files.find((f) => f.template === 'entry/lambda-entrypoint.sh');

describe('plan() on other images', () => {
  for (const id of RUNTIMES) {
    const rt = findLanguageRuntime(id)!;
    const language = rt.language;
    const info = LANGUAGES[language];
    const image = defaultImageFor(id, defaultFamily(language, rt.version))!;

    it(`${id}: the final stage is the catalog's image, with an entrypoint the plan supplies`, () => {
      const p = planFor(language, { base: 'image', runtime: id }, facts(...PROJECT_FILES[language]));
      expect(p.kind).toBe('image');
      expect(p.dockerfile.template).toBe(`image/${language}`);
      expect(p.dockerfile.final.from).toBe(image.final);
      expect(JSON.parse(p.dockerfile.final.cmd)).toEqual([p.options.handler]);
      expect(JSON.parse(p.dockerfile.final.entrypoint!)).toEqual(p.settings.entryPoint);
      expect(p.settings.workingDirectory).toBe(LAMBDA.taskRoot);
      // Nothing runs /var/runtime/bootstrap for the function on an image base: there is no bootstrap script.
      expect(p.ownedFiles.some((f) => f.template === 'entry/bootstrap.sh')).toBe(false);
    });

    if (info.bootstrap === 'binary') {
      it(`${id}: the binary is the entrypoint; an entry script is written only for the emulator`, () => {
        const bare = planFor(language, { base: 'image', runtime: id }, facts(...PROJECT_FILES[language]));
        expect(bare.settings.entryPoint).toEqual([LAMBDA.bootstrap]);
        expect(bare.ownedFiles).toEqual([]);
        expect(bare.dockerfile.lang).toMatchObject({ entry: null, rie: null, hasExecutables: false });
        const local = planFor(language, { base: 'image', runtime: id, rie: true }, facts(...PROJECT_FILES[language]));
        expect(local.settings.entryPoint).toEqual([LAMBDA.entryScript]);
        const entry = entryOf(local.ownedFiles);
        expect(entry?.data).toMatchObject({ command: LAMBDA.bootstrap, rie: true, riePath: RIE.path });
      });
    } else {
      it(`${id}: an entry script starts the ${info.bootstrap === 'client' ? 'client' : 'bootstrap script'}`, () => {
        const p = planFor(language, { base: 'image', runtime: id }, facts(...PROJECT_FILES[language]));
        expect(p.settings.entryPoint).toEqual([LAMBDA.entryScript]);
        const entry = entryOf(p.ownedFiles);
        expect(entry).toMatchObject({ path: 'lambda-entrypoint.sh', mode: 0o755 });
        if (entry?.template !== 'entry/lambda-entrypoint.sh') throw new Error('no entry script');
        expect(entry.data).toMatchObject({ title: info.title, rie: false });
        expect(p.dockerfile.lang).toMatchObject({ entry: 'lambda-entrypoint.sh', executables: LAMBDA.entryScript, hasExecutables: true });
        if (info.bootstrap === 'script') expect(entry.data.command).toBe(LAMBDA.bootstrap);
      });
    }
  }

  it('--rie: the local target gets the emulator for the function\'s architecture', () => {
    const p = planFor('python', { base: 'image', runtime: 'python3.13', arch: 'arm64', rie: true }, facts('requirements.txt'));
    if (p.dockerfile.template !== 'image/python') throw new Error('not the Python template');
    expect(p.dockerfile.lang.rie).toEqual({ url: expect.stringContaining(RIE.version), path: RIE.path, version: RIE.version, sha256: RIE.sha256?.arm64 ?? null });
    expect(p.dockerfile.lang.rie?.url).toMatch(/arm64/);
    expect(entryOf(p.ownedFiles)?.data).toMatchObject({ rie: true });
  });

  it('an organisation\'s image is the final stage as given, with the family\'s packages', () => {
    const ref = 'registry.example.com/team/base:1.0';
    const p = planFor('go', { base: 'image', runtime: 'go', image: ref, family: 'debian' }, facts('go.mod', 'go.sum'));
    expect(p.dockerfile.final.from).toBe(ref);
    expect(p.dockerfile.final.packages).toMatchObject({ manager: 'apt-get', packages: expect.arrayContaining(['ca-certificates']) });
  });

  it('Python on an official image installs the client with the image\'s interpreter', () => {
    const p = planFor('python', { base: 'image', runtime: 'python3.12', image: 'python:3.12-slim-bookworm' }, facts('requirements.txt'));
    if (p.dockerfile.template !== 'image/python') throw new Error('not the Python template');
    expect(p.dockerfile.lang.install).toMatch(/^python3\.12 -m pip install --target \/deps --no-compile awslambdaric==\S+ -r requirements\.txt$/);
    expect(p.dockerfile.lang.compileCode).toMatch(/^python3\.12 -m compileall /);
  });

  it('Node.js: npm comes from the image, and the client is pinned', () => {
    const p = planFor('nodejs', { base: 'image', runtime: 'nodejs22' }, facts('package.json', 'package-lock.json'));
    if (p.dockerfile.template !== 'image/nodejs') throw new Error('not the Node.js template');
    expect(p.dockerfile.lang.ric).toMatch(/^aws-lambda-ric@\d/);
    expect(p.dockerfile.lang.installProd).toBe(`${p.dockerfile.lang.npm} ci --omit=dev --no-audit --no-fund`);
  });

  it('.NET on Alpine publishes for musl', () => {
    const p = planFor('dotnet', { base: 'image', runtime: 'dotnet8', family: 'alpine', arch: 'arm64' }, facts('Function.csproj'));
    expect(p.dockerfile.lang).toMatchObject({ rid: 'linux-musl-arm64', selfContained: false });
  });
});
