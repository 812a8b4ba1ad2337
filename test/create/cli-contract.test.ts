import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { AWS_RUNTIMES } from '../../src/catalog';
import { OPTION_SPECS } from '../../src/options';
import { run, tempDir, TODAY } from '../support/run';

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'create-lambda-image.cjs');
/** The launcher's code cache goes to a scratch folder, not the user's. */
const CACHE = tempDir('cache-');

describe('list --json', () => {
  const recordSchema = {
    type: 'object',
    required: ['id', 'kind'],
    properties: { id: { type: 'string', minLength: 1 }, kind: { type: 'string', minLength: 1 } },
  };
  const schema = {
    type: 'object',
    required: ['awsRuntimes', 'osOnlyBases', 'families', 'languages', 'languageRuntimes', 'sources'],
    additionalProperties: { type: 'array', items: recordSchema },
    properties: {
      awsRuntimes: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['id', 'kind', 'lambdaId', 'language', 'image', 'tag', 'reference', 'os', 'deprecation', 'status', 'sources'],
          properties: {
            kind: { const: 'aws-runtime' },
            os: { enum: ['al2023', 'al2'] },
            deprecation: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            status: { enum: ['supported', 'soon', 'deprecated'] },
            reference: { type: 'string', pattern: '^public\\.ecr\\.aws/lambda/[a-z]+:[\\w.]+$' },
            sources: { type: 'array', minItems: 1, items: { type: 'string' } },
          },
        },
      },
      families: {
        type: 'array',
        items: { type: 'object', required: ['id', 'kind', 'packageManager'], properties: { packageManager: { enum: ['dnf', 'yum', 'apt-get', 'apk'] } } },
      },
    },
  };

  it('prints the catalog in a shape a JSON Schema accepts', async () => {
    const { code, stdout } = await run(['list', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const ids = (data.awsRuntimes as { id: string }[]).map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(AWS_RUNTIMES.map((r) => r.id));
    // Every cited source exists.
    const sources = new Set((data.sources as { id: string }[]).map((s) => s.id));
    for (const r of data.awsRuntimes) for (const s of r.sources) expect(sources.has(s), s).toBe(true);
  });

  it('reports status against the injected date', async () => {
    const { stdout } = await run(['list', '--json'], { now: TODAY });
    const status = Object.fromEntries(JSON.parse(stdout).awsRuntimes.map((r: { id: string; status: string }) => [r.id, r.status]));
    expect(status.nodejs20).toBe('deprecated');
    expect(status.nodejs24).toBe('supported');
    expect(status['python3.11']).toBe('supported');
  });
});

describe('--help', () => {
  it('every command answers --help with its usage, exit 0', async () => {
    for (const command of ['list', 'lint', 'check', 'verify']) {
      const { code, stdout, stderr } = await run([command, '--help']);
      expect(code, command).toBe(0);
      expect(stderr, command).toBe('');
      expect(stdout, command).toMatch(new RegExp(`^Usage: create-lambda-image ${command}\\b`));
    }
  });

  it('list refuses an unknown argument with exit 2', async () => {
    const { code, stderr } = await run(['list', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toBe('create-lambda-image: unknown flag --jsn for list; did you mean --json? valid flags: --json, --help\n');
  });

  it('lists every flag with its choices and default', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const spec of OPTION_SPECS.filter((s) => s.flag)) {
      // A flag's entry: its line and the wrapped lines under it.
      const lines = stdout.split('\n');
      const at = lines.findIndex((l) => new RegExp(`^\\s+(-\\w, )?--${spec.flag}(\\s|$)`).test(l));
      expect(at, spec.flag).toBeGreaterThanOrEqual(0);
      const end = lines.findIndex((l, i) => i > at && (l.trim() === '' || /^\s{2}\S/.test(l.slice(0, 3)) && /^\s+(-\w, )?--/.test(l)));
      const line = lines.slice(at, end).map((l) => l.trim()).join(' ');
      if (spec.choices) for (const choice of spec.choices) expect(line).toContain(choice);
      if (spec.default !== undefined && !(Array.isArray(spec.default) && spec.default.length === 0)) {
        expect(line).toContain(`default: ${spec.defaultText ?? String(spec.default)}`);
      }
    }
    expect(stdout).toMatch(/Exit codes:.*0 success/);
  });

  it('every help line fits 100 columns', async () => {
    for (const command of [[], ['lint'], ['check'], ['verify'], ['list']]) {
      const { stdout } = await run([...command, '--help']);
      for (const line of stdout.split('\n')) expect(line.length, `${command.join(' ') || 'create'}: ${line}`).toBeLessThanOrEqual(100);
    }
  });
});

describe('--yes and defaults', () => {
  it('--yes writes my-function with the newest supported Node.js on x86_64', async () => {
    const cwd = tempDir();
    // A docker CLI with the buildx plugin, so the next steps use it.
    const config = tempDir('docker-config-');
    mkdirSync(join(config, 'cli-plugins'));
    writeFileSync(join(config, 'cli-plugins', 'docker-buildx'), '', { mode: 0o755 });
    const { code, stdout } = await run(['--yes'], { cwd, env: { DOCKER_CONFIG: config } });
    expect(code).toBe(0);
    expect(readdirSync(join(cwd, 'my-function')).sort()).toEqual(['.dockerignore', 'Dockerfile', 'events', 'index.mjs', 'package-lock.json', 'package.json', 'test']);
    expect(stdout).toMatch(/docker buildx build --platform linux\/amd64 --provenance=false --sbom=false/);
    expect(stdout).toMatch(/aws lambda create-function .*--package-type Image --architectures x86_64/);
    expect(stdout).toMatch(/-p 9000:8080/);
  });

  it('with --rie, the next steps run the local target and push the default one', async () => {
    const cwd = tempDir();
    const { code, stdout } = await run(['fn', '--base', 'image', '--runtime', 'python3.13', '--rie', '--hadolint', 'off'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(/(docker buildx build|DOCKER_BUILDKIT=1 docker build) [^\n]*-t fn:local --target local \./);
    expect(stdout).toMatch(/docker run --rm --platform linux\/amd64 -p 9000:8080 fn:local/);
    expect(stdout).toMatch(/docker tag fn:dev /);
  });

  it('the sample is named after the handler', async () => {
    const cwd = tempDir();
    await run(['fn', '--runtime', 'python3.13', '--handler', 'app/main.lambda_handler'], { cwd });
    expect(existsSync(join(cwd, 'fn', 'app', 'main.py'))).toBe(true);
  });

  it('--no-sample adds only Dockerfile and .dockerignore and detects a missing lockfile', async () => {
    const cwd = tempDir();
    const { code, stderr } = await run(['.', '--runtime', 'nodejs22', '--no-sample'], { cwd });
    expect(code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['.dockerignore', 'Dockerfile']);
    expect(stderr).toMatch(/no package-lock\.json: the build uses `npm install`/);
  });

  it('warns on stderr when the runtime is within 180 days of deprecation', async () => {
    const { code, stderr } = await run(['--stdout', '--runtime', 'nodejs22'], { now: new Date('2026-12-01T00:00:00Z') });
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: nodejs22 .* will be deprecated in 150 days \(deprecation 2027-04-30/);
  });

  it('a deprecated runtime generates with --allow-deprecated, with a warning', async () => {
    const { code, stderr } = await run(['--stdout', '--runtime', 'nodejs20', '--allow-deprecated']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: nodejs20 .* is deprecated/);
  });
});

describe('the built CLI without a terminal', () => {
  it('exits 2 naming the missing values when stdin is closed, well inside 10 s', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [CLI], {
      input: '',
      encoding: 'utf8',
      timeout: 10_000,
      env: { PATH: process.env.PATH ?? '', CREATE_LAMBDA_IMAGE_TODAY: '2026-11-22', XDG_CACHE_HOME: CACHE },
      cwd: tempDir(),
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/missing required values: folder .*; --runtime/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('deploy artefacts from the create command', () => {
  it('CloudFormation with --image-config carries the plan\'s ENTRYPOINT, CMD and WORKDIR', async () => {
    const { parse } = await import('yaml');
    const { cfnYamlTags } = await import('../../src/deploy/cfn');
    const cwd = tempDir();
    const { code } = await run(['fn', '--base', 'image', '--runtime', 'nodejs22', '--arch', 'arm64', '--deploy', 'cloudformation', '--image-config'], { cwd });
    expect(code).toBe(0);
    const text = readFileSync(join(cwd, 'fn', 'cloudformation.yaml'), 'utf8');
    const doc = parse(text, { customTags: cfnYamlTags });
    const fn = Object.values(doc.Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>).find((r) => r.Type === 'AWS::Lambda::Function')!;
    expect(fn.Properties.PackageType).toBe('Image');
    expect(fn.Properties.Architectures).toEqual(['arm64']);
    expect(fn.Properties.ImageConfig).toEqual({ EntryPoint: ['/lambda-entrypoint.sh'], Command: ['index.handler'], WorkingDirectory: '/var/task' });
  });

  it('the deploy script is executable and names the chosen architecture', async () => {
    const cwd = tempDir();
    await run(['fn', '--runtime', 'python3.13', '--deploy', 'script'], { cwd });
    const script = join(cwd, 'fn', 'deploy.sh');
    expect(statSync(script).mode & 0o111).not.toBe(0);
    expect(readFileSync(script, 'utf8')).toMatch(/x86_64/);
  });
});

describe('CREATE_LAMBDA_IMAGE_TODAY', () => {
  it('pins the date deprecation checks use, and a bad value is a usage error', async () => {
    const { today } = await import('../../src/shared/io');
    expect(today({ CREATE_LAMBDA_IMAGE_TODAY: '2027-05-01' }).toISOString().slice(0, 10)).toBe('2027-05-01');
    expect(() => today({ CREATE_LAMBDA_IMAGE_TODAY: 'tomorrow' })).toThrow(/is not a date; write YYYY-MM-DD/);
    const late = spawnSync(process.execPath, [CLI, '--stdout', '--runtime', 'nodejs22'], { encoding: 'utf8', env: { PATH: '', CREATE_LAMBDA_IMAGE_TODAY: '2027-05-01', XDG_CACHE_HOME: CACHE } });
    expect(late.status).toBe(2);
    expect(late.stderr).toMatch(/nodejs22 .* is deprecated \(deprecation 2027-04-30/);
  });
});

describe('a current folder that was deleted', () => {
  it('is one line and exit 2, not a stack trace', () => {
    const base = tempDir();
    const result = spawnSync('sh', ['-c', 'mkdir gone && cd gone && rmdir ../gone && exec "$NODE" "$CLI" --yes'], {
      cwd: base,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NODE: process.execPath, CLI, XDG_CACHE_HOME: CACHE },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('create-lambda-image: cannot read the current folder: ENOENT\n');
  });
});

describe('a closed output pipe', () => {
  it('ends the CLI quietly, without a stack trace', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" list --json | head -c 10 >/dev/null; echo "status=$?"`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: CACHE } });
    expect(result.stderr).not.toMatch(/EPIPE|node:events/);
  });
});
