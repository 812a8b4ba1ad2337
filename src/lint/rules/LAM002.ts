import { LAMBDA } from '../../catalog';
import { RICS } from '../../catalog/rics';
import { escapeRegExp } from '../../shared/regexp';
import type { DfInstruction } from '../dockerfile';
import { defineRule, type RuleContext, type RuleHit } from '../engine';
import { awsRootfs } from './lambda-shape';
import { effectiveConfig } from './util';

const SHELL = /(^|\/)(ba|da|a|z|k)?sh$/;
/** Runtime interface clients take the handler as an argument, which a shell-form ENTRYPOINT cannot receive. */
const CLIENT = new RegExp(RICS.flatMap((r) => (r.command ? [escapeRegExp(r.command)] : [])).join('|'));

/** Does /lambda-entrypoint.sh receive CMD? (an AWS base or AWS's recipe, its ENTRYPOINT kept) */
function awsEntry(ctx: RuleContext, entrypoint: DfInstruction | null): boolean {
  if (entrypoint) return entrypoint.exec === true && entrypoint.json?.[0] === LAMBDA.entryScript;
  const final = ctx.df.finalStage;
  return (final !== null && ctx.base(final)?.kind === 'aws-runtime') || awsRootfs(ctx);
}

/** `$NAME` / `${NAME}` in exec-form words, which Docker passes on literally. */
function variablesIn(ins: DfInstruction | null, role: 'program' | 'handler' | 'arguments'): RuleHit[] {
  const words = ins?.exec ? ins.json ?? [] : [];
  // ["sh", "-c", "... $PORT"]: the shell expands its own script.
  if (words[0] && SHELL.test(words[0]) && words[1] === '-c') return [];
  const k = words.findIndex((w) => /\$(\{[A-Za-z_]\w*|[A-Za-z_])/.test(w));
  if (!ins || k < 0) return [];
  const word = words[k]!;
  const what = role === 'program' && k === 0 ? 'the program path is taken literally and cannot be found' : role === 'handler' ? 'the handler arrives as written and cannot be found' : 'the program receives it as written';
  return [{
    line: ins.line,
    level: (role === 'program' && k === 0) || role === 'handler' ? 'error' : 'warning',
    message: `${ins.keyword} is in exec form, so Docker does not expand "${word}": ${what}. Write the value out, or use ["/bin/sh", "-c", "exec ..."] to let a shell expand it.`,
  }];
}

/**
 * Shell-form ENTRYPOINT drops CMD (and ImageConfig.Command), so no handler arrives; shell-form
 * CMD reaches an exec-form entry point as three words (/bin/sh -c ...), and /lambda-entrypoint.sh
 * accepts exactly one (it exits 142). Without an entry point the shell itself runs the command.
 */
export const rule = defineRule({
  id: 'LAM002',
  severity: 'error',
  description: 'ENTRYPOINT and CMD of the final image must use the exec (JSON) form, without shell variables',
  check: (ctx) => {
    const { entrypoint, cmd } = effectiveConfig(ctx);
    const hits: RuleHit[] = [];
    if (entrypoint && !entrypoint.exec) {
      hits.push(cmd
        ? { line: entrypoint.line, message: 'ENTRYPOINT is in shell form, so Docker discards CMD and ImageConfig.Command and the handler never arrives; write ENTRYPOINT ["/absolute/path", ...].' }
        : CLIENT.test(entrypoint.script ?? entrypoint.argsText)
          ? { line: entrypoint.line, level: 'warning', message: 'ENTRYPOINT is in shell form, so the runtime interface client it starts can receive no handler (Docker drops CMD and ImageConfig.Command); write ENTRYPOINT ["/absolute/path", ...] and CMD ["handler"].' }
          // A program that needs no handler (a Go or Rust binary, a custom bootstrap) runs as it is.
          : { line: entrypoint.line, level: 'info', message: 'ENTRYPOINT is in shell form: it ignores CMD and ImageConfig.Command, and with a shell that does not exec its last command (dash, on Debian and Ubuntu) /bin/sh is the process Lambda signals at shutdown; write ENTRYPOINT ["/absolute/path"].' });
    }
    if (cmd && !cmd.exec) {
      if (awsEntry(ctx, entrypoint)) {
        hits.push({ line: cmd.line, message: `CMD is in shell form, so ${LAMBDA.entryScript} receives "/bin/sh", "-c", "..." instead of the handler and exits with 142; write CMD ["module.handler"].` });
      } else if (entrypoint?.exec) {
        hits.push({ line: cmd.line, message: `CMD is in shell form, so ENTRYPOINT ${entrypoint.json?.[0] ?? ''} receives "/bin/sh", "-c", "..." as its arguments instead of the handler; write CMD as a JSON array.` });
      } else if (!/^\s*exec\s/.test(cmd.script ?? '')) {
        hits.push({ line: cmd.line, level: 'info', message: 'CMD is in shell form, so Lambda starts /bin/sh -c "...": the shell, not your program, is the process Lambda signals at shutdown. Write CMD as a JSON array, or start the command with exec.' });
      }
    }
    hits.push(...variablesIn(entrypoint, 'program'), ...variablesIn(cmd, awsEntry(ctx, entrypoint) ? 'handler' : entrypoint ? 'arguments' : 'program'));
    return hits;
  },
});
