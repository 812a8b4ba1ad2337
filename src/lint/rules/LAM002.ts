import { defineRule, type RuleHit } from '../engine';
import { effectiveConfig } from './util';

/**
 * Shell-form ENTRYPOINT drops CMD (and ImageConfig.Command), so no handler arrives; shell-form
 * CMD reaches the entry point as three words (/bin/sh -c ...), and /lambda-entrypoint.sh
 * accepts exactly one (it exits 142).
 */
export const rule = defineRule({
  id: 'LAM002',
  severity: 'error',
  description: 'ENTRYPOINT and CMD of the final image must use the exec (JSON) form',
  check: (ctx) => {
    const { entrypoint, cmd } = effectiveConfig(ctx);
    const hits: RuleHit[] = [];
    if (entrypoint && !entrypoint.exec) {
      hits.push(cmd
        ? { line: entrypoint.line, message: 'ENTRYPOINT is in shell form, so Docker discards CMD and ImageConfig.Command and the handler never arrives; write ENTRYPOINT ["/absolute/path", ...].' }
        : { line: entrypoint.line, level: 'warning', message: 'ENTRYPOINT is in shell form: Lambda cannot pass a handler or arguments to it and signals stop at /bin/sh; write ENTRYPOINT ["/absolute/path"].' });
    }
    if (cmd && !cmd.exec) {
      hits.push({ line: cmd.line, message: 'CMD is in shell form, so the entry point receives "/bin/sh", "-c", "..." instead of the handler (/lambda-entrypoint.sh then exits with 142); write CMD ["module.handler"].' });
    }
    return hits;
  },
});
