import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/shared/errors';
import { lintText } from '../../src/lint';
import { applySettings, fails, loadHadolintConfig, mergeSettings, parseHadolintConfig, resolveSettings } from '../../src/lint/settings';
import type { Finding } from '../../src/lint/types';
import { emptyBin, scratch } from './io';

const f = (code: string, level: Finding['level'] = 'warning'): Finding => ({ code, column: 1, file: 'D', level, line: 1, message: 'm' });

describe('settings', () => {
  it('defaults to failure threshold warning', () => {
    expect(mergeSettings()).toEqual({ failureThreshold: 'warning', ignored: [], override: { error: [], warning: [], info: [], style: [] }, trustedRegistries: [] });
  });

  it('concatenates lists and takes the highest scalar (flags > lambda-image.yaml > .hadolint.yaml)', () => {
    const s = mergeSettings(
      { failureThreshold: 'info', ignored: ['DL3008'], override: { info: ['DL3041'] }, trustedRegistries: ['docker.io'] },
      { failureThreshold: 'error', ignored: ['LAM013'], trustedRegistries: ['public.ecr.aws'] },
      { ignored: ['DL3059'] },
    );
    expect(s.failureThreshold).toBe('error');
    expect(s.ignored).toEqual(['DL3008', 'LAM013', 'DL3059']);
    expect(s.override.info).toEqual(['DL3041']);
    expect(s.trustedRegistries).toEqual(['docker.io', 'public.ecr.aws']);
  });

  it('applies ignored and overrides; error wins when a code is in several lists', () => {
    const s = mergeSettings({ ignored: ['DL3059'], override: { style: ['DL3008'], error: ['DL3008'], info: ['LAM013'] } });
    expect(applySettings([f('DL3059'), f('DL3008'), f('LAM013', 'info'), f('LAM002', 'error')], s).map((x) => `${x.code}:${x.level}`)).toEqual(['DL3008:error', 'LAM013:info', 'LAM002:error']);
  });

  it('judges thresholds; a parse error always fails unless none', () => {
    expect(fails([f('X', 'info')], 'warning')).toBe(false);
    expect(fails([f('X', 'info')], 'info')).toBe(true);
    expect(fails([f('X', 'style')], 'style')).toBe(true);
    expect(fails([f('X', 'error')], 'none')).toBe(false);
    expect(fails([{ ...f('DL1000', 'style') }], 'error')).toBe(true);
  });

  it('reads .hadolint.yaml keys (LAM codes welcome), ignoring unknown ones', async () => {
    const layer = await parseHadolintConfig('failure-threshold: info\nignored: [DL3008, LAM013]\noverride:\n  info: [DL3041]\n  error: [LAM019]\ntrustedRegistries: public.ecr.aws\nformat: json\nlabel-schema: {a: text}\n');
    expect(layer).toEqual({ failureThreshold: 'info', ignored: ['DL3008', 'LAM013'], override: { info: ['DL3041'], error: ['LAM019'] }, trustedRegistries: ['public.ecr.aws'] });
    expect((await parseHadolintConfig('failure-threshold: ignore')).failureThreshold).toBe('style');
    expect(await parseHadolintConfig('')).toEqual({});
  });

  it('rejects broken config files with one line', async () => {
    await expect(parseHadolintConfig('ignored: [unclosed')).rejects.toThrow(UsageError);
    await expect(parseHadolintConfig('failure-threshold: loud')).rejects.toThrow(/failure-threshold must be/);
    await expect(parseHadolintConfig('- a list')).rejects.toThrow(/mapping/);
    await expect(loadHadolintConfig(scratch(), {}, 'missing.yaml')).rejects.toThrow(/cannot read the hadolint config missing\.yaml/);
  });

  it('searches the working directory first, as hadolint does, then $XDG_CONFIG_HOME and $HOME', async () => {
    const home = scratch({ '.config/hadolint.yaml': 'ignored: [DL3059]' });
    const cwd = scratch({ '.hadolint.yml': 'ignored: [DL3008]' });
    expect((await loadHadolintConfig(cwd, { HOME: home })).layer.ignored).toEqual(['DL3008']);
    expect((await loadHadolintConfig(scratch(), { HOME: home })).layer.ignored).toEqual(['DL3059']);
    const xdg = scratch({ 'hadolint.yaml': 'ignored: [DL3003]' });
    expect((await loadHadolintConfig(scratch(), { HOME: home, XDG_CONFIG_HOME: xdg })).layer.ignored).toEqual(['DL3003']);
    expect((await loadHadolintConfig(scratch(), {})).path).toBeNull();
  });

  it('resolves the documented precedence end to end in lintText', async () => {
    const cwd = scratch({ '.hadolint.yaml': 'failure-threshold: error\nignored: [DL3008, LAM001]\noverride:\n  warning: [LAM013]\n' });
    const text = 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n';
    const env = { PATH: emptyBin() };
    const fromFile = await lintText(text, { today: new Date(), cwd, env, hadolint: 'off', settings: {} });
    expect(fromFile.settings.failureThreshold).toBe('error');
    expect(fromFile.findings.map((x) => `${x.code}:${x.level}`)).toEqual(['LAM013:warning']);
    expect(fromFile.failed).toBe(false);
    // lambda-image.yaml beats .hadolint.yaml; flags beat both.
    const project = await lintText(text, { today: new Date(), cwd, env, hadolint: 'off', settings: { failureThreshold: 'warning', ignored: ['LAM001'] } });
    expect(project.failed).toBe(true);
    const flags = await lintText(text, { today: new Date(), cwd, env, hadolint: 'off', settings: { failureThreshold: 'warning' }, flags: { failureThreshold: 'none', ignored: ['LAM013'] } });
    expect(flags.failed).toBe(false);
    expect(flags.findings).toEqual([]);
    const { settings } = await resolveSettings({ cwd, env, project: { ignored: ['A'] }, flags: { ignored: ['B'] } });
    expect(settings.ignored).toEqual(['DL3008', 'LAM001', 'A', 'B']);
  });
});
