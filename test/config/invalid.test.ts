import { describe, expect, it } from 'vitest';
import { run } from '../support/run';
import { DIGEST_A, STDOUT, writeTree } from './helpers';

interface Case {
  name: string;
  yaml: string;
  /** Other files next to lambda-image.yaml. */
  files?: Record<string, string>;
  /** The message starts with "<file>:<line>: <key>". */
  file?: string;
  line: number;
  key: string;
  /** Further text the message must contain (the valid choices, the offending value). */
  says: string[];
}

const REF = 'public.ecr.aws/lambda/nodejs:22';

const CASES: Case[] = [
  { name: 'bad enum', yaml: '# team settings\narch: amd64\n', line: 2, key: 'arch', says: ['"amd64" is not one of x86_64, arm64'] },
  { name: 'bad enum in a list', yaml: 'allowedBases:\n  - aws\n  - lambda\n', line: 3, key: 'allowedBases[1]', says: ['"lambda" is not one of aws, os-only, image'] },
  { name: 'wrong type: boolean', yaml: 'runtime: nodejs22\ntypescript: "yes"\n', line: 2, key: 'typescript', says: ['expected true or false, got "yes"'] },
  { name: 'wrong type: number for text', yaml: 'handler: 5\n', line: 1, key: 'handler', says: ['expected text, got 5', 'quote it'] },
  { name: 'wrong type: list or stage map', yaml: 'osPackages: jq\n', line: 1, key: 'osPackages', says: ['expected a list or a map, got "jq"'] },
  { name: 'unknown key with a near miss', yaml: 'runtime: nodejs22\narchh: arm64\n', line: 2, key: 'archh', says: ['unknown key', 'did you mean "arch"?'] },
  { name: 'unknown key spelt as a flag', yaml: 'os-package: [jq]\n', line: 1, key: 'os-package', says: ['unknown key', 'did you mean "osPackages"?'] },
  { name: 'run setting in the config', yaml: 'force: true\n', line: 1, key: 'force', says: ['--force is a run setting, not a config key'] },
  { name: 'unknown key, no near miss', yaml: 'flavour: vanilla\n', line: 1, key: 'flavour', says: ['unknown key', 'valid keys: base, runtime, os,'] },
  { name: 'unknown stage in osPackages', yaml: 'osPackages:\n  runtime: [jq]\n', line: 2, key: 'osPackages.runtime', says: ['unknown key', 'valid keys: build, final'] },
  { name: 'bad package name', yaml: 'osPackages:\n  - jq\n  - "a b"\n', line: 3, key: 'osPackages[1]', says: ['"a b" is not a package name'] },
  { name: 'unknown runtime', yaml: 'runtime: nodejs99\n', line: 1, key: 'runtime', says: ['"nodejs99" is not a runtime', 'choose one of: nodejs24, nodejs22'] },
  { name: 'bad digest', yaml: `pin:\n  ${REF}: sha256:abc\n`, line: 2, key: `pin["${REF}"]`, says: ['"sha256:abc" is not a sha256:<64 hex> digest'] },
  { name: 'bad per-arch digest', yaml: `pin:\n  ${REF}:\n    x86_64: ${DIGEST_A}\n    arm64: latest\n`, line: 4, key: `pin["${REF}"].arm64`, says: ['"latest" is not a sha256:<64 hex> digest'] },
  { name: 'unknown architecture in a pin', yaml: `pin:\n  ${REF}:\n    amd64: ${DIGEST_A}\n`, line: 3, key: `pin["${REF}"].amd64`, says: ['unknown key', 'valid keys: x86_64, arm64'] },
  { name: 'pin key with a digest', yaml: `pin:\n  ${REF}@${DIGEST_A}: ${DIGEST_A}\n`, line: 2, key: 'pin[', says: ['is not an image reference without a digest'] },
  { name: 'bad label key', yaml: 'labels:\n  Team: payments\n', line: 2, key: 'labels', says: ['"Team" is not a label key (lower-case letters, digits, . _ -)'] },
  { name: 'bad label value', yaml: 'labels:\n  team: say "hi"\n', line: 2, key: 'labels.team', says: ['without quotes, backslashes, $ or line breaks'] },
  { name: 'bad registry mirror', yaml: 'registryMirror: "https://mirror.example.com"\n', line: 1, key: 'registryMirror', says: ['is not a registry prefix'] },
  { name: 'a FROM in instructions', yaml: 'instructions:\n  final:\n    - ENV A=1\n    - FROM alpine:3.20\n', line: 4, key: 'instructions.final[1]', says: ['FROM is not allowed', 'use one of ADD, ARG, COPY'] },
  { name: 'a USER in instructions', yaml: 'instructions:\n  build:\n    - USER root\n', line: 3, key: 'instructions.build[0]', says: ['USER is not allowed'] },
  { name: 'two instructions in one entry', yaml: 'instructions:\n  final:\n    - |\n      RUN echo a\n      RUN echo b\n', line: 3, key: 'instructions.final[0]', says: ['must be a single line'] },
  { name: 'a line continuation', yaml: 'instructions:\n  final:\n    - RUN echo a \\\n', line: 3, key: 'instructions.final[0]', says: ['line continuation'] },
  { name: 'a heredoc', yaml: 'instructions:\n  final:\n    - RUN <<EOF cat\n', line: 3, key: 'instructions.final[0]', says: ['heredoc'] },
  { name: 'not an instruction', yaml: 'instructions:\n  final:\n    - BOGUS thing\n', line: 3, key: 'instructions.final[0]', says: ['"BOGUS" is not an allowed Dockerfile instruction'] },
  { name: 'unknown stage in instructions', yaml: 'instructions:\n  deploy: [RUN true]\n', line: 2, key: 'instructions.deploy', says: ['valid keys: build, final'] },
  { name: 'bad extends type', yaml: 'extends: 5\n', line: 1, key: 'extends', says: ['expected text or a list, got 5'] },
  { name: 'bad extends: missing file', yaml: 'runtime: nodejs22\nextends:\n  - team.yaml\n', line: 3, key: 'extends', says: ['"team.yaml" not found'] },
  { name: 'bad extends: a URL', yaml: 'extends: https://example.com/team.yaml\n', line: 1, key: 'extends', says: ['is a URL'] },
  { name: 'bad file in extends', yaml: 'extends: team.yaml\n', files: { 'team.yaml': '# team\n\nallowedRuntimes: nodejs22\n' }, file: 'team.yaml', line: 3, key: 'allowedRuntimes', says: ['expected a list, got "nodejs22"'] },
  { name: 'unknown runtime in policy', yaml: 'allowedRuntimes: [nodejs22, node24]\n', line: 1, key: 'allowedRuntimes[1]', says: ['"node24" is not a runtime'] },
  { name: 'empty allowed list', yaml: 'allowedRuntimes: []\n', line: 1, key: 'allowedRuntimes', says: ['must not be empty'] },
  { name: 'bad lint threshold', yaml: 'lint:\n  failureThreshold: warn\n', line: 2, key: 'lint.failureThreshold', says: ['"warn" is not one of error, warning, info, style, none'] },
  { name: 'bad lint rule id', yaml: 'lint:\n  ignored: [DL3008, no-latest]\n', line: 2, key: 'lint.ignored[1]', says: ['is not a rule id'] },
  { name: 'duplicate key', yaml: 'arch: arm64\nruntime: nodejs22\narch: x86_64\n', line: 3, key: 'not valid YAML', says: ['unique'] },
  { name: 'YAML syntax error', yaml: 'runtime: nodejs22\nosPackages: [jq\narch: arm64\n', line: 3, key: 'not valid YAML', says: [] },
  { name: 'not a map', yaml: '- runtime: nodejs22\n', line: 1, key: 'expected a map', says: [] },
  { name: 'stage map and buildOsPackages together', yaml: 'osPackages:\n  build: [gcc]\nbuildOsPackages: [make]\n', line: 3, key: 'buildOsPackages', says: ['either osPackages.build or buildOsPackages'] },
];

describe('invalid config files: exit 2 naming file, line and key', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const cwd = writeTree({ 'lambda-image.yaml': c.yaml, ...c.files });
      const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const message = result.stderr.trim();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain(`create-lambda-image: ${c.file ?? 'lambda-image.yaml'}:${c.line}: ${c.key}`);
      for (const text of c.says) expect(message).toContain(text);
    });
  }

  it('writes nothing when the config is invalid', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'arch: amd64\n' });
    const result = await run(['fn', '--no-lint', '--runtime', 'nodejs22'], { cwd });
    expect(result.code).toBe(2);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(cwd)).toEqual(['lambda-image.yaml']);
  });

  it('counts further problems in the same file', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'arch: amd64\nbase: lambda\n' });
    const result = await run([...STDOUT, '--runtime', 'nodejs22'], { cwd });
    expect(result.stderr).toContain('lambda-image.yaml:1: arch: "amd64" is not one of x86_64, arm64 (and 1 more problem in this file)');
  });

  it('--config names a missing file', async () => {
    const result = await run([...STDOUT, '--runtime', 'nodejs22', '--config', 'nope.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--config nope.yaml: no such file');
  });

  it('a value the config gives but resolve refuses names the config line', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'runtime: python3.13\n\ntypescript: true\n' });
    const result = await run(STDOUT, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lambda-image.yaml:3: typescript');
  });
});
