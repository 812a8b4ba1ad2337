/**
 * A one-invocation Lambda Runtime API (version 2018-06-01) on 127.0.0.1, pure node:http.
 *
 * Behaviour follows AWS's "Using the Lambda runtime API for custom runtimes" page
 * (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html: the /next headers, 202 on
 * response/error/init-error, 400/403/413/500 error statuses, the error-type header) and, for the
 * details that page leaves open (error body shape `{errorMessage, errorType}`, `{"status":"OK"}`
 * on 202, 403 for calls out of order, 413 for a response over 6 MiB), the open-source Runtime
 * Interface Emulator (aws/aws-lambda-runtime-interface-emulator, lambda/rapi/rendering).
 * Only behaviour was taken from them; the code and messages are ours.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

import { MAX_PAYLOAD_BYTES, MAX_STREAMED_RESPONSE_BYTES } from './facts';

export { MAX_PAYLOAD_BYTES } from './facts';
/** How much of a streamed body is kept for the report; the rest is counted, not stored. */
export const STREAM_KEEP_BYTES = 1024 * 1024;

const PREFIX = '/2018-06-01/runtime';

export interface EmulatorOptions {
  /** The event JSON handed to the first /next. */
  event: string;
  /** Function timeout: the deadline header is hand-out time + this, and it is enforced. */
  timeoutMs: number;
  functionArn: string;
  clientContext?: string;
  cognitoIdentity?: string;
  /**
   * Epoch ms at which the invocation started, when that was before the event is handed out: a
   * re-run init counts against the function timeout, so the deadline is start + timeout.
   */
  invokeStartedAt?: number;
}

export interface FunctionErrorBody {
  errorType: string;
  errorMessage: string;
  stackTrace?: string[];
}

export type Outcome =
  | { kind: 'response'; requestId: string; body: string; contentType?: string; streamed?: { bytes: number; kept: number } }
  | ({ kind: 'function-error'; requestId: string; headerErrorType?: string; streamed?: { bytes: number } } & FunctionErrorBody)
  | ({ kind: 'init-error'; headerErrorType?: string } & FunctionErrorBody)
  | { kind: 'timeout'; requestId: string; errorType: 'Sandbox.Timedout'; errorMessage: string };

/** Monotonic milestones (performance.now() ms), for the init and invoke durations. */
export interface Milestones {
  firstPoll?: number;
  eventSent?: number;
  answered?: number;
}

export class RuntimeApiEmulator {
  readonly milestones: Milestones = {};
  /** Settles once with the invocation's fate; never rejects. */
  readonly outcome: Promise<Outcome>;
  /** Resolves at the first /next poll (the end of init). */
  readonly firstPoll: Promise<void>;

  private readonly server: Server;
  private readonly extra: Server[] = [];
  private readonly handler: (req: IncomingMessage, res: ServerResponse, arrivedAt?: number) => void;
  /** Who may call through the extra (bridge gateway) listeners; settles once the container is known. */
  private readonly peers: Promise<Set<string> | undefined>;
  private settlePeers!: (peers: Set<string> | undefined) => void;
  private readonly opts: EmulatorOptions;
  private settle!: (o: Outcome) => void;
  private markFirstPoll!: () => void;
  private settled: Outcome | undefined;
  private requestId: string | undefined;
  private deadlineTimer: NodeJS.Timeout | undefined;
  private readonly parked: ServerResponse[] = [];

  constructor(opts: EmulatorOptions) {
    this.opts = opts;
    this.outcome = new Promise((resolve) => (this.settle = resolve));
    this.firstPoll = new Promise((resolve) => (this.markFirstPoll = resolve));
    this.peers = new Promise((resolve) => (this.settlePeers = resolve));
    this.handler = (req, res, arrivedAt = performance.now()) => {
      this.route(req, res, arrivedAt).catch((err: unknown) => {
        // 500 is the API's "container error": the runtime should exit.
        if (!res.headersSent) send(res, 500, errorBody('ServerError', String(err)));
      });
    };
    this.server = createServer(this.handler);
  }

  /**
   * Listens on a random free port of 127.0.0.1, and on the same port of each extra local address
   * (the engine's bridge gateway), and returns the port. An extra address that cannot be bound is
   * skipped: it is not this machine's (Docker Desktop, podman machine). Returns `127.0.0.1:port`.
   */
  async listen(extraHosts: string[] = [], attempt = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    for (const host of extraHosts) {
      // Other containers on the bridge reach this address too: only the function's may call.
      const extra = createServer((req, res) => {
        const arrivedAt = performance.now();
        void this.peers.then((allowed) => {
          const from = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
          if (allowed && !allowed.has(from)) {
            req.resume();
            send(res, 403, errorBody('Forbidden', 'this Runtime API serves only the function container'));
            return;
          }
          this.handler(req, res, arrivedAt);
        });
      });
      const bound = await new Promise<true | string>((resolve) => {
        extra.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
        extra.listen(port, host, () => resolve(true));
      });
      if (bound === true) this.extra.push(extra);
      else if (bound === 'EADDRINUSE' && attempt < 5) {
        // The port is free on loopback but taken on the bridge: start over on another one.
        for (const srv of [this.server, ...this.extra]) await new Promise<void>((r) => srv.close(() => r()));
        this.extra.length = 0;
        return this.listen(extraHosts, attempt + 1);
      }
    }
    return `127.0.0.1:${port}`;
  }

  /**
   * The function container's addresses: from then on the bridge listeners answer only them.
   * Undefined (the engine did not say) leaves them open to the bridge.
   */
  allowPeers(addresses: string[] | undefined): void {
    this.settlePeers(addresses?.length ? new Set(addresses) : undefined);
  }

  /** Drops parked polls and every connection, then stops listening. */
  async close(): Promise<void> {
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    for (const res of this.parked) res.destroy();
    this.parked.length = 0;
    for (const srv of [this.server, ...this.extra]) {
      srv.closeAllConnections();
      await new Promise<void>((resolve) => srv.close(() => resolve()));
    }
  }

  private finish(o: Outcome): void {
    if (this.settled) return;
    this.settled = o;
    this.milestones.answered = performance.now();
    if (this.deadlineTimer) clearTimeout(this.deadlineTimer);
    this.settle(o);
  }

  private async route(req: IncomingMessage, res: ServerResponse, arrivedAt: number): Promise<void> {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (req.method === 'GET' && path === `${PREFIX}/invocation/next`) return this.next(res, arrivedAt);
    if (req.method === 'POST' && path === `${PREFIX}/init/error`) return this.initError(req, res);
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(path);
    if (req.method === 'POST' && m) return this.answer(req, res, decodeURIComponent(m[1]!), m[2] as 'response' | 'error');
    req.resume();
    send(res, 404, errorBody('NotFound', `no Runtime API route for ${req.method} ${path}`));
  }

  private next(res: ServerResponse, arrivedAt = performance.now()): void {
    if (this.milestones.firstPoll === undefined) {
      this.milestones.firstPoll = arrivedAt;
      this.markFirstPoll();
    }
    // One event per sandbox: once handed out (or after an init error), later polls wait for
    // ever, which is what Lambda does while the sandbox is frozen between invokes.
    if (this.requestId !== undefined || this.settled) {
      this.parked.push(res);
      return;
    }
    const id = randomUUID();
    this.requestId = id;
    // The deadline and the invocation's duration both count from the hand-out, before the write:
    // a slow write on a loaded host is the function's time, as the deadline header says.
    this.milestones.eventSent = performance.now();
    const deadline = (this.opts.invokeStartedAt ?? Date.now()) + this.opts.timeoutMs;
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(this.opts.event),
      'Lambda-Runtime-Aws-Request-Id': id,
      'Lambda-Runtime-Deadline-Ms': String(deadline),
      'Lambda-Runtime-Invoked-Function-Arn': this.opts.functionArn,
      'Lambda-Runtime-Trace-Id': traceId(),
    };
    // Only sent when the invoke carried them (mobile SDK invokes).
    if (this.opts.clientContext) headers['Lambda-Runtime-Client-Context'] = this.opts.clientContext;
    if (this.opts.cognitoIdentity) headers['Lambda-Runtime-Cognito-Identity'] = this.opts.cognitoIdentity;
    res.writeHead(200, headers);
    res.end(this.opts.event);
    this.deadlineTimer = setTimeout(() => {
      const secs = (this.opts.timeoutMs / 1000).toFixed(2);
      this.finish({ kind: 'timeout', requestId: id, errorType: 'Sandbox.Timedout', errorMessage: `Task timed out after ${secs} seconds` });
    }, Math.max(0, deadline - Date.now()));
    this.deadlineTimer.unref();
  }

  private async answer(req: IncomingMessage, res: ServerResponse, id: string, what: 'response' | 'error'): Promise<void> {
    if (what === 'response' && header(req, 'lambda-runtime-function-response-mode')?.toLowerCase() === 'streaming') {
      return this.streamed(req, res, id);
    }
    const body = await readBody(req);
    if (id !== this.requestId) {
      send(res, 400, errorBody('InvalidRequestID', `unknown request id ${JSON.stringify(id)}`));
      return;
    }
    if (this.settled) {
      // Already answered, or past the deadline: the answer is ignored.
      const why = this.settled.kind === 'timeout' ? 'timed out' : 'already has an answer';
      send(res, 403, errorBody('InvalidStateTransition', `invocation ${id} ${why}; this ${what} is ignored`));
      return;
    }
    if (body.tooLarge) {
      // Lambda turns an oversized response into a function error for the caller.
      this.finish({
        kind: 'function-error',
        requestId: id,
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `${what} payload of ${body.size} bytes exceeds the ${MAX_PAYLOAD_BYTES}-byte limit`,
      });
      send(res, 413, errorBody('RequestEntityTooLarge', `payload larger than ${MAX_PAYLOAD_BYTES} bytes`));
      return;
    }
    const text = body.data.toString('utf8');
    if (what === 'response') {
      const contentType = req.headers['content-type'];
      this.finish({ kind: 'response', requestId: id, body: text, ...(contentType ? { contentType } : {}) });
    } else {
      const headerErrorType = header(req, 'lambda-runtime-function-error-type');
      this.finish({ kind: 'function-error', requestId: id, ...parseErrorBody(text, headerErrorType), ...(headerErrorType ? { headerErrorType } : {}) });
    }
    send(res, 202, { status: 'OK' });
  }

  /**
   * A streamed response (runtimes-api, "Response streaming"): chunked body up to Lambda's streamed
   * limit, and an error reported mid-stream in the Lambda-Runtime-Function-Error-Type and
   * -Error-Body (base64 JSON) trailers. Bandwidth shaping past the first 6 MB is not emulated.
   */
  private async streamed(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const kept: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (size < STREAM_KEEP_BYTES) kept.push(chunk.subarray(0, STREAM_KEEP_BYTES - size));
      size += chunk.length;
    }
    if (id !== this.requestId || this.settled) {
      send(res, id !== this.requestId ? 400 : 403, errorBody(id !== this.requestId ? 'InvalidRequestID' : 'InvalidStateTransition', `response for ${id} ignored`));
      return;
    }
    const trailerType = req.trailers['lambda-runtime-function-error-type'];
    if (trailerType) {
      let text = '';
      try {
        text = Buffer.from(req.trailers['lambda-runtime-function-error-body'] ?? '', 'base64').toString('utf8');
      } catch {
        text = '';
      }
      this.finish({ kind: 'function-error', requestId: id, ...parseErrorBody(text, trailerType), headerErrorType: trailerType, streamed: { bytes: size } });
    } else if (size > MAX_STREAMED_RESPONSE_BYTES) {
      this.finish({
        kind: 'function-error',
        requestId: id,
        errorType: 'Function.ResponseSizeTooLarge',
        errorMessage: `streamed response of ${size} bytes exceeds the ${MAX_STREAMED_RESPONSE_BYTES}-byte limit for streamed responses`,
        streamed: { bytes: size },
      });
    } else {
      const body = Buffer.concat(kept);
      const contentType = req.headers['content-type'];
      this.finish({ kind: 'response', requestId: id, body: body.toString('utf8'), ...(contentType ? { contentType } : {}), streamed: { bytes: size, kept: body.length } });
    }
    send(res, 202, { status: 'OK' });
  }

  private async initError(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    // Init errors are only valid before the runtime asked for an event, and only once.
    if (this.requestId !== undefined || this.settled) {
      send(res, 403, errorBody('InvalidStateTransition', 'init error reported after init ended'));
      return;
    }
    const headerErrorType = header(req, 'lambda-runtime-function-error-type');
    const text = body.tooLarge ? '' : body.data.toString('utf8');
    this.finish({ kind: 'init-error', ...parseErrorBody(text, headerErrorType), ...(headerErrorType ? { headerErrorType } : {}) });
    send(res, 202, { status: 'OK' });
  }
}

/** The body's errorType wins (it is what the caller sees); the header is the fallback. */
export function parseErrorBody(text: string, headerErrorType: string | undefined): FunctionErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const obj = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  const errorType = typeof obj.errorType === 'string' && obj.errorType ? obj.errorType : headerErrorType || 'Unhandled';
  const errorMessage = typeof obj.errorMessage === 'string' ? obj.errorMessage : parsed === undefined ? text : '';
  const out: FunctionErrorBody = { errorType, errorMessage };
  if (Array.isArray(obj.stackTrace)) out.stackTrace = obj.stackTrace.map(String);
  return out;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function errorBody(errorType: string, errorMessage: string): object {
  return { errorMessage, errorType };
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads at most MAX_PAYLOAD_BYTES, draining (not storing) the rest so the 413 can be sent. */
async function readBody(req: IncomingMessage): Promise<{ data: Buffer; size: number; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
  }
  return { data: Buffer.concat(chunks), size, tooLarge: size > MAX_PAYLOAD_BYTES };
}

/** An X-Ray-shaped header: Root=1-<epoch seconds hex>-<96-bit id>;Parent=<64-bit id>;Sampled=0. */
function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
