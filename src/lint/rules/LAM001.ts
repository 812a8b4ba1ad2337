import { LAMBDA, LANGUAGES } from '../../catalog';
import { RICS, RIE_COMMAND, ricName, ricsFor } from '../../catalog/rics';
import { escapeRegExp } from '../../shared/regexp';
import { flagValue } from '../dockerfile';
import type { DfInstruction } from '../dockerfile';
import { defineRule, runInstructions, type RuleContext, type RuleHit } from '../engine';
import { awsRootfs, entrypointShadowed, webAdapter, writesBootstrap } from './lambda-shape';
import { commandsOf, copyDest, effectiveConfig, finalWithWorkdir, installOf, joinPath, resolvePath, within, wordsOf } from './util';

/** Runtime interface clients by the word that starts them, and the package that provides them. */
const STARTERS: { word: RegExp; pkg: string; what: string }[] = [
  ...RICS.filter((r) => r.command).map((r) => ({
    word: new RegExp(`(^|/)${escapeRegExp(r.command!)}$`),
    pkg: ricName(r),
    what: `the ${LANGUAGES[r.language].title} runtime interface client (${ricName(r)})`,
  })),
  // .NET's client is a library; a command naming it (its assembly) starts it.
  ...ricsFor('dotnet').map((r) => ({ word: new RegExp(escapeRegExp(r.package)), pkg: r.package, what: r.package })),
];
/** The clients a message suggests installing. */
const INSTALLABLE = RICS.filter((r) => r.command).map(ricName).join(', ');
const EMULATOR = new RegExp(`(^|/)${escapeRegExp(RIE_COMMAND)}$`);
/** Names that say "script", not "compiled binary". */
const ENTRY_SCRIPT = /\.(sh|bash|py|js|mjs|cjs|rb|pl)$|entry[-_]?point|(^|\/)entry[^/]*$/i;
/** Installs driven by a manifest may well bring the client: nothing to say then. */
/** A RUN that writes the OS-only bootstrap, by its path or through ${LAMBDA_RUNTIME_DIR}. */
const WRITES_BOOTSTRAP = new RegExp(`${escapeRegExp(LAMBDA.bootstrap)}|\\$\\{?LAMBDA_RUNTIME_DIR\\}?/bootstrap`);
/** An ENTRYPOINT program that hands over to the base image's client. */
const BASE_ENTRY = new RegExp(`^${escapeRegExp(LAMBDA.entryScript)}$|${escapeRegExp(LAMBDA.bootstrap)}$|\\$\\{?LAMBDA_RUNTIME_DIR`);
const MANIFEST_INSTALL = /(-r\s|--requirement|npm (ci|install\s*($|&|;))|bundle (install|config)|mvn |gradle|poetry |pipenv |uv (pip|sync)|dotnet (publish|restore))/;

function ricIn(words: string[]): (typeof STARTERS)[number] | undefined {
  return STARTERS.find((r) => words.some((w) => r.word.test(w)));
}

/** A COPY source that is a whole folder (`.`, `./`, `app/`): its files land under the destination. */
const FOLDER_SOURCE = /^(\.\/?|.*\/)$/;

/**
 * Does the ENTRYPOINT/CMD program come from a build stage, a RUN, or a plain COPY? A folder
 * copied from the context counts for an entry script inside it; a RUN that only touches a file
 * already copied (chmod, sed) does not make it built.
 */
function originOf(ctx: RuleContext, program: string, before: number): 'stage' | 'built' | 'copied' | null {
  let origin: 'stage' | 'built' | 'copied' | null = null;
  for (const { ins, workdir } of finalWithWorkdir(ctx)) {
    if (ins.line >= before) break;
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const dest = copyDest(ctx, ins, workdir);
      const sources = (ins.exec && ins.json ? ins.json : ins.args).slice(0, -1);
      const hit = dest !== null && (dest === program
        || (dest.endsWith('/') && sources.some((s) => joinPath(dest, s.slice(s.lastIndexOf('/') + 1)) === program))
        || (ENTRY_SCRIPT.test(program) && sources.some((s) => FOLDER_SOURCE.test(s)) && within(program, dest.replace(/\/$/, '')) && program !== dest.replace(/\/$/, '')));
      if (hit) origin = flagValue(ins, 'from') ? 'stage' : 'copied';
    } else if (ins.keyword === 'RUN' && origin === null && (ins.script ?? ins.json?.join(' ') ?? '').includes(program)) {
      origin = 'built';
    }
  }
  return origin;
}

/** The program's absolute path: as written, or relative (./x) to the WORKDIR it runs in. */
function absoluteProgram(ctx: RuleContext, runner: DfInstruction, prog: string): string | null {
  const path = resolvePath(ctx, runner, prog);
  const cwd = finalWithWorkdir(ctx).find((x) => x.ins === runner)?.workdir ?? '/';
  return path.startsWith('/') ? path : /^\.\.?\//.test(path) ? joinPath(cwd, path) : null;
}

function bootstrapPlaced(ctx: RuleContext): boolean {
  return finalWithWorkdir(ctx).some(({ ins, workdir }) => {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      const dest = copyDest(ctx, ins, workdir);
      return dest !== null && within(dest.replace(/\/$/, ''), LAMBDA.runtimeDir);
    }
    return ins.keyword === 'RUN' && (WRITES_BOOTSTRAP.test(ins.script ?? '') || writesBootstrap(ins.script ?? ''));
  });
}

function installs(ctx: RuleContext, pkg: string): boolean {
  const runs = runInstructions(ctx.df.instructions);
  const lower = pkg.toLowerCase();
  if (runs.some((i) => (i.trigger ?? i).argsText.toLowerCase().includes(lower) || (i.script ?? '').toLowerCase().includes(lower))) return true;
  if (runs.some((i) => MANIFEST_INSTALL.test(i.script ?? '') || commandsOf(ctx, i).some((c) => installOf(c)?.manager === 'npm' && installOf(c)!.packages.length === 0))) return true;
  // Dependencies built in another stage and copied in, or jars copied from the context.
  return ctx.finalInstructions().some((i) => (i.keyword === 'COPY' && flagValue(i, 'from')) || ((i.keyword === 'COPY' || i.keyword === 'ADD') && i.args.some((a) => a.endsWith('.jar') || a.endsWith('.zip'))));
}

/** Official Docker images (Docker Hub's library, or a mirror of it): known to ship no client. */
function knownImage(base: NonNullable<ReturnType<RuleContext['base']>>): boolean {
  const path = base.ref.path.toLowerCase();
  return (!base.ref.registry && !path.includes('/')) || /(^|\/)library\/[^/]+$/.test(path);
}

export const rule = defineRule({
  id: 'LAM001',
  severity: 'error',
  description: 'The image must start a Lambda runtime interface client (AWS base images ship one)',
  check: (ctx) => {
    const final = ctx.df.finalStage;
    if (!final) return [];
    const base = ctx.base(final);
    if (!base || base.windows) return [];
    // The Web Adapter extension speaks the Runtime API for the web server CMD starts, and AWS's
    // own recipe unpacks a root file system that brings the client: both are complete images.
    if (webAdapter(ctx) || awsRootfs(ctx)) return [];
    const { entrypoint, cmd } = effectiveConfig(ctx);
    const hits: RuleHit[] = [];
    const at = (ins: DfInstruction | null): number => ins?.line ?? final.line;
    let words = entrypoint ? wordsOf(entrypoint) : wordsOf(cmd);
    // The emulator wraps the real entry point: look behind it.
    if (words[0] && EMULATOR.test(words[0])) words = words.slice(1);
    const runner = entrypoint ?? cmd;

    if (base.kind === 'aws-runtime' || base.kind === 'os-only') {
      // The base ENTRYPOINT /lambda-entrypoint.sh starts the bundled client (or the provided
      // base's bootstrap); replacing that file while still starting it is the risk.
      const shadow = entrypointShadowed(ctx);
      const keepsBaseEntry = !entrypoint || (entrypoint.exec && entrypoint.json?.[0] === LAMBDA.entryScript);
      if (shadow && keepsBaseEntry) {
        return [shadow.emulator
          ? { line: shadow.ins.line, message: `This puts the Runtime Interface Emulator in place of ${LAMBDA.entryScript}, so on Lambda the emulator would run instead of the runtime client; AWS base images already run the emulator outside Lambda, so leave ${LAMBDA.entryScript} alone.` }
          : { line: shadow.ins.line, level: 'warning', message: `This replaces ${LAMBDA.entryScript}, so the entry point is no longer the one AWS ships; make sure your script ends with exec ${LAMBDA.entryScript} (or starts the runtime client itself).` }];
      }
    }

    if (base.kind === 'aws-runtime') {
      if (!entrypoint) return [];
      if (words.length === 0) {
        return [{ line: entrypoint.line, message: `ENTRYPOINT is empty, so Lambda runs CMD as the program and the runtime never starts ("Couldn't find valid bootstrap"); remove this ENTRYPOINT to keep ${LAMBDA.entryScript}.` }];
      }
      const prog = words[0]!;
      if (BASE_ENTRY.test(prog) || ricIn(words)) return [];
      const abs = absoluteProgram(ctx, entrypoint, prog);
      const origin = abs ? originOf(ctx, abs, entrypoint.line) : null;
      if (origin === 'copied') return []; // an entry script that hands over to /lambda-entrypoint.sh
      return [{ line: entrypoint.line, message: `ENTRYPOINT ${prog} replaces ${LAMBDA.entryScript}, so the base image's runtime client never starts; keep the base ENTRYPOINT and put the handler in CMD.` }];
    }

    const ric = ricIn(words);
    if (ric) {
      if (!installs(ctx, ric.pkg)) {
        hits.push({ line: at(runner), level: 'warning', message: `${runner?.keyword ?? 'ENTRYPOINT'} starts ${ric.what}, but no RUN installs ${ric.pkg}; install it in this image or copy it from a build stage.` });
      }
      return hits;
    }
    if (base.kind === 'os-only' && !entrypoint) {
      if (bootstrapPlaced(ctx)) return [];
      return [{ line: at(cmd), message: `The provided base runs ${LAMBDA.bootstrap}, but nothing puts an executable there ("fork/exec ${LAMBDA.bootstrap}: no such file"); COPY your bootstrap (or binary) to \${LAMBDA_RUNTIME_DIR}/bootstrap.` }];
    }
    const prog = words[0];
    if (prog && runner) {
      const path = resolvePath(ctx, runner, prog);
      const abs = absoluteProgram(ctx, runner, prog);
      const origin = abs ? originOf(ctx, abs, runner.line) : null;
      // An entry script (from the context or a build stage) is trusted to start a client.
      if (origin && ENTRY_SCRIPT.test(path)) return [];
      if (origin === 'stage' || origin === 'built') {
        return [{ line: runner.line, level: 'info', message: `${prog} is a binary built for this image; it is assumed to embed the runtime interface client (as Go and Rust Lambda libraries do).` }];
      }
      // A file of one's own from the context (a bootstrap, an entry script, ./x from the WORKDIR): trusted to start a client.
      if (origin === 'copied') return [];
    }
    const what = base.scratch ? 'scratch' : base.kind === 'os-only' ? 'the OS-only base' : `${base.ref.path}`;
    if (base.kind === 'other' && !base.scratch && !knownImage(base)) {
      // An organisation's own image may well ship a client: say what to check, not that it is missing.
      return [{ line: at(runner), level: 'info', message: `${what} is not an image this tool knows, so it cannot tell whether it has a Lambda runtime interface client; ${runner ? `${runner.keyword} runs ${prog ?? 'nothing'}` : 'there is no ENTRYPOINT or CMD'}. If the base has none, install one (${INSTALLABLE}) or add the Lambda Web Adapter.` }];
    }
    return [{ line: at(runner), message: `Nothing starts a Lambda runtime interface client: ${what} has none, and ${runner ? `${runner.keyword} runs ${prog ?? 'nothing'}` : 'there is no ENTRYPOINT or CMD'}. Install one (${INSTALLABLE}) and start it from ENTRYPOINT, or use an AWS base image.` }];
  },
});
