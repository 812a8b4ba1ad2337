import { describe, expect, it } from 'vitest';
import { RICS, RIE_COMMAND, ricName, ricsFor } from '../../src/catalog/rics';
import { findingsOf } from './helpers';

// Messages that name packages, clients or tools take them from the catalog, so a catalog change
// reaches the advice without anyone editing a rule.

describe('LAM025 advises what the catalog installs', () => {
  it.each([
    ['nodejs', 'FROM node:22-alpine\nRUN npm install aws-lambda-ric@3.3.0'],
    ['python', 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir awslambdaric==3.0.0'],
  ] as const)('the %s client: the Alpine build dependencies of its record', (language, text) => {
    const deps = ricsFor(language)[0]!.buildDeps.alpine!;
    const [finding] = findingsOf('LAM025', text);
    expect(/apk add ([^)]*)\)/.exec(finding!.message)?.[1]?.split(' ')).toEqual(deps);
  });

  it('the Python client: the Alpine run-time libraries of its record', () => {
    const [finding] = findingsOf('LAM025', 'FROM python:3.12-alpine\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]');
    const libs = ricsFor('python')[0]!.runtimeDeps.alpine!;
    expect(/apk add --no-cache ([^;]*?) to the final stage/.exec(finding!.message)?.[1]?.split(' ')).toEqual(libs);
  });
});

describe('LAM001 and LAM028 know the clients the catalog knows', () => {
  const started = RICS.filter((r) => r.command);

  it.each(started.map((r) => [r.language, r] as const))('the %s client, started by its command, is recognised', (_language, ric) => {
    // No install in the image: LAM001 says which package is missing, by the catalog's name.
    const text = `FROM debian:bookworm-slim\nENTRYPOINT ["/usr/local/bin/${ric.command}"]`;
    const [finding] = findingsOf('LAM001', text);
    expect(finding?.message).toContain(`no RUN installs ${ricName(ric)}`);
    expect(findingsOf('LAM028', text)[0]?.message).toContain(`(${RIE_COMMAND})`);
  });

  it('suggests every client that a command starts', () => {
    const [finding] = findingsOf('LAM001', 'FROM debian:bookworm-slim\nCMD ["/bin/true"]');
    for (const ric of started) expect(finding!.message).toContain(ricName(ric));
  });
});
