import { findAwsRuntime, family, LAMBDA } from '../catalog';
import type { Options } from '../options';
import { baseReference, execForm, stage, type ProjectFacts } from './common';
import { LANGUAGE_MODULES, type LanguageTemplate } from './languages';
import type { FinalStageModel, KindPlan } from './model';

/**
 * AWS runtime images (public.ecr.aws/lambda/<language>) bring the language, the runtime
 * interface client and /lambda-entrypoint.sh: the final stage keeps that entrypoint, and CMD is
 * the one handler string. The language module plans the build stage and its template's data.
 */
export function planAws(options: Options, facts: ProjectFacts): KindPlan<LanguageTemplate> {
  const runtime = findAwsRuntime(options.runtime);
  if (!runtime) throw new Error(`not an AWS runtime: ${options.runtime}`);
  const from = baseReference(`${runtime.image}:${runtime.tag}`, options);
  const manager = family(runtime.os).packageManager;
  const final: FinalStageModel = {
    ...stage(from, options, 'final', manager, []),
    labels: Object.entries(options.labels).map(([key, value]) => ({ key, value })),
    entrypoint: null,
    cmd: execForm([options.handler]),
  };
  const part = LANGUAGE_MODULES[runtime.language].aws({ runtime, options, facts, from, manager });
  return { ...part, final, entryPoint: [LAMBDA.entryScript], workingDirectory: LAMBDA.taskRoot, ownedFiles: [] };
}
