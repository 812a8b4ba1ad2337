import { LANGUAGE_IMAGE_REPOS } from '../../catalog/images';
import type { DfInstruction } from '../dockerfile';
import { defineRule, runInstructions, type RuleContext, type RuleHit } from '../engine';
import { effectiveConfig, finalWithWorkdir, joinPath } from './util';

/**
 * Official language images build their interpreter from source into /usr/local/bin; /usr/bin has
 * none unless the OS package is installed (docker-library's python, node and ruby Dockerfiles).
 */
const LOCAL_INTERPRETERS: Record<string, RegExp> = {
  python: /^python[\d.]*$/,
  node: /^(node|nodejs)$/,
  ruby: /^ruby[\d.]*$/,
};

/** The folder an official language image keeps its interpreter in, from the catalog's record. */
function interpreterDir(name: string): string | undefined {
  const binary = LANGUAGE_IMAGE_REPOS.find((r) => r.repositories.includes(name))?.binary.debian;
  return binary?.slice(0, binary.lastIndexOf('/'));
}

/** An absolute /usr/bin interpreter that the official image keeps in /usr/local/bin. */
function missingInterpreter(ctx: RuleContext, runner: DfInstruction, prog: string): RuleHit | null {
  const final = ctx.df.finalStage;
  const base = final ? ctx.base(final) : null;
  if (!base || base.kind !== 'other') return null;
  const path = base.ref.path.toLowerCase();
  const official = (!base.ref.registry && !path.includes('/')) || /(^|\/)library\/[^/]+$/.test(path);
  const name = path.slice(path.lastIndexOf('/') + 1);
  const pattern = LOCAL_INTERPRETERS[name];
  const dir = interpreterDir(name);
  const m = /^\/usr\/bin\/([^/]+)$/.exec(prog);
  if (!official || !pattern || !dir || !m || !pattern.test(m[1]!)) return null;
  // An OS package (apt-get install python3) or a link puts one there after all.
  const tool = m[1]!.replace(/[\d.]+$/, '');
  const provided = runInstructions(ctx.finalInstructions()).some((i) => {
    const text = i.script ?? i.json?.join(' ') ?? '';
    return new RegExp(`\\b(apt-get|apt|apk|dnf|microdnf|yum)\\b[^;&|]*\\b${tool}`).test(text) || text.includes(prog);
  });
  if (provided) return null;
  return { line: runner.line, level: 'error', message: `${prog} does not exist in the official ${name} image, which keeps its interpreter in ${dir}; write "${dir}/${m[1]}".` };
}

/** Lambda wants an absolute entry point (and not a symlink, which a linter cannot see). */
export const rule = defineRule({
  id: 'LAM003',
  severity: 'warning',
  description: 'ENTRYPOINT must start with an absolute path to a program the image has',
  check: (ctx) => {
    const { entrypoint, cmd } = effectiveConfig(ctx);
    const runner = entrypoint ?? cmd;
    const first = runner?.exec ? runner.json?.[0] : undefined;
    if (runner && first) {
      const missing = missingInterpreter(ctx, runner, first);
      if (missing) return [missing];
    }
    const prog = entrypoint?.exec ? entrypoint.json?.[0] : undefined;
    if (!entrypoint || prog === undefined || prog.startsWith('/') || prog.startsWith('$')) return [];
    // ./x runs from the WORKDIR, so its absolute path is known; a bare name is found on PATH.
    const workdir = finalWithWorkdir(ctx).find((x) => x.ins === entrypoint)?.workdir ?? '/';
    const hint = /^\.\.?\//.test(prog) ? `"${joinPath(workdir, prog)}"` : `where ${prog} is on the image's PATH (e.g. "/usr/bin/${prog}")`;
    return [{ line: entrypoint.line, message: `ENTRYPOINT starts with "${prog}", not an absolute path; Lambda expects the absolute path of a real file (not a symlink): write ${hint}.` }];
  },
});
