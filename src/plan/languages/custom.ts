import { LAMBDA } from '../../catalog/lambda';
import { baseReference, stage } from '../common';
import { COMMON_IGNORES } from '../ignores';
import type { LanguageModule, NativePart } from './module';

/** What templates/dockerfile/{os-only,image}/custom.hbs read. */
export interface CustomData {
  /** The function's script, named after the handler's file part. */
  handlerFile: string;
}

export const custom = {
  id: 'custom',
  handlerArg: false,
  executableSample: () => true,

  native({ target, options, facts, common }): NativePart<'custom', CustomData> {
    const warnings: string[] = [];
    if (!options.sample && !facts.files.has('bootstrap')) warnings.push('no bootstrap in the folder: the custom runtime needs an executable bootstrap that runs the Runtime API loop');
    return {
      // The same image as the final stage: only file modes are set here.
      build: stage(baseReference(target.final, options), options, 'build', target.manager, []),
      dockerfile: { template: `${target.kind}/custom`, lang: { ...common, handlerFile: `${options.handler.slice(0, options.handler.lastIndexOf('.'))}.sh` } },
      dockerignore: [...COMMON_IGNORES],
      warnings,
    };
  },

  // The function's own script is the bootstrap.
  start: () => ({ argv: [LAMBDA.bootstrap], pattern: null, env: [] }),
} satisfies LanguageModule;
