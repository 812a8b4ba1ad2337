/**
 * `create-lambda-image verify`: inspect an image, then run it as Lambda would against an
 * embedded Runtime API and report the one invocation. Lazy-loaded by the CLI.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UsageError } from '../shared/errors';
import type { Io } from '../shared/io';
import { parseVerifyArgs, verifyHelp } from './args';
import { buildArgs, detectBuilder, ensureEngine, exec, type Arch, type Engine } from './docker';
import { MAX_PAYLOAD_BYTES } from './emulator';
import { inspectForLambda } from './inspect';
import { formatJson, formatText, type ReportContext } from './report';
import { exitCodeFor, planSandbox, runAsLambda, type RunAsLambdaOptions, type VerifyResult } from './run';

export { verifyHelp } from './args';
export { exitCodeFor, type VerifyResult } from './run';

export async function runVerify(args: string[], io: Io): Promise<number> {
  const a = parseVerifyArgs(args);
  if (a.help) {
    io.stdout.write(`${verifyHelp}\n`);
    return 0;
  }
  const event = await readEvent(a.event, io);
  const engine = await ensureEngine(io.env);

  // The parser guarantees IMAGE or --build.
  const ref = a.build ? await build(engine, resolve(io.cwd, a.build), a.image, a.arch, io) : a.image!;

  const report = await inspectForLambda(engine, ref, a.arch);
  const ctx: ReportContext = {
    image: ref,
    imageId: report.image.Id,
    arch: a.arch,
    ...(report.entrypoint ? { entrypoint: report.entrypoint } : {}),
    findings: report.findings,
  };
  let result: VerifyResult;
  if (report.problems.length > 0) {
    // Lambda would refuse or fail to start such an image; running it here proves nothing.
    result = { kind: 'image-problems', problems: report.problems };
  } else {
    const options: RunAsLambdaOptions = {
      image: report.image.Id,
      event,
      timeoutS: a.timeoutS,
      memoryMb: a.memoryMb,
      tmpMb: a.tmpMb,
      // A volume keeps /tmp out of the memory limit; it needs a world-writable /tmp to copy up.
      tmp: report.tmpWritable ? 'volume' : 'tmpfs',
      functionName: functionNameFor(ref),
      region: io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION || 'us-east-1',
      handler: (report.image.Config?.Cmd ?? []).join(' '),
    };
    const sandbox = await planSandbox(engine, options);
    ctx.sandbox = sandbox;
    if (!a.json) io.stderr.write(`running ${ref} as a Lambda function (timeout ${a.timeoutS} s, ${a.memoryMb} MB)...\n`);
    result = await runAsLambda(engine, options, sandbox);
  }
  io.stdout.write(a.json ? formatJson(ctx, result) : formatText(ctx, result));
  return exitCodeFor(result);
}

/**
 * The event: a regular file (or stdin) of at most Lambda's payload limit, checked before it is
 * opened so a FIFO or a device never blocks or floods the read, and capped while reading.
 */
async function readEvent(file: string | undefined, io: Io): Promise<string> {
  if (file === undefined) return '{}';
  let data: Buffer;
  const tooBig = (size: string): UsageError => new UsageError(`--event ${file} is ${size} bytes; Lambda accepts at most ${MAX_PAYLOAD_BYTES}`);
  const over = `more than ${MAX_PAYLOAD_BYTES}`;
  if (file === '-') {
    data = await readAll(io.stdin, MAX_PAYLOAD_BYTES + 1);
    if (data.length > MAX_PAYLOAD_BYTES) throw tooBig(over);
  } else {
    const path = resolve(io.cwd, file);
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      throw new UsageError(`cannot read --event ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    if (!st.isFile()) throw new UsageError(`--event ${file} is not a regular file (${kindOf(st)}); give a JSON file or - for stdin`);
    if (st.size > MAX_PAYLOAD_BYTES) throw tooBig(String(st.size));
    let handle;
    try {
      handle = await open(path, 'r');
      const buf = Buffer.alloc(MAX_PAYLOAD_BYTES + 1);
      let len = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buf, len, buf.length - len, null);
        if (bytesRead === 0) break;
        len += bytesRead;
        if (len === buf.length) break;
      }
      data = buf.subarray(0, len);
    } catch (err) {
      throw new UsageError(`cannot read --event ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    } finally {
      await handle?.close();
    }
    // It grew while being read.
    if (data.length > MAX_PAYLOAD_BYTES) throw tooBig(over);
  }
  const text = data.toString('utf8');
  try {
    JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--event ${file} is not valid JSON: ${oneLine((err as Error).message)}`);
  }
  return text;
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 200);

/** Reads until EOF or until `cap` bytes are held. */
async function readAll(stream: NodeJS.ReadableStream, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(c);
    chunks.push(b);
    size += b.length;
    if (size >= cap) break;
  }
  return Buffer.concat(chunks);
}

/** Builds DIR (progress on stderr) and returns the tag. */
async function build(engine: Engine, dir: string, tag: string | undefined, arch: Arch, io: Io): Promise<string> {
  const st = await stat(dir).catch(() => undefined);
  if (!st?.isDirectory()) throw new UsageError(`--build ${dir} is not a directory`);
  // Stable per directory, so rebuilding replaces the previous tag instead of piling up images.
  const name = tag ?? `create-lambda-image-verify:${slug(basename(dir)) || 'image'}-${createHash('sha256').update(dir).digest('hex').slice(0, 8)}`;
  const builder = await detectBuilder(engine);
  if (builder.note) io.stderr.write(`note: ${builder.note}\n`);
  const args = buildArgs(builder, dir, name, arch);
  io.stderr.write(`building ${dir} as ${name}: ${engine.bin} ${args.join(' ')}\n`);
  const r = await exec(engine, args, { env: builder.env, tee: io.stderr, timeoutMs: 30 * 60_000 });
  if (r.code !== 0) throw new UsageError(`building ${dir} failed (${engine.bin} build exit ${r.code}); see the output above`);
  return name;
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 40);

/** A valid Lambda function name (1-64 of [A-Za-z0-9_-]) from the image's repository name. */
export function functionNameFor(ref: string): string {
  if (/^(sha256:)?[0-9a-f]{12,64}$/.test(ref)) return 'verify';
  const repo = ref.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
  const last = repo.split('/').pop() ?? '';
  return last.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || 'verify';
}
