import { describe, expect, it } from 'vitest';
import { createCommand, detectPackageManager, packageManagerRunner, shellQuote } from '../../src/inputs/package-manager';
import { equivalentCommand, summary } from '../../src/inputs/prompts';
import { parseFlags } from '../../src/inputs/flags';
import { createStyle } from '../../src/shared/style';

const AGENTS = {
  npm: 'npm/10.8.2 node/v20.18.0 linux x64 workspaces/false',
  pnpm: 'pnpm/9.12.1 npm/? node/v20.18.0 linux x64',
  yarn1: 'yarn/1.22.22 npm/? node/v20.18.0 linux x64',
  yarn4: 'yarn/4.5.0 npm/? node/v20.18.0 linux x64',
  bun: 'bun/1.1.30 npm/? node/v22.6.0 linux x64',
};
const env = (agent?: string): NodeJS.ProcessEnv => (agent ? { npm_config_user_agent: agent } : {});

describe('package manager', () => {
  it('detects the invoking package manager from npm_config_user_agent', () => {
    expect(detectPackageManager(env())).toEqual({ name: 'npm' });
    expect(detectPackageManager(env(AGENTS.pnpm))).toEqual({ name: 'pnpm', version: '9.12.1' });
    expect(detectPackageManager(env(AGENTS.yarn1)).name).toBe('yarn');
    expect(detectPackageManager(env(AGENTS.bun)).name).toBe('bun');
    expect(detectPackageManager(env('deno/2.0'))).toEqual({ name: 'npm' });
  });

  it('packageManagerRunner: npx, pnpm dlx, yarn dlx (npx for Yarn 1), bunx', () => {
    expect(packageManagerRunner(env())).toBe('npx');
    expect(packageManagerRunner(env(AGENTS.npm))).toBe('npx');
    expect(packageManagerRunner(env(AGENTS.pnpm))).toBe('pnpm dlx');
    expect(packageManagerRunner(env(AGENTS.yarn4))).toBe('yarn dlx');
    expect(packageManagerRunner(env(AGENTS.yarn1))).toBe('npx');
    expect(packageManagerRunner(env(AGENTS.bun))).toBe('bunx');
  });

  it('createCommand: npm needs -- before flags; the others pass them through', () => {
    const flags = ['--runtime', 'python3.13'];
    expect(createCommand(env(AGENTS.npm), ['fn'], flags)).toBe('npm create lambda-image@latest fn -- --runtime python3.13');
    expect(createCommand(env(AGENTS.pnpm), ['fn'], flags)).toBe('pnpm create lambda-image fn --runtime python3.13');
    expect(createCommand(env(AGENTS.yarn4), ['fn'], flags)).toBe('yarn create lambda-image fn --runtime python3.13');
    expect(createCommand(env(AGENTS.bun), ['fn'], flags)).toBe('bun create lambda-image fn --runtime python3.13');
    expect(createCommand(env(), [], [])).toBe('npm create lambda-image@latest');
  });

  it('shellQuote leaves plain words bare and quotes the rest', () => {
    expect(shellQuote('my-fn/src')).toBe('my-fn/src');
    expect(shellQuote('my fn')).toBe("'my fn'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('equivalentCommand', () => {
  const values = { dir: 'orders', base: 'aws', runtime: 'python3.13', arch: 'arm64', sample: true, handler: 'lambda_function.handler' };

  const flags = '--base aws --runtime python3.13 --arch arm64 --handler lambda_function.handler --sample --yes';

  it('spells out every value the run settled, defaults included, and adds --yes', () => {
    expect(equivalentCommand(values, env())).toBe(`npm create lambda-image@latest orders -- ${flags}`);
    expect(equivalentCommand({ ...values, arch: 'x86_64' }, env())).toContain('--arch x86_64');
  });

  it('in the pnpm, yarn and bun forms', () => {
    expect(equivalentCommand(values, env(AGENTS.pnpm))).toBe(`pnpm create lambda-image orders ${flags}`);
    expect(equivalentCommand(values, env(AGENTS.yarn1))).toBe(`yarn create lambda-image orders ${flags}`);
    expect(equivalentCommand(values, env(AGENTS.bun))).toBe(`bun create lambda-image orders ${flags}`);
  });

  it('covers every kind of value: booleans both ways, lists, other bases, non-default handler', () => {
    const cmd = equivalentCommand(
      { dir: 'my fn', base: 'image', runtime: 'nodejs22', image: 'node:22-bookworm-slim', arch: 'x86_64', typescript: true, sample: false, handler: 'src/app.main', rie: true, osPackages: ['jq', 'tar'], lint: false },
      env(),
    );
    expect(cmd).toBe(
      "npm create lambda-image@latest 'my fn' -- --base image --runtime nodejs22 --image node:22-bookworm-slim --arch x86_64 --handler src/app.main --typescript --os-package jq --os-package tar --no-sample --rie --no-lint --yes",
    );
  });

  it('round-trips through the flag parser to the same values', () => {
    const all = { dir: 'fn', base: 'os-only', runtime: 'go', os: 'al2023', arch: 'arm64', sample: false, handler: 'main', buildOsPackages: ['gcc'] };
    const cmd = equivalentCommand(all, env());
    const argv = cmd.split(' ').slice(3).filter((w) => w !== '--');
    const parsed = parseFlags(argv);
    expect({ dir: parsed.positionals[0], ...parsed.values }).toEqual({ ...all, yes: true });
  });

  it('never repeats run-only settings; --stdout replaces the folder; a folder starting with - uses --dir=', () => {
    const cmd = equivalentCommand({ ...values, interactive: true, yes: false, save: true }, env());
    expect(cmd).not.toMatch(/--interactive|--save|--no-yes/);
    expect(cmd.endsWith(' --yes')).toBe(true);
    expect(equivalentCommand({ stdout: true, runtime: 'go', base: 'os-only', arch: 'x86_64' }, env())).toBe(
      'npm create lambda-image@latest -- --stdout --base os-only --runtime go --arch x86_64 --yes',
    );
    expect(equivalentCommand({ dir: '-odd', runtime: 'nodejs24', arch: 'x86_64' }, env())).toBe('npm create lambda-image@latest -- --dir=-odd --runtime nodejs24 --arch x86_64 --yes');
  });
});

describe('summary', () => {
  it('lists the choices, aligned, base kind spelled out', () => {
    const text = summary({ dir: 'orders', base: 'aws', runtime: 'java21', arch: 'arm64', buildTool: 'gradle', sample: true, handler: 'example.Handler::handleRequest', osPackages: ['jq'] });
    expect(text).toBe(
      [
        'Your choices',
        '  Folder          orders',
        '  Base image      AWS runtime image (aws)',
        '  Runtime         java21',
        '  Architecture    arm64',
        '  Build tool      gradle',
        '  Sample handler  yes',
        '  Handler         example.Handler::handleRequest',
        '  --os-package    jq',
      ].join('\n'),
    );
  });

  it('is coloured only with a colour style', () => {
    const values = { dir: 'a', runtime: 'nodejs24', arch: 'x86_64' };
    expect(summary(values)).not.toMatch(/\u001b\[/);
    expect(summary(values, createStyle({ isTTY: true }, {}))).toMatch(/\u001b\[1mYour choices/);
  });
});
