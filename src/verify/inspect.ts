/**
 * Static checks before running: the image is linux, has exactly one architecture (the one asked
 * for), and its ENTRYPOINT is an absolute path to a real executable file, not a symlink.
 *
 * The file check reads the image's own filesystem without running anything in it: create a
 * container (never started), `cp CONTAINER:/path -` (a tar stream, symlinks not followed), and
 * read the tar header's type flag. That works on images without a shell.
 */
import { randomBytes } from 'node:crypto';
import { lstat, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { LAMBDA } from '../catalog';
import { exec, firstLine, removeContainer, type Arch, type Engine } from './docker';
import { UsageError } from '../shared/errors';
import { ENTRYPOINT_ADVICE } from './facts';

export interface ImageInfo {
  Id: string;
  Os?: string;
  Architecture?: string;
  Variant?: string;
  Config?: { Entrypoint?: string[] | null; Cmd?: string[] | null; User?: string };
  /** Present for multi-platform images in some stores (containerd snapshotter, podman). */
  Manifests?: Array<{ Descriptor?: { platform?: { os?: string; architecture?: string } } }>;
}

export type PathKind =
  | { kind: 'file'; mode: number }
  | { kind: 'symlink'; target: string }
  | { kind: 'directory'; mode?: number }
  | { kind: 'other'; typeflag: string }
  | { kind: 'missing' };

/** Lambda's names for architectures, as the engine spells them. */
const ENGINE_ARCH: Record<string, Arch> = { amd64: 'x86_64', x86_64: 'x86_64', arm64: 'arm64', aarch64: 'arm64' };

export async function inspectImage(engine: Engine, ref: string): Promise<ImageInfo> {
  const r = await exec(engine, ['image', 'inspect', ref], { timeoutMs: 30_000 });
  if (r.code !== 0) {
    const why = firstLine(r.stderr);
    throw new UsageError(/no such (image|object)|not found|image not known/i.test(why) ? `no such image: ${ref}` : `cannot inspect ${ref}: ${why || `exit ${r.code}`}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new UsageError(`cannot inspect ${ref}: ${engine.bin} printed no JSON`);
  }
  const info = Array.isArray(parsed) ? (parsed[0] as ImageInfo | undefined) : undefined;
  if (!info?.Id) throw new UsageError(`no such image: ${ref}`);
  return info;
}

/** Problems visible in the image config alone, one sentence each. */
export function configProblems(info: ImageInfo, arch: Arch): string[] {
  const problems: string[] = [];
  if (info.Os !== 'linux') problems.push(`image OS is ${info.Os || 'unset'}; Lambda runs only linux images`);
  const platforms = new Set(
    (info.Manifests ?? [])
      .map((m) => m.Descriptor?.platform)
      .filter((p) => p?.os && p.os !== 'unknown')
      .map((p) => `${p!.os}/${p!.architecture}`),
  );
  if (platforms.size > 1) {
    problems.push(`image holds ${platforms.size} platforms (${[...platforms].join(', ')}); Lambda needs a single-architecture image`);
  } else {
    const have = info.Architecture ? ENGINE_ARCH[info.Architecture] : undefined;
    if (!have) problems.push(`image architecture is ${info.Architecture || 'unset'}; Lambda supports x86_64 (amd64) and arm64`);
    else if (have !== arch) problems.push(`image architecture is ${info.Architecture} (${have}) but --arch is ${arch}`);
  }
  if (program(info) === undefined) problems.push('image has neither ENTRYPOINT nor CMD: there is nothing for Lambda to run');
  return problems;
}

export interface Finding {
  message: string;
  source: string;
}

/** What the container runs first: ENTRYPOINT[0], else CMD[0] (Docker's rule, which Lambda follows). */
export function program(info: ImageInfo): string | undefined {
  const ep = info.Config?.Entrypoint ?? [];
  if (ep.length > 0 && ep[0]) return ep[0];
  const cmd = info.Config?.Cmd ?? [];
  return cmd.length > 0 && cmd[0] ? cmd[0] : undefined;
}

/** Advice from the docs about ENTRYPOINT that Lambda does not enforce by refusing the image. */
export function configFindings(info: ImageInfo): Finding[] {
  const findings: Finding[] = [];
  const ep = info.Config?.Entrypoint ?? [];
  const first = program(info);
  if ((ep.length === 0 || !ep[0]) && first) findings.push({ message: ENTRYPOINT_ADVICE.cmdOnly, source: ENTRYPOINT_ADVICE.source });
  if (first && !first.startsWith('/')) findings.push({ message: `${JSON.stringify(first)}: ${ENTRYPOINT_ADVICE.relative}`, source: ENTRYPOINT_ADVICE.source });
  return findings;
}

/** Findings about the program file itself; the run then shows what Lambda would make of it. */
export function entrypointFindings(path: string, kind: PathKind): Finding[] {
  const f = (message: string): Finding[] => [{ message, source: ENTRYPOINT_ADVICE.source }];
  switch (kind.kind) {
    case 'file':
      // Lambda runs the entrypoint as an unprivileged uid (LAMBDA.user) that owns nothing in the image.
      return kind.mode & 0o001 ? [] : f(`${path} is not executable by other users (mode ${(kind.mode & 0o7777).toString(8)}); Lambda runs it as an unprivileged user`);
    case 'symlink':
      return f(`${path} is a symlink (to ${kind.target}): ${ENTRYPOINT_ADVICE.symlink}`);
    case 'directory':
      return f(`${path} is a directory`);
    case 'missing':
      return f(`${path} does not exist in the image`);
    case 'other':
      return f(`${path} is not a regular file (tar type ${JSON.stringify(kind.typeflag)})`);
  }
}

/** Reads the type of `path` inside the image without starting a container. */
export async function pathKind(engine: Engine, image: string, path: string): Promise<PathKind> {
  const name = `cli-verify-inspect-${randomBytes(4).toString('hex')}`;
  // An explicit entrypoint so images without ENTRYPOINT/CMD can be created too; it never runs.
  const created = await exec(engine, ['create', '--name', name, '--entrypoint', '/verify-never-started', image], { timeoutMs: 60_000 });
  if (created.code !== 0) throw new UsageError(`cannot create a container from ${image}: ${firstLine(created.stderr)}`);
  try {
    if (engine.kind === 'podman') {
      // podman's cp follows symlinks, so look at the mounted filesystem instead (needs root;
      // rootless podman falls through to cp, which can then not see a symlink).
      const kind = await lstatMounted(engine, name, path);
      if (kind) return kind;
    }
    const chunks: Buffer[] = [];
    // Headers are all we need; stop reading a large binary after the first 64 KiB.
    const r = await exec(engine, ['cp', `${name}:${path}`, '-'], { timeoutMs: 60_000, maxStdoutBytes: 64 * 1024, binary: (b) => chunks.push(b) });
    if (r.code !== 0) {
      if (/no such file|could not find|not found|does not exist/i.test(r.stderr)) return { kind: 'missing' };
      throw new UsageError(`cannot read ${path} from ${image}: ${firstLine(r.stderr)}`);
    }
    return tarEntryKind(Buffer.concat(chunks));
  } finally {
    await removeContainer(engine, name);
  }
}

async function lstatMounted(engine: Engine, name: string, path: string): Promise<PathKind | undefined> {
  const mounted = await exec(engine, ['mount', name], { timeoutMs: 30_000 });
  const root = mounted.stdout.trim();
  if (mounted.code !== 0 || !root) return undefined;
  try {
    const st = await lstat(join(root, path)).catch(() => undefined);
    if (!st) return { kind: 'missing' };
    if (st.isSymbolicLink()) return { kind: 'symlink', target: await readlink(join(root, path)) };
    if (st.isDirectory()) return { kind: 'directory', mode: st.mode & 0o7777 };
    if (st.isFile()) return { kind: 'file', mode: st.mode & 0o7777 };
    return { kind: 'other', typeflag: '?' };
  } finally {
    await exec(engine, ['unmount', name], { timeoutMs: 30_000 });
  }
}

/**
 * The first real entry of a tar stream (ustar/pax/GNU). Skips pax ('x', 'g') and GNU long-name
 * ('L', 'K') records, whose data precede the entry they describe.
 */
export function tarEntryKind(tar: Buffer): PathKind {
  let off = 0;
  let longLink: string | undefined;
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const type = String.fromCharCode(h[156] ?? 0);
    const size = parseOctal(h.subarray(124, 136));
    const dataLen = Math.ceil(size / 512) * 512;
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      const data = tar.subarray(off + 512, off + 512 + size).toString('utf8');
      if (type === 'K') longLink = data.replace(/\0.*$/s, '');
      if (type === 'x') longLink = /\d+ linkpath=([^\n]*)\n/.exec(data)?.[1] ?? longLink;
      off += 512 + dataLen;
      continue;
    }
    if (type === '2') return { kind: 'symlink', target: longLink ?? cString(h.subarray(157, 257)) };
    if (type === '5') return { kind: 'directory', mode: parseOctal(h.subarray(100, 108)) };
    if (type === '0' || type === '\0' || type === '7') return { kind: 'file', mode: parseOctal(h.subarray(100, 108)) };
    return { kind: 'other', typeflag: type };
  }
  return { kind: 'missing' };
}

function parseOctal(field: Buffer): number {
  const s = cString(field).trim();
  return s ? parseInt(s, 8) : 0;
}

function cString(field: Buffer): string {
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? field.length : nul).toString('utf8');
}

export interface InspectionReport {
  image: ImageInfo;
  /** The program the container starts (ENTRYPOINT[0], else CMD[0]). */
  entrypoint?: string;
  /** Lambda would not run the image at all (wrong OS or architecture, nothing to run). */
  problems: string[];
  /** The docs advise otherwise, but Lambda runs it: reported, and the image is still run. */
  findings: Finding[];
  /** /tmp in the image is a world-writable directory that a volume can copy up. */
  tmpWritable: boolean;
}

/** Config checks, then (for an absolute program path) the file check, and /tmp's mode. */
export async function inspectForLambda(engine: Engine, ref: string, arch: Arch): Promise<InspectionReport> {
  const image = await inspectImage(engine, ref);
  const problems = configProblems(image, arch);
  const findings = configFindings(image);
  const entrypoint = program(image);
  if (entrypoint?.startsWith('/')) findings.push(...entrypointFindings(entrypoint, await pathKind(engine, image.Id, entrypoint)));
  const tmp = problems.length === 0 ? await pathKind(engine, image.Id, LAMBDA.tmpDir) : { kind: 'missing' as const };
  const tmpWritable = tmp.kind === 'directory' && ((tmp.mode ?? 0) & 0o002) !== 0;
  return { image, ...(entrypoint ? { entrypoint } : {}), problems, findings, tmpWritable };
}
