import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../src/catalog/types';

/*
 * A new language version is one line in the version lists (src/catalog/versions.ts): the runtime
 * id, the official default images, AL2023's packages and the copies onto other releases follow.
 * The AWS base also needs Lambda's own image for it, a record of its own dates in runtimes.ts.
 * Here a Python that does not exist is added to copies of both, and generated on every base kind.
 */
const FAKE = '3.15';

vi.mock('../../src/catalog/versions', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/catalog/versions')>();
  const table: Partial<Record<Language, readonly string[]>> = { ...real.LANGUAGE_VERSIONS, python: [FAKE, ...real.versionsOf('python')] };
  return { ...real, LANGUAGE_VERSIONS: table, versionsOf: (language: Language) => table[language] ?? [] };
});

vi.mock('../../src/catalog/runtimes', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/catalog/runtimes')>();
  const newest = real.AWS_RUNTIMES.find((r) => r.id === 'python3.14')!;
  return { ...real, AWS_RUNTIMES: [{ ...newest, id: `python${FAKE}`, lambdaId: `python${FAKE}`, languageVersion: FAKE, tag: FAKE }, ...real.AWS_RUNTIMES] };
});

const { generate } = await import('../../src/commands/generate');
const { resolveOptions } = await import('../../src/options/resolve');
const { LANGUAGE_RUNTIMES } = await import('../../src/catalog/language-runtimes');
const { deployedStage, installs, parseStages } = await import('../support/dockerfile');
const { TODAY } = await import('../support/run');

function dockerfile(raw: Record<string, unknown>): string {
  return generate(resolveOptions({ runtime: `python${FAKE}`, ...raw }, TODAY), { files: new Set() }, 'fn').dockerfile;
}

describe('a language version added as one line', () => {
  it('becomes a runtime id', () => {
    expect(LANGUAGE_RUNTIMES.find((r) => r.id === `python${FAKE}`)).toMatchObject({ language: 'python', version: FAKE });
  });

  it('builds on the AWS base from its Lambda image', () => {
    const text = dockerfile({ base: 'aws' });
    expect(deployedStage(text).from).toBe(`public.ecr.aws/lambda/python:${FAKE}`);
  });

  it('installs from AL2023 packages on the OS-only base', () => {
    const text = dockerfile({ base: 'os-only' });
    expect(deployedStage(text).from).toBe('public.ecr.aws/lambda/provided:al2023');
    expect(installs(deployedStage(text)).flatMap((i) => i.packages)).toContain(`python${FAKE}`);
  });

  it('uses the official image by default on the image base, and is copied from it onto an organisation image', () => {
    expect(deployedStage(dockerfile({ base: 'image' })).from).toBe(`python:${FAKE}-slim-bookworm`);
    const text = dockerfile({ base: 'image', image: 'registry.example.com/team/base:1.0', family: 'debian:13' });
    expect(deployedStage(text).from).toBe('registry.example.com/team/base:1.0');
    expect(parseStages(text).find((s) => s.name === 'python-runtime')?.from).toBe(`python:${FAKE}-slim-trixie`);
    expect(deployedStage(text).instructions.map((i) => i.text)).toContain("COPY --from=python-runtime /usr/local/ /usr/local/");
  });
});
