/**
 * What kind of Lambda image a Dockerfile builds, shared by the LAM rules so they agree: the
 * Lambda Web Adapter (an extension that speaks the Runtime API for a web server), AWS's own
 * base-image recipe (a root file system unpacked onto scratch), and a /lambda-entrypoint.sh
 * that a later instruction replaced.
 */
import { LAMBDA } from '../../catalog';
import { RICS, RIE_COMMAND, ricName } from '../../catalog/rics';
import { escapeRegExp } from '../../shared/regexp';
import { flagValue, type DfInstruction } from '../dockerfile';
import type { RuleContext } from '../engine';
import { copyDest, copyParts, finalWithWorkdir, within } from './util';

const ADAPTER = /aws-lambda-adapter|lambda-web-adapter|(^|\/)lambda-adapter\b/i;
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|txz)$/i;
const EXTENSIONS_DIR = new RegExp(escapeRegExp(LAMBDA.extensionsDir));
const ENTRY_NAME = LAMBDA.entryScript.slice(LAMBDA.entryScript.lastIndexOf('/') + 1);
/** A source file named like the entry script, copied to / where it lands on it. */
const ENTRY_FILE = new RegExp(`(^|/)${escapeRegExp(ENTRY_NAME)}$`);
/** A shell command that writes (ln, cp, mv, install, tee, a redirection) or removes the entry script. */
const WRITES_ENTRY = new RegExp(`(\\b(ln|cp|mv|install|rm|tee)\\b[^;&|]*|>\\s*)${escapeRegExp(LAMBDA.entryScript)}\\b`);

/** The instruction that installs the Lambda Web Adapter under /opt/extensions, if any. */
export function webAdapter(ctx: RuleContext): DfInstruction | null {
  return ctx.memo('webAdapter', () => {
    for (const { ins, workdir } of finalWithWorkdir(ctx)) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const dest = copyDest(ctx, ins, workdir);
        if (dest === null || !within(dest.replace(/\/$/, ''), LAMBDA.extensionsDir)) continue;
        const from = flagValue(ins, 'from');
        const stage = from ? ctx.df.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase() || String(s.index) === from) : undefined;
        const origin = [from ?? '', stage?.expandedImage ?? '', ...(copyParts(ins)?.sources ?? []), dest].join(' ');
        if (ADAPTER.test(origin)) return ins;
      } else if (ins.keyword === 'RUN' && EXTENSIONS_DIR.test(ins.script ?? '') && ADAPTER.test(ins.script ?? '')) {
        return ins;
      }
    }
    return null;
  });
}

/**
 * AWS's base-image recipe: FROM scratch, root file system archives ADDed at /, and
 * /lambda-entrypoint.sh as ENTRYPOINT (or LAMBDA_RUNTIME_DIR set). The archives bring the client.
 */
export function awsRootfs(ctx: RuleContext): boolean {
  return ctx.memo('awsRootfs', () => {
    const final = ctx.df.finalStage;
    if (!final) return false;
    const root = ctx.chain(final)[0]!;
    if (root.expandedImage?.toLowerCase() !== 'scratch') return false;
    const ins = ctx.finalInstructions();
    const unpacked = ins.some((i) => i.keyword === 'ADD' && copyParts(i)?.dest === '/' && copyParts(i)!.sources.every((s) => ARCHIVE.test(s)));
    const entry = ins.some((i) => i.keyword === 'ENTRYPOINT' && i.json?.[0] === LAMBDA.entryScript)
      || ins.some((i) => i.keyword === 'ENV' && i.pairs.some((p) => p.name === 'LAMBDA_RUNTIME_DIR'));
    return unpacked && entry;
  });
}

export interface Shadowing {
  ins: DfInstruction;
  /** The Runtime Interface Emulator takes its place: on Lambda the emulator would run. */
  emulator: boolean;
}

/** A COPY/ADD/RUN in the final image that writes, links or removes /lambda-entrypoint.sh. */
export function entrypointShadowed(ctx: RuleContext): Shadowing | null {
  return ctx.memo('entrypointShadowed', () => {
    let found: Shadowing | null = null;
    for (const { ins, workdir } of finalWithWorkdir(ctx)) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const dest = copyDest(ctx, ins, workdir);
        const sources = copyParts(ins)?.sources ?? [];
        const hit = dest === LAMBDA.entryScript || (dest === '/' && sources.some((s) => ENTRY_FILE.test(s)));
        if (hit) found = { ins, emulator: sources.some((s) => s.includes(RIE_COMMAND)) };
      } else if (ins.keyword === 'RUN') {
        const script = ins.script ?? ins.json?.join(' ') ?? '';
        // Writing to it (ln, cp, mv, tee, a redirection) or removing it; reading it is fine.
        if (WRITES_ENTRY.test(script)) {
          found = { ins, emulator: script.includes(RIE_COMMAND) };
        }
      }
    }
    return found;
  });
}

/** Traces of a Lambda image: the catalogued clients by package and command, the emulator, Lambda's layout. */
const LAMBDA_SIGNS = new RegExp([
  ...RICS.flatMap((r) => [ricName(r), ...(r.command ? [r.command] : [])]).map(escapeRegExp),
  'runtime-interface-client', escapeRegExp(ENTRY_NAME), escapeRegExp(RIE_COMMAND), escapeRegExp(LAMBDA.bootstrap),
  'LAMBDA_(TASK_ROOT|RUNTIME_DIR)', escapeRegExp(LAMBDA.extensionsDir), 'cargo[- ]lambda|bref|AWS_LAMBDA_',
].join('|'), 'i');

/**
 * Does the Dockerfile look like a Lambda image at all? An AWS base, AWS's recipe, the Web
 * Adapter, or any trace of a runtime client, the emulator or the Lambda layout.
 */
export function looksLikeLambda(ctx: RuleContext): boolean {
  const final = ctx.df.finalStage;
  if (!final) return false;
  const kind = ctx.base(final)?.kind;
  if (kind === 'aws-runtime' || kind === 'os-only' || webAdapter(ctx) || awsRootfs(ctx)) return true;
  return ctx.df.instructions.some((i) => LAMBDA_SIGNS.test(i.argsText) || LAMBDA_SIGNS.test(i.script ?? '') || ctx.df.stages.some((s) => /lambda/i.test(s.expandedImage ?? '')));
}

const RUNTIME_DIR = `(${escapeRegExp(LAMBDA.runtimeDir)}|\\$\\{?LAMBDA_RUNTIME_DIR\\}?)`;
/**
 * A shell command that writes (cp, mv, install, ln, a redirection) the runtime's bootstrap, by
 * its path or as a file named bootstrap copied into the runtime folder (`cp /opt/bootstrap /var/runtime`).
 */
const WRITES_BOOTSTRAP = new RegExp(`(\\b(ln|cp|mv|install|tee)\\b[^;&|]*|>\\s*)${RUNTIME_DIR}/bootstrap\\b|\\b(ln|cp|mv|install)\\b[^;&|]*\\bbootstrap\\s+${RUNTIME_DIR}/?(?=\\s|$|[;&|])`);

/** Does this shell script put a bootstrap in the runtime folder? */
export function writesBootstrap(script: string): boolean {
  return WRITES_BOOTSTRAP.test(script);
}

/**
 * The instruction that puts a bootstrap of one's own at /var/runtime/bootstrap, if any. On a
 * language base this replaces AWS's runtime (the entry script runs that file), so the handler
 * and the code's location are whatever the new runtime makes of them.
 */
export function runtimeReplaced(ctx: RuleContext): DfInstruction | null {
  return ctx.memo('runtimeReplaced', () => {
    let found: DfInstruction | null = null;
    for (const { ins, workdir } of finalWithWorkdir(ctx)) {
      if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const dest = copyDest(ctx, ins, workdir);
        if (dest === null) continue;
        const sources = copyParts(ins)?.sources ?? [];
        const intoDir = dest.replace(/\/$/, '') === LAMBDA.runtimeDir && sources.some((s) => /(^|\/)bootstrap$/.test(s));
        if (dest === LAMBDA.bootstrap || intoDir) found = ins;
      } else if (ins.keyword === 'RUN' && writesBootstrap(ins.script ?? ins.json?.join(' ') ?? '')) {
        found = ins;
      }
    }
    return found;
  });
}
