import { LAMBDA, LANGUAGES } from '../catalog';
import { RIE, rieUrl } from '../catalog/rics';
import type { Target } from '../catalog/targets';
import type { Options } from '../options';
import { baseReference, execForm, stage, type ProjectFacts } from './common';
import { LANGUAGE_MODULES, type LanguageTemplate } from './languages';
import { RIC_DIR, type NativeCommon, type Start } from './languages/module';
import type { FinalStageModel, KindPlan, OwnedFile } from './model';

/*
 * Planning shared by the OS-only and image kinds: the final stage and the small scripts that
 * start the runtime; the language module plans the build stage and its template's data. The
 * kinds differ only in how the runtime is started: OS-only bases keep /lambda-entrypoint.sh and
 * get a /var/runtime/bootstrap; image bases get their own /lambda-entrypoint.sh as ENTRYPOINT.
 */

export const ENTRY_SCRIPT = 'lambda-entrypoint.sh';
export const BOOTSTRAP_SCRIPT = 'lambda-bootstrap.sh';

/** One shell word, single-quoted when it holds anything the shell would expand. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function commandLine(start: Start): string {
  const [first = '', ...rest] = start.argv;
  return [start.pattern ? '"$runtime_bin"' : shellWord(first), ...rest.map(shellWord)].join(' ');
}

export function planNative(target: Target, options: Options, facts: ProjectFacts): KindPlan<LanguageTemplate> {
  const language = target.runtime.language;
  const module = LANGUAGE_MODULES[language];
  const info = LANGUAGES[language];
  const image = target.kind === 'image';
  // A compiled bootstrap runs as it is: an image needs a script only to start the emulator. A
  // bootstrap script is written only where a client must be started around the handler.
  const entryScript = image && !(info.bootstrap === 'binary' && !options.rie);
  const bootstrapScript = !image && info.bootstrap === 'client';
  const rie = image && options.rie ? { url: rieUrl(options.arch), path: RIE.path, version: RIE.version, sha256: RIE.sha256?.[options.arch] ?? null } : null;

  const start = module.start(target);
  const command = commandLine(start);
  const ownedFiles: OwnedFile[] = [];
  if (entryScript) {
    ownedFiles.push({
      path: ENTRY_SCRIPT,
      template: 'entry/lambda-entrypoint.sh',
      mode: 0o755,
      data: { command, pattern: start.pattern, env: start.env, rie: rie !== null, riePath: RIE.path, title: info.title },
    });
  }
  if (bootstrapScript) {
    ownedFiles.push({
      path: BOOTSTRAP_SCRIPT,
      template: 'entry/bootstrap.sh',
      mode: 0o755,
      data: { command, pattern: start.pattern, env: start.env, handlerArg: module.handlerArg, title: info.title },
    });
  }
  if ('ownedFiles' in module) ownedFiles.push(...module.ownedFiles(target));

  const entrypoint = image ? (entryScript ? [LAMBDA.entryScript] : [LAMBDA.bootstrap]) : [LAMBDA.entryScript];
  const final: FinalStageModel = {
    ...stage(baseReference(target.final, options), options, 'final', target.manager, target.finalPackages, null, target.copy),
    labels: Object.entries(options.labels).map(([key, value]) => ({ key, value })),
    entrypoint: image ? execForm(entrypoint) : null,
    cmd: execForm([options.handler]),
  };
  // Paths the build stage makes executable: the scripts (the emulator gets its mode in the local stage).
  const executables = [...(entryScript ? [LAMBDA.entryScript] : []), ...(bootstrapScript ? [LAMBDA.bootstrap] : [])];
  const common: NativeCommon = {
    entry: entryScript ? ENTRY_SCRIPT : null,
    bootstrap: bootstrapScript ? BOOTSTRAP_SCRIPT : null,
    rie,
    executables: executables.join(' '),
    hasExecutables: executables.length > 0,
    ricDir: RIC_DIR,
  };
  const part = module.native({ target, options, facts, common });
  return {
    ...part,
    final,
    warnings: [...target.warnings, ...part.warnings],
    entryPoint: entrypoint,
    workingDirectory: LAMBDA.taskRoot,
    ownedFiles,
  };
}
