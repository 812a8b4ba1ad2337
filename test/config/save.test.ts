import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/run';
import { MIRROR, writeTree } from './helpers';

const read = (dir: string) => readFileSync(join(dir, 'lambda-image.yaml'), 'utf8');

describe('--save', () => {
  it('writes the answers as option keys in OPTION_SPECS order, never run settings', async () => {
    const cwd = tempDir();
    const result = await run(['fn', '--no-lint', '--save', '--os-package', 'jq', '--arch', 'arm64', '--runtime', 'nodejs22', '--force'], { cwd });
    expect(result.code).toBe(0);
    const text = read(cwd);
    expect(Object.keys(parse(text))).toEqual(['runtime', 'arch', 'osPackages']);
    expect(parse(text)).toEqual({ runtime: 'nodejs22', arch: 'arm64', osPackages: ['jq'] });
    expect(text).toMatch(/^# create-lambda-image options/);
    // It says where, and check finds the file there without --config.
    expect(result.stdout).toContain('Saved the options to lambda-image.yaml; `create-lambda-image check fn` compares the folder with it');
    const check = await run(['check', 'fn'], { cwd });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('match lambda-image.yaml');

    // A later run reads them back and generates the same Dockerfile.
    const again = await run(['fn2', '--no-lint'], { cwd });
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, 'fn2', 'Dockerfile'), 'utf8')).toBe(readFileSync(join(cwd, 'fn', 'Dockerfile'), 'utf8'));
  });

  it('keeps an existing file\'s comments and other keys, updating in place and inserting in order', async () => {
    const cwd = writeTree({
      'team.yaml': `registryMirror: ${MIRROR}\nlabels: {team: payments}\n`,
      'lambda-image.yaml': [
        '# Payments function',
        'extends: team.yaml',
        '',
        '# the runtime we run',
        'runtime: nodejs22 # keep this comment',
        '# arch comment',
        'arch: x86_64',
        'lint:',
        '  failureThreshold: warning',
        '',
      ].join('\n'),
    });
    const result = await run(['fn', '--no-lint', '--save', '--arch', 'arm64', '--handler', 'app.handler', '--runtime', 'nodejs22'], { cwd });
    expect(result.code).toBe(0);
    const text = read(cwd);
    expect(text).toContain('# Payments function\nextends: team.yaml');
    expect(text).toContain('# the runtime we run\nruntime: nodejs22 # keep this comment');
    expect(text).toContain('# arch comment\narch: arm64');
    expect(text).toContain('lint:\n  failureThreshold: warning');
    // handler is inserted after arch (OPTION_SPECS order), before the non-option key lint.
    expect(Object.keys(parse(text))).toEqual(['extends', 'runtime', 'arch', 'handler', 'lint']);
    // Values the team file gives are not copied into the project file.
    expect(text).not.toContain('registryMirror');
    expect(text).not.toContain('labels');
  });

  it('keeps the stage-map form of osPackages', async () => {
    const cwd = writeTree({ 'lambda-image.yaml': 'runtime: nodejs22\nosPackages:\n  final: [jq]\n' });
    const result = await run(['fn', '--no-lint', '--save', '--os-package', 'tar', '--build-os-package', 'gcc'], { cwd });
    expect(result.code).toBe(0);
    expect(parse(read(cwd))).toEqual({ runtime: 'nodejs22', osPackages: { final: ['tar'], build: ['gcc'] } });
  });

  it('writes to the --config file', async () => {
    const cwd = writeTree({ 'conf/project.yaml': 'runtime: nodejs22\n' });
    const result = await run(['fn', '--no-lint', '--save', '--config', 'conf/project.yaml', '--typescript'], { cwd });
    expect(result.code).toBe(0);
    expect(parse(readFileSync(join(cwd, 'conf/project.yaml'), 'utf8'))).toEqual({ runtime: 'nodejs22', typescript: true });
    expect(result.stdout).toContain('Saved the options to conf/project.yaml; `create-lambda-image check fn --config conf/project.yaml`');
    expect((await run(['check', 'fn', '--config', 'conf/project.yaml'], { cwd })).code).toBe(0);
  });

  it('leaves the file untouched when nothing changed', async () => {
    const original = '# exactly this\nruntime:   nodejs22\n';
    const cwd = writeTree({ 'lambda-image.yaml': original });
    expect((await run(['fn', '--no-lint', '--save'], { cwd })).code).toBe(0);
    expect(read(cwd)).toBe(original);
  });
});
