import { LAMBDA } from '../../catalog';
import { ricsFor, type RicRecord } from '../../catalog/rics';
import { escapeRegExp } from '../../shared/regexp';
import { defineRule, runInstructions, type RuleHit } from '../engine';
import type { DfStage } from '../dockerfile';
import type { RuleContext } from '../engine';
import { commandsOf, effectiveConfig, finalWithWorkdir, installOf } from './util';

const NODE_RIC = ricsFor('nodejs')[0]!;
const PYTHON_RIC = ricsFor('python')[0]!;
/** `aws-lambda-ric`, `aws-lambda-ric@4.0.2`: npm's spelling of the package with an optional version. */
const NODE_RIC_SPEC = new RegExp(`^${escapeRegExp(NODE_RIC.package)}(@|$)`);
/** `awslambdaric`, `awslambdaric==4.2.2`. */
const PYTHON_RIC_SPEC = new RegExp(`^${escapeRegExp(PYTHON_RIC.package)}\\b`);
/** What the catalog installs for the client on Alpine, for the message. */
const alpineDeps = (ric: RicRecord, kind: 'buildDeps' | 'runtimeDeps'): string[] => ric[kind].alpine ?? [];

/** Packages whose presence in the same stage shows the native build was prepared for. */
const BUILD_DEPS = /^(build-base|make|g\+\+|gcc|cmake|autoconf|automake|libtool)$/;

function stageInstalls(ctx: RuleContext, stage: DfStage): { pkgs: Set<string>; ric: { node?: string; python?: boolean; line: number } | null } {
  const pkgs = new Set<string>();
  let ric: { node?: string; python?: boolean; line: number } | null = null;
  for (const ins of runInstructions(ctx.chain(stage).flatMap((s) => s.instructions))) {
    for (const cmd of commandsOf(ctx, ins)) {
      const inst = installOf(cmd);
      if (!inst) continue;
      if (['apk', 'apt-get', 'apt', 'dnf', 'yum', 'microdnf'].includes(inst.manager)) inst.packages.forEach((p) => pkgs.add(p.replace(/[=<>~].*$/, '')));
      const node = inst.manager === 'npm' ? inst.packages.find((p) => NODE_RIC_SPEC.test(p)) : undefined;
      if (node !== undefined && ins.stage === stage.index) ric = { node, line: ins.line };
      if (inst.manager === 'pip' && inst.packages.some((p) => PYTHON_RIC_SPEC.test(p)) && ins.stage === stage.index) ric = { python: true, line: ins.line };
    }
  }
  return { pkgs, ric };
}

/** The WORKDIR the final image starts its client in (its code directory), or null when unknown. */
function codeDir(ctx: RuleContext): string | null {
  const steps = finalWithWorkdir(ctx);
  const { entrypoint, cmd } = effectiveConfig(ctx);
  const runner = entrypoint ?? cmd;
  const at = steps.find((x) => x.ins === runner) ?? steps[steps.length - 1];
  if (!at) return null;
  return at.workdir.includes('$') ? null : at.workdir.replace(/(.)\/$/, '$1');
}

/**
 * Runtime interface clients on non-AWS bases have known traps: on Alpine (musl) they compile
 * native code (the catalog's buildDeps say with what) and the Python client needs libraries at
 * run time (runtimeDeps); aws-lambda-ric 4.x reads the code location from
 * LAMBDA_TASK_ROOT, which Lambda fixes at /var/task ("Cannot find module" from /function).
 */
export const rule = defineRule({
  id: 'LAM025',
  severity: 'warning',
  description: `Install the runtime interface client with what it needs (native build deps on Alpine, code in ${LAMBDA.taskRoot} for aws-lambda-ric 4)`,
  check: (ctx) => {
    const hits: RuleHit[] = [];
    for (const stage of ctx.df.stages) {
      const base = ctx.base(stage);
      if (!base || base.kind !== 'other') continue;
      const { pkgs, ric } = stageInstalls(ctx, stage);
      if (!ric) continue;
      if (base.family === 'alpine' && ![...pkgs].some((p) => BUILD_DEPS.test(p))) {
        const client = ric.node !== undefined ? NODE_RIC : PYTHON_RIC;
        hits.push({ line: ric.line, message: `${client.package} compiles native code on Alpine (musl); install its build dependencies first (apk add ${alpineDeps(client, 'buildDeps').join(' ')}), or build on a glibc image.` });
      }
      if (ric.node !== undefined && !/@[0-3]\./.test(ric.node)) {
        // 4.x loads the handler from $LAMBDA_TASK_ROOT, which Lambda always sets to /var/task
        // (an image's ENV cannot change it): the code must be there; the emulator sets nothing.
        const env = ctx.chain(ctx.df.finalStage ?? stage).flatMap((s) => s.instructions).some((i) => i.keyword === 'ENV' && i.pairs.some((p) => p.name === 'LAMBDA_TASK_ROOT'));
        const dir = codeDir(ctx);
        if (dir !== LAMBDA.taskRoot) {
          hits.push({ line: ric.line, message: `${ric.node} resolves to ${NODE_RIC.package} 4.x, which loads the handler from $LAMBDA_TASK_ROOT, and Lambda always sets that to ${LAMBDA.taskRoot}${env ? ' whatever ENV says' : ''}, not ${dir ?? 'the code directory'} ("Cannot find module" on AWS); put the code in ${LAMBDA.taskRoot} (WORKDIR ${LAMBDA.taskRoot}), or pin ${NODE_RIC.package} 3.x.` });
        } else if (!env) {
          hits.push({ line: ric.line, level: 'info', message: `${ric.node} resolves to ${NODE_RIC.package} 4.x, which loads the handler from $LAMBDA_TASK_ROOT: Lambda sets it to ${LAMBDA.taskRoot}, where the code is, but the Runtime Interface Emulator does not; add ENV LAMBDA_TASK_ROOT=${LAMBDA.taskRoot} to run the image locally.` });
        }
      }
    }
    const final = ctx.df.finalStage;
    const base = final ? ctx.base(final) : null;
    if (final && base?.family === 'alpine') {
      const usesPythonRic = ctx.finalInstructions().some((i) => (i.keyword === 'ENTRYPOINT' || i.keyword === 'CMD') && i.argsText.includes(PYTHON_RIC.package));
      const { pkgs } = stageInstalls(ctx, final);
      const missing = alpineDeps(PYTHON_RIC, 'runtimeDeps').filter((p) => !pkgs.has(p));
      if (usesPythonRic && missing.length > 0) {
        hits.push({ line: final.line, message: `${PYTHON_RIC.package} on Alpine needs ${missing.join(', ')} at run time; add RUN apk add --no-cache ${missing.join(' ')} to the final stage.` });
      }
    }
    return hits;
  },
});
