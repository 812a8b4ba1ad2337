import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalStage, parseStages } from '../support/dockerfile';
import { run } from '../support/run';
import { DIGEST_A, DIGEST_B, MIRROR, STDOUT, writeTree } from './helpers';

const REF = 'public.ecr.aws/lambda/nodejs:22';

const TEAM = `registryMirror: ${MIRROR}
pin:
  ${REF}: ${DIGEST_A}
labels:
  org.opencontainers.image.vendor: Example
  team: payments
`;

describe('config values reach the Dockerfile', () => {
  it('mirror, digest and labels appear in the output', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': TEAM });
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd });
    expect(result.code).toBe(0);
    const final = finalStage(result.stdout);
    expect(final.from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_A}`);
    expect(parseStages(result.stdout)[0]!.from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_A}`);
    const label = final.instructions.find((i) => i.keyword === 'LABEL')!;
    expect(label.args).toContain('org.opencontainers.image.vendor="Example"');
    expect(label.args).toContain('team="payments"');
    // Every FROM goes through the mirror (the header still names the pinned reference as written).
    for (const stage of parseStages(result.stdout)) expect(stage.from.startsWith(`${MIRROR}/`)).toBe(true);
  });

  it('a Lambda alias in the flag (nodejs22.x) still finds the pin', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': TEAM });
    const result = await run([...STDOUT, '--runtime', 'nodejs22.x'], { cwd });
    expect(finalStage(result.stdout).from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_A}`);
  });

  it('per-architecture digests pick the chosen architecture', async () => {
    const cwd = writeTree({
      'lambda-image.yaml': `runtime: nodejs22\npin:\n  ${REF}:\n    x86_64: ${DIGEST_A}\n    arm64: ${DIGEST_B}\n`,
    });
    const x86 = await run([...STDOUT, '--arch', 'x86_64'], { cwd });
    const arm = await run([...STDOUT, '--arch', 'arm64'], { cwd });
    expect(finalStage(x86.stdout).from).toBe(`${REF}@${DIGEST_A}`);
    expect(finalStage(arm.stdout).from).toBe(`${REF}@${DIGEST_B}`);
    // Without --arch the default is x86_64 whatever the host is.
    expect(finalStage((await run(STDOUT, { cwd })).stdout).from).toBe(`${REF}@${DIGEST_A}`);
  });

  it('an architecture missing from a per-arch pin stays unpinned', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': `runtime: nodejs22\narch: arm64\npin:\n  ${REF}:\n    x86_64: ${DIGEST_A}\n` });
    expect(finalStage((await run(STDOUT, { cwd })).stdout).from).toBe(REF);
  });

  it('osPackages as a stage map and instructions per stage', async () => {
    const cwd = writeTree({
      'lambda-image.yaml': [
        'runtime: nodejs22',
        'osPackages:',
        '  build: [gcc-c++, make]',
        '  final: [jq]',
        'instructions:',
        '  build:',
        '    - ARG NPM_CONFIG_LOGLEVEL=warn',
        '  final:',
        '    - ENV TZ=UTC',
        '',
      ].join('\n'),
    });
    const result = await run(STDOUT, { cwd });
    expect(result.code).toBe(0);
    const [build, final] = parseStages(result.stdout);
    expect(build!.instructions.find((i) => i.keyword === 'RUN' && !i.args.includes('TARGETARCH'))!.args).toMatch(/^dnf install -y gcc-c\+\+ make/);
    expect(build!.instructions.map((i) => i.text)).toContain('ARG NPM_CONFIG_LOGLEVEL=warn');
    expect(final!.instructions.find((i) => i.keyword === 'RUN')!.args).toMatch(/^dnf install -y jq/);
    expect(final!.instructions.map((i) => i.text)).toContain('ENV TZ=UTC');
  });

  it('writes the same Dockerfile to a folder', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': TEAM });
    const result = await run(['fn', '--no-lint', '--runtime', 'nodejs22'], { cwd });
    expect(result.code).toBe(0);
    const text = readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8');
    expect(finalStage(text).from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_A}`);
  });

  it('--config reads another file instead of ./lambda-image.yaml', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'arch: amd64\n', 'team/team.yaml': TEAM });
    const result = await run([...STDOUT, '--runtime', 'nodejs22', '--config', 'team/team.yaml'], { cwd });
    expect(result.code).toBe(0);
    expect(finalStage(result.stdout).from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_A}`);
  });

  it('the shipped example files (test/fixtures/config) merge into one Dockerfile', async () => {
    const cwd = join(import.meta.dirname, '../fixtures/config/project');
    const result = await run(STDOUT, { cwd });
    expect(result.code).toBe(0);
    const final = finalStage(result.stdout);
    expect(final.from).toBe(`${MIRROR}/lambda/nodejs:22@${DIGEST_B}`);
    expect(final.instructions.filter((i) => i.keyword === 'ENV').map((i) => i.text)).toEqual(['ENV TZ=UTC', 'ENV POWERTOOLS_SERVICE_NAME=payments']);
  });
});
