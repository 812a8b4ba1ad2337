import { LAMBDA } from '../../catalog';
import { defineRule, type RuleHit } from '../engine';
import { effectiveConfig, resolvePath, within, wordsOf } from './util';

/** Variables that name where programs write at run time (caches, config, home). */
const WRITE_VARS = new Set([
  'HOME', 'TMPDIR', 'TMP', 'TEMP', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME',
  'XDG_RUNTIME_DIR', 'PIP_CACHE_DIR', 'npm_config_cache', 'NPM_CONFIG_CACHE', 'YARN_CACHE_FOLDER',
  'HF_HOME', 'HF_DATASETS_CACHE', 'TRANSFORMERS_CACHE', 'SENTENCE_TRANSFORMERS_HOME', 'TORCH_HOME',
  'MPLCONFIGDIR', 'NUMBA_CACHE_DIR', 'PYTHONPYCACHEPREFIX', 'NLTK_DATA_WRITE', 'DOTNET_CLI_HOME', 'NUGET_PACKAGES',
]);

/**
 * Lambda's filesystem is read-only apart from /tmp: a cache/home variable pointing elsewhere
 * breaks the first write (EROFS), and npx writes its cache under $HOME unless told otherwise.
 */
export const rule = defineRule({
  id: 'LAM011',
  severity: 'warning',
  description: `Run-time writes must go to ${LAMBDA.tmpDir}: cache, config and home variables must point there`,
  check: (ctx) => {
    const hits: RuleHit[] = [];
    const underTmp: Record<string, boolean> = {};
    for (const ins of ctx.finalInstructions()) {
      if (ins.keyword !== 'ENV') continue;
      for (const p of ins.pairs) {
        if (!WRITE_VARS.has(p.name) || p.value === null || p.value === '') continue;
        const value = resolvePath(ctx, ins, p.value);
        const ok = within(value, LAMBDA.tmpDir) || value.includes('$');
        underTmp[p.name] = ok;
        if (!ok) hits.push({ line: ins.line, message: `ENV ${p.name}=${p.value} points outside ${LAMBDA.tmpDir}, but only ${LAMBDA.tmpDir} is writable on Lambda; use a path under ${LAMBDA.tmpDir} (e.g. ${LAMBDA.tmpDir}/${p.name.toLowerCase()}) unless it is a read-only pre-built cache.` });
      }
    }
    const { entrypoint, cmd } = effectiveConfig(ctx);
    const runner = [entrypoint, cmd].find((i) => wordsOf(i).some((w) => w === 'npx' || w.endsWith('/npx')));
    if (runner && !underTmp.NPM_CONFIG_CACHE && !underTmp.npm_config_cache && !underTmp.HOME) {
      hits.push({ line: runner.line, message: `${runner.keyword} runs npx, which writes its cache under $HOME, and $HOME is read-only on Lambda (EROFS, exit 254); set ENV NPM_CONFIG_CACHE=${LAMBDA.tmpDir}/.npm.` });
    }
    return hits;
  },
});
