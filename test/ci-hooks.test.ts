/**
 * The ecosystem hooks do what they say: each pre-commit hook's entry runs as pre-commit would run
 * it (the package's bin, the hook's args, then the staged files), and the GitHub Actions step in
 * docs/ci.md writes SARIF that validates against the 2.1.0 schema and is what the upload step reads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run, tempDir } from './support/run';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'create-lambda-image.cjs');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const BIN_NAME = Object.keys(manifest.bin)[0]!;

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
  args?: string[];
}

const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** Runs a hook's entry the way pre-commit does, with the package's bin standing in for its name. */
function runHook(hook: Hook, cwd: string, files: string[], args: string[] = []) {
  const [command, ...entryArgs] = hook.entry.split(' ');
  expect(command).toBe(BIN_NAME);
  const argv = [...entryArgs, ...args, ...(hook.pass_filenames === false ? [] : files)];
  return spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HADOLINT: '/nonexistent' } });
}

const hook = (id: string) => hooks.find((h) => h.id === id)!;

describe('.pre-commit-hooks.yaml', () => {
  it('declares lint and check as node hooks with the fields pre-commit requires', () => {
    expect(hooks.map((h) => h.id)).toEqual(['create-lambda-image-lint', 'create-lambda-image-check']);
    for (const h of hooks) {
      expect(h.name && h.entry && h.language, h.id).toBeTruthy();
      expect(h.language).toBe('node');
    }
    // pre-commit installs a node hook from the repository: the bin must be built on install.
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.prepare).toMatch(/build/);
    const lintFiles = new RegExp(hook('create-lambda-image-lint').files!);
    for (const f of ['Dockerfile', 'fn/Dockerfile', 'Dockerfile.prod', 'Containerfile']) expect(f).toMatch(lintFiles);
    for (const f of ['Dockerfile.md/x', 'README.md', 'docs/Dockerfile-guide.md', 'MyDockerfile']) expect(f).not.toMatch(lintFiles);
    expect(hook('create-lambda-image-check').pass_filenames).toBe(false);
  });

  it('the lint hook passes a generated Dockerfile and fails a broken one', async () => {
    const cwd = tempDir('hook-');
    expect((await run(['fn', '--runtime', 'python3.13'], { cwd })).code).toBe(0);
    const ok = runHook(hook('create-lambda-image-lint'), cwd, ['fn/Dockerfile']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    writeFileSync(join(cwd, 'Dockerfile'), 'FROM public.ecr.aws/lambda/python:3.13\nCMD python app.py\n');
    const bad = runHook(hook('create-lambda-image-lint'), cwd, ['Dockerfile', 'fn/Dockerfile']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^Dockerfile:2 LAM\d+ error/m);
  });

  it('the check hook passes in step and fails on drift, with args naming the folder', async () => {
    const cwd = tempDir('hook-');
    expect((await run(['fn', '--runtime', 'nodejs22'], { cwd })).code).toBe(0);
    const ok = runHook(hook('create-lambda-image-check'), cwd, ['fn/Dockerfile'], ['fn']);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const path = join(cwd, 'fn', 'Dockerfile');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^CMD .*$/m, 'CMD ["other.handler"]'));
    const drift = runHook(hook('create-lambda-image-check'), cwd, ['fn/Dockerfile'], ['fn']);
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain('drift: Dockerfile');
  });
});

describe('docs/ci.md: the GitHub Actions step', () => {
  const doc = readFileSync(join(root, 'docs', 'ci.md'), 'utf8');
  const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(doc)![1]!) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }> };
  const steps = Object.values(workflow.jobs)[0]!.steps;

  it('writes SARIF that validates against the 2.1.0 schema, and uploads that file', () => {
    const lint = steps.find((s) => s.run?.includes(' lint '))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with?.sarif_file).toBeDefined();
    // The documented version is this package's.
    expect(lint.run).toContain(`${BIN_NAME}@${manifest.version} `);
    const command = lint.run!.replace(new RegExp(`^npx --yes ${BIN_NAME}@\\S+`), `"${process.execPath}" "${BIN}"`);
    expect(command).not.toBe(lint.run);
    const cwd = tempDir('ci-');
    writeFileSync(join(cwd, 'Dockerfile'), 'FROM public.ecr.aws/lambda/python:3.13\nRUN apt-get install curl\nCMD python app.py\n');
    const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HADOLINT: '/nonexistent' } });
    // The threshold none keeps the step green so the upload runs.
    expect(r.status, r.stderr).toBe(0);
    const sarif = JSON.parse(readFileSync(join(cwd, upload.with!.sarif_file!), 'utf8')) as { runs: { results: unknown[] }[] };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'lint', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
    expect(workflow).toHaveProperty('permissions.security-events', 'write');
  });
});
