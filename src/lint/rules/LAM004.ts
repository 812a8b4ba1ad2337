import { LAMBDA } from '../../catalog';
import { defineRule } from '../engine';
import { runtimeReplaced } from './lambda-shape';
import { copyDest, copyParts, effectiveConfig, finalWithWorkdir } from './util';

/**
 * A .NET executable assembly (top-level statements that start the runtime client themselves)
 * is named by its assembly alone: https://docs.aws.amazon.com/lambda/latest/dg/csharp-handler.html
 * ("Executable assembly handlers").
 */
const EXECUTABLE_ASSEMBLY = /^[A-Za-z_][\w.]*$/;

/**
 * A handler's last part is the function; a file extension there means the file was named with
 * its extension (dist/index.js), so the runtime looks for an export called "js" and fails with
 * Runtime.HandlerNotFound: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html and
 * python-handler.html (file name without extension, then the function).
 */
const EXTENSION_AS_FUNCTION: Partial<Record<string, RegExp>> = {
  nodejs: /\.(m?js|cjs|ts|mts|cts)$/,
  python: /\.py$/,
};

/** With /lambda-entrypoint.sh, CMD must be exactly one handler in the runtime's grammar. */
export const rule = defineRule({
  id: 'LAM004',
  severity: 'error',
  description: 'On AWS language base images CMD must be exactly one handler string in the runtime\'s format',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    const base = final ? ctx.base(final) : null;
    if (!final || base?.kind !== 'aws-runtime' || !base.language) return [];
    const lang = ctx.catalog.LANGUAGES[base.language as keyof typeof ctx.catalog.LANGUAGES];
    // A bootstrap of one's own in place of AWS's runtime reads the handler its own way.
    if (!lang || runtimeReplaced(ctx)) return [];
    const { entrypoint, cmd } = effectiveConfig(ctx);
    if (entrypoint && !(entrypoint.exec && entrypoint.json?.length === 1 && entrypoint.json[0] === LAMBDA.entryScript)) return [];
    if (!cmd) {
      return [{ line: final.line, level: 'warning', message: `No CMD: the handler must then come from ImageConfig.Command (e.g. CMD ["${lang.handler.example}"]).` }];
    }
    if (!cmd.exec || !cmd.json) return []; // LAM002 reports the shell form
    if (cmd.json.length !== 1) {
      return [{ line: cmd.line, message: `CMD has ${cmd.json.length} elements; ${LAMBDA.entryScript} takes exactly one, the handler (e.g. ["${lang.handler.example}"]).` }];
    }
    const handler = cmd.json[0]!;
    if (!lang.handler.pattern.test(handler) && !(base.language === 'dotnet' && EXECUTABLE_ASSEMBLY.test(handler))) {
      const alt = base.language === 'dotnet' ? ', or the name of an executable assembly' : '';
      return [{ line: cmd.line, message: `"${handler}" is not a ${lang.title} handler; expected ${lang.handler.description}${alt}.` }];
    }
    const ext = EXTENSION_AS_FUNCTION[base.language]?.exec(handler);
    if (ext) {
      const file = handler.slice(0, ext.index);
      return [{ line: cmd.line, message: `"${handler}" names a file with its extension, so the runtime looks for a function "${ext[0].slice(1)}" in ${file} and fails (Runtime.HandlerNotFound); write the file without its extension, then the function, e.g. "${file}.handler".` }];
    }
    // Node.js 24's ESM loader refuses a directory as the handler module (ERR_UNSUPPORTED_DIR_IMPORT).
    const version = base.record && 'languageVersion' in base.record ? Number(base.record.languageVersion) : 0;
    if (base.language === 'nodejs' && version >= 24) {
      const module = `${LAMBDA.taskRoot}/${handler.slice(0, handler.lastIndexOf('.'))}`;
      const dir = finalWithWorkdir(ctx).some(({ ins, workdir }) => {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') return false;
        const dest = copyDest(ctx, ins, workdir);
        const sources = copyParts(ins)?.sources ?? [];
        return dest === `${module}/` || (dest === module && sources.some((x) => x.endsWith('/')));
      });
      if (dir) return [{ line: cmd.line, level: 'warning', message: `The handler module ${handler.slice(0, handler.lastIndexOf('.'))} is a directory; Node.js 24 cannot import a directory (ERR_UNSUPPORTED_DIR_IMPORT). Name the file, e.g. ${handler.slice(0, handler.lastIndexOf('.'))}/index.${handler.slice(handler.lastIndexOf('.') + 1)}.` }];
    }
    return [];
  },
});
