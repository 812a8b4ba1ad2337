import { LAMBDA } from '../../catalog';
import { defineRule, type RuleHit } from '../engine';
import { copyDest, finalWithWorkdir, joinPath, resolvePath, within } from './util';

/** Lambda mounts its own empty /tmp at run time: what the image puts there is not seen. */
export const rule = defineRule({
  id: 'LAM009',
  severity: 'warning',
  description: `Do not bake files into ${LAMBDA.tmpDir}: Lambda replaces it with an empty writable ${LAMBDA.tmpDir}`,
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const { ins, workdir } of finalWithWorkdir(ctx)) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const dest = copyDest(ctx, ins, workdir);
        if (dest && within(dest.replace(/\/$/, ''), LAMBDA.tmpDir)) {
          hits.push({ line: ins.line, message: `${ins.keyword} writes to ${dest}, but Lambda gives the function an empty ${LAMBDA.tmpDir}; put read-only files elsewhere (e.g. ${LAMBDA.optDir} or \${LAMBDA_TASK_ROOT}).` });
        }
      } else if (ins.keyword === 'WORKDIR') {
        const dir = joinPath(workdir, resolvePath(ctx, ins, ins.argsText.trim()));
        if (within(dir, LAMBDA.tmpDir)) hits.push({ line: ins.line, message: `WORKDIR ${dir} is under ${LAMBDA.tmpDir}, which Lambda replaces with an empty directory; files placed there are not seen at run time.` });
      }
    }
    return hits;
  },
});
