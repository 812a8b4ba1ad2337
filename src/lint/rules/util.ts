/** Helpers shared by the rules: commands of RUNs and package installs. */
import { LAMBDA, LAMBDA_RESERVED_PATHS } from '../../catalog';
import type { DfInstruction } from '../dockerfile';
import { runInstructions, type RuleContext, type RuleHit } from '../engine';
import { afterSubcommand, operands, pipArgs, programName, unwrap, type Command } from '../shell';

export type Manager = 'apt-get' | 'apt' | 'yum' | 'dnf' | 'microdnf' | 'apk' | 'pip' | 'npm' | 'gem' | 'yarn';

export interface Install {
  manager: Manager;
  /** Arguments after the install subcommand, flags included. */
  args: string[];
  /** Package operands. */
  packages: string[];
}

const VALUE_FLAGS: Record<string, string[]> = {
  apt: ['o', 't', 'target-release', 'c', 'config-file'],
  rpm: ['x', 'exclude', 'releasever', 'installroot', 'repo', 'repoid', 'enablerepo', 'disablerepo', 'setopt', 'config', 'c'],
  apk: ['t', 'virtual', 'X', 'repository', 'p', 'root', 'arch', 'repositories-file', 'keys-dir', 'cache-dir'],
};

/** Every simple command of a RUN (or an ONBUILD RUN), with wrappers such as sudo removed. */
export function commandsOf(ctx: RuleContext, ins: DfInstruction): Command[] {
  const cache = ctx.memo('commandsOf', () => new Map<DfInstruction, Command[]>());
  let cmds = cache.get(ins);
  if (!cmds) {
    cmds = ctx.shell(ins).commands.map(unwrap);
    cache.set(ins, cmds);
  }
  return cmds;
}

const installs = new WeakMap<Command, Install | null>();

/** The install a command performs, if it is one of the package managers the rules know (memoised). */
export function installOf(cmd: Command): Install | null {
  let found = installs.get(cmd);
  if (found === undefined) {
    found = readInstall(cmd);
    installs.set(cmd, found);
  }
  return found;
}

function readInstall(cmd: Command): Install | null {
  const name = programName(cmd);
  const args = cmd.words.slice(1);
  const pick = (manager: Manager, subs: string[], withValue: string[]): Install | null => {
    const rest = afterSubcommand(args, subs, withValue);
    return rest ? { manager, args: rest, packages: operands(rest, withValue) } : null;
  };
  switch (name) {
    case 'apt-get':
    case 'apt':
      return pick(name, ['install'], VALUE_FLAGS.apt!);
    case 'yum':
    case 'dnf':
    case 'microdnf':
      return pick(name, ['install', 'groupinstall', 'reinstall'], VALUE_FLAGS.rpm!);
    case 'apk':
      return pick('apk', ['add'], VALUE_FLAGS.apk!);
    case 'npm':
      return pick('npm', ['install', 'i', 'add'], []);
    case 'gem':
      return pick('gem', ['install', 'i'], ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 'source']);
    case 'yarn':
      return pick('yarn', ['install', 'add'], []);
    default: {
      const pip = pipArgs(cmd);
      if (!pip) return null;
      const withValue = ['abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation', 'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't', 'target', 'trusted-host', 'upgrade-strategy', 'r', 'requirement', 'c', 'constraint'];
      const rest = afterSubcommand(pip, ['install'], []);
      return rest ? { manager: 'pip', args: rest, packages: operands(rest, withValue) } : null;
    }
  }
}

/** Calls `fn` for every command of every RUN in `instructions`; collects its hits. */
export function eachCommand(
  ctx: RuleContext,
  instructions: readonly DfInstruction[],
  fn: (cmd: Command, ins: DfInstruction, all: Command[]) => string | null | undefined,
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const ins of runInstructions(instructions)) {
    const all = commandsOf(ctx, ins);
    for (const cmd of all) {
      const message = fn(cmd, ins, all);
      if (message) {
        hits.push({ line: ins.line, column: ins.column, message });
        break; // one finding per instruction, as hadolint reports them
      }
    }
  }
  return hits;
}

/** The final image's effective ENTRYPOINT and CMD (later stages in the chain win). */
export function effectiveConfig(ctx: RuleContext): { entrypoint: DfInstruction | null; cmd: DfInstruction | null } {
  return ctx.memo('effectiveConfig', () => computeConfig(ctx));
}

function computeConfig(ctx: RuleContext): { entrypoint: DfInstruction | null; cmd: DfInstruction | null } {
  let entrypoint: DfInstruction | null = null;
  let cmd: DfInstruction | null = null;
  const final = ctx.df.finalStage;
  if (!final) return { entrypoint, cmd };
  for (const stage of ctx.chain(final)) {
    let cmdSetHere = false;
    for (const ins of stage.instructions) {
      if (ins.keyword === 'CMD') {
        cmd = ins;
        cmdSetHere = true;
      } else if (ins.keyword === 'ENTRYPOINT') {
        entrypoint = ins;
        // Docker drops a CMD inherited from the parent image when ENTRYPOINT is set.
        if (!cmdSetHere) cmd = null;
      }
    }
  }
  return { entrypoint, cmd };
}

/** The words an ENTRYPOINT or CMD runs: exec strings, or the shell words of the shell form. */
export function wordsOf(ins: DfInstruction | null): string[] {
  if (!ins) return [];
  if (ins.exec && ins.json) return ins.json;
  return (ins.script ?? '').split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
}

/** Resolves `$VAR`/`${VAR}` in a path from ENV values seen so far in the final image. */
export function envValue(ctx: RuleContext, upToLine: number, name: string): string | undefined {
  // Lambda's own path variables start at Lambda's values; an ENV in the image may say otherwise.
  let value = Object.hasOwn(LAMBDA_RESERVED_PATHS, name) ? LAMBDA_RESERVED_PATHS[name] : undefined;
  let fromEnv = false;
  for (const ins of ctx.finalInstructions()) {
    if (ins.line > upToLine) break;
    if (ins.keyword === 'ENV') {
      for (const p of ins.pairs) if (p.name === name && p.value !== null) { value = p.value; fromEnv = true; }
    } else if (ins.keyword === 'ARG' && !fromEnv) {
      // A build argument expands in WORKDIR, COPY and ENV too: its default, or the global one
      // it redeclares (`ARG FUNCTION_DIR` after a global `ARG FUNCTION_DIR="/function"`). An
      // ENV of the same name wins over it.
      for (const p of ins.pairs) {
        if (p.name !== name) continue;
        const v = p.value ?? ctx.df.globalArgs.get(name) ?? null;
        if (v !== null) value = v;
      }
    }
  }
  return value;
}

/** A path with `${LAMBDA_TASK_ROOT}`-style variables resolved against the final image's ENV. */
export function resolvePath(ctx: RuleContext, ins: DfInstruction, path: string): string {
  return path
    .replace(/^["']|["']$/g, '')
    .replace(/\$\{?([A-Za-z_]\w*)\}?/g, (m, name: string) => envValue(ctx, ins.line, name) ?? m);
}

/** COPY/ADD source and destination words (exec or shell form), heredoc markers included. */
export function copyParts(ins: DfInstruction): { sources: string[]; dest: string } | null {
  const words = ins.exec && ins.json ? ins.json : ins.args;
  if (words.length < 2) return null;
  return { sources: words.slice(0, -1), dest: words[words.length - 1]! };
}

/**
 * The final image's instructions with the WORKDIR in effect before each one (AWS bases start
 * in /var/task, others in /).
 */
export function finalWithWorkdir(ctx: RuleContext): { ins: DfInstruction; workdir: string }[] {
  return ctx.memo('finalWithWorkdir', () => walkFinal(ctx));
}

function walkFinal(ctx: RuleContext): { ins: DfInstruction; workdir: string }[] {
  const final = ctx.df.finalStage;
  if (!final) return [];
  const base = ctx.base(final);
  let workdir = base && base.kind !== 'other' ? LAMBDA.taskRoot : '/';
  const out: { ins: DfInstruction; workdir: string }[] = [];
  for (const ins of ctx.finalInstructions()) {
    out.push({ ins, workdir });
    if (ins.keyword === 'WORKDIR') workdir = joinPath(workdir, resolvePath(ctx, ins, ins.argsText.trim()));
  }
  return out;
}

/** POSIX join: an absolute `p` wins; `.` and `..` are folded. */
export function joinPath(dir: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${dir}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** The destination of a COPY/ADD as an absolute path (trailing slash kept as a dir marker). */
export function copyDest(ctx: RuleContext, ins: DfInstruction, workdir: string): string | null {
  const parts = copyParts(ins);
  if (!parts) return null;
  const raw = resolvePath(ctx, ins, parts.dest);
  if (raw.includes('$')) return null;
  const abs = joinPath(workdir, raw);
  return raw.endsWith('/') || raw === '.' ? `${abs.replace(/\/$/, '')}/` : abs;
}

/** True when `path` is `dir` or inside it. */
export function within(path: string, dir: string): boolean {
  const d = dir.replace(/\/$/, '');
  return path === d || path.startsWith(`${d}/`);
}
