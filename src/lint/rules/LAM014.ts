import { LAMBDA } from '../../catalog';
import { defineRule } from '../engine';
import { runtimeReplaced } from './lambda-shape';
import { copyDest, effectiveConfig, finalWithWorkdir, within } from './util';

const SEARCH_PATH_VARS = new Set(['PYTHONPATH', 'NODE_PATH', 'RUBYLIB', 'GEM_PATH', 'CLASSPATH']);

/** AWS runtimes look for the handler in /var/task (LAMBDA_TASK_ROOT) unless a search path says otherwise. */
export const rule = defineRule({
  id: 'LAM014',
  severity: 'warning',
  description: `On AWS language base images the handler code belongs in \${LAMBDA_TASK_ROOT} (${LAMBDA.taskRoot})`,
  check: (ctx) => {
    const final = ctx.df.finalStage;
    // A bootstrap of one's own in place of AWS's runtime finds its code its own way.
    if (!final || ctx.base(final)?.kind !== 'aws-runtime' || runtimeReplaced(ctx)) return [];
    const { entrypoint } = effectiveConfig(ctx);
    if (entrypoint && entrypoint.json?.[0] !== LAMBDA.entryScript) return [];
    const steps = finalWithWorkdir(ctx);
    if (steps.some(({ ins }) => ins.keyword === 'ENV' && ins.pairs.some((p) => SEARCH_PATH_VARS.has(p.name)))) return [];
    const copies = steps.filter(({ ins }) => (ins.keyword === 'COPY' || ins.keyword === 'ADD'));
    const dests = copies.map(({ ins, workdir }) => ({ ins, dest: copyDest(ctx, ins, workdir) }));
    if (dests.length === 0 || dests.some((d) => d.dest === null || within(d.dest.replace(/\/$/, ''), LAMBDA.taskRoot))) return [];
    const outside = dests.find((d) => !within(d.dest!, LAMBDA.optDir));
    if (!outside) return [];
    return [{ line: outside.ins.line, message: `Nothing is copied into ${LAMBDA.taskRoot}, and this ${outside.ins.keyword} puts code in ${outside.dest}; the runtime looks for the handler in \${LAMBDA_TASK_ROOT} (${LAMBDA.taskRoot}), so copy it there (or extend PYTHONPATH/NODE_PATH).` }];
  },
});
