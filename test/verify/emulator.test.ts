/**
 * The emulator against the Runtime API's documented behaviour, with plain fetch (no Docker).
 * Reference: docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, parseErrorBody, RuntimeApiEmulator, type EmulatorOptions } from '../../src/verify/emulator';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fn';
let emu: RuntimeApiEmulator | undefined;
let base = '';

async function start(opts: Partial<EmulatorOptions> = {}): Promise<RuntimeApiEmulator> {
  emu = new RuntimeApiEmulator({ event: '{"hello":"world"}', timeoutMs: 3000, functionArn: ARN, ...opts });
  const api = await emu.listen();
  base = `http://${api}/2018-06-01/runtime`;
  return emu;
}

afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const next = () => fetch(`${base}/invocation/next`);
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
/** Resolves to 'pending' if the promise has not settled within ms. */
const within = <T>(p: Promise<T>, ms: number): Promise<T | 'pending'> =>
  Promise.race([p, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);

describe('GET /runtime/invocation/next', () => {
  it('listens on 127.0.0.1 on a free port', async () => {
    const e = new RuntimeApiEmulator({ event: '{}', timeoutMs: 1000, functionArn: ARN });
    const api = await e.listen();
    await e.close();
    expect(api).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('hands out the event with the documented headers and values', async () => {
    await start({ timeoutMs: 3000 });
    const before = Date.now();
    const res = await next();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"hello":"world"}');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('lambda-runtime-aws-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const deadline = Number(res.headers.get('lambda-runtime-deadline-ms'));
    expect(deadline).toBeGreaterThanOrEqual(before + 3000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 3000);
    expect(res.headers.get('lambda-runtime-invoked-function-arn')).toBe(ARN);
    expect(res.headers.get('lambda-runtime-trace-id')).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/);
    // Only sent for invokes that carry them.
    expect(res.headers.has('lambda-runtime-client-context')).toBe(false);
    expect(res.headers.has('lambda-runtime-cognito-identity')).toBe(false);
  });

  it('sends Client-Context and Cognito-Identity only when set', async () => {
    await start({ clientContext: '{"client":{}}', cognitoIdentity: '{"cognitoIdentityId":"x"}' });
    const res = await next();
    expect(res.headers.get('lambda-runtime-client-context')).toBe('{"client":{}}');
    expect(res.headers.get('lambda-runtime-cognito-identity')).toBe('{"cognitoIdentityId":"x"}');
  });

  it('parks later polls: never answered, dropped at shutdown', async () => {
    const e = await start();
    await (await next()).text();
    const second = next();
    expect(await within(second, 300)).toBe('pending');
    await e.close();
    emu = undefined;
    await expect(second).rejects.toThrow();
  });

  it('records init (first poll) and settles firstPoll', async () => {
    const e = await start();
    expect(e.milestones.firstPoll).toBeUndefined();
    await (await next()).text();
    await e.firstPoll;
    expect(e.milestones.firstPoll).toBeTypeOf('number');
    expect(e.milestones.eventSent).toBeGreaterThanOrEqual(e.milestones.firstPoll!);
  });
});

describe('POST /runtime/invocation/{id}/response', () => {
  it('answers 202 {"status":"OK"} and settles the outcome with the body', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    const res = await post(`/invocation/${id}/response`, '{"ok":true}');
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'OK' });
    expect(await e.outcome).toEqual({ kind: 'response', requestId: id, body: '{"ok":true}', contentType: 'application/json' });
    expect(e.milestones.answered).toBeGreaterThanOrEqual(e.milestones.eventSent!);
  });

  it('rejects an unknown request id with 400 and an error body, leaving the invocation open', async () => {
    const e = await start();
    await (await next()).text();
    const res = await post('/invocation/not-a-real-id/response', '{}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorType: 'InvalidRequestID', errorMessage: expect.stringContaining('not-a-real-id') });
    expect(await within(e.outcome, 50)).toBe('pending');
  });

  it('rejects an id before any event was handed out with 400', async () => {
    await start();
    const res = await post('/invocation/early/response', '{}');
    expect(res.status).toBe(400);
  });

  it('forbids a second answer (403) and keeps the first', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    await post(`/invocation/${id}/response`, '"first"');
    const again = await post(`/invocation/${id}/response`, '"second"');
    expect(again.status).toBe(403);
    expect(await again.json()).toMatchObject({ errorType: 'InvalidStateTransition' });
    expect(await e.outcome).toMatchObject({ kind: 'response', body: '"first"' });
  });

  it('refuses a response over 6 MiB with 413 and turns it into Function.ResponseSizeTooLarge', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    const res = await post(`/invocation/${id}/response`, 'x'.repeat(MAX_PAYLOAD_BYTES + 1));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ errorType: 'RequestEntityTooLarge' });
    expect(await e.outcome).toMatchObject({ kind: 'function-error', errorType: 'Function.ResponseSizeTooLarge' });
  });

  it('accepts exactly 6 MiB', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    const res = await post(`/invocation/${id}/response`, 'x'.repeat(MAX_PAYLOAD_BYTES));
    expect(res.status).toBe(202);
    expect(((await e.outcome) as { body: string }).body).toHaveLength(MAX_PAYLOAD_BYTES);
  });
});

describe('deadline', () => {
  it('times out at the deadline with Sandbox.Timedout and ignores a late response (403)', async () => {
    const e = await start({ timeoutMs: 150 });
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    const outcome = await e.outcome;
    expect(outcome).toEqual({ kind: 'timeout', requestId: id, errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 0.15 seconds' });
    expect(e.milestones.answered! - e.milestones.eventSent!).toBeGreaterThanOrEqual(140);
    const late = await post(`/invocation/${id}/response`, '"late"');
    expect(late.status).toBe(403);
    expect(await e.outcome).toBe(outcome);
  });

  it('does not start the clock before the event is handed out', async () => {
    const e = await start({ timeoutMs: 50 });
    expect(await within(e.outcome, 150)).toBe('pending');
  });
});

describe('POST /runtime/invocation/{id}/error', () => {
  it('answers 202 and reports the body errorType, message and stack, plus the header', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    const res = await post(
      `/invocation/${id}/error`,
      JSON.stringify({ errorMessage: 'boom', errorType: 'TypeError', stackTrace: ['at a', 'at b'] }),
      { 'Lambda-Runtime-Function-Error-Type': 'Unhandled' },
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'OK' });
    expect(await e.outcome).toEqual({
      kind: 'function-error', requestId: id, errorType: 'TypeError', errorMessage: 'boom',
      stackTrace: ['at a', 'at b'], headerErrorType: 'Unhandled',
    });
  });

  it('falls back to the header, then to Unhandled, for the error type', () => {
    expect(parseErrorBody('not json', 'Runtime.Crash')).toEqual({ errorType: 'Runtime.Crash', errorMessage: 'not json' });
    expect(parseErrorBody('{"errorMessage":"m"}', undefined)).toEqual({ errorType: 'Unhandled', errorMessage: 'm' });
    expect(parseErrorBody('', undefined)).toEqual({ errorType: 'Unhandled', errorMessage: '' });
  });

  it('rejects an unknown id with 400', async () => {
    await start();
    await (await next()).text();
    const res = await post('/invocation/nope/error', '{}');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errorType: 'InvalidRequestID' });
  });
});

describe('POST /runtime/init/error', () => {
  it('answers 202 and settles an init error; later polls are parked', async () => {
    const e = await start();
    const res = await post('/init/error', JSON.stringify({ errorMessage: 'no handler', errorType: 'Runtime.HandlerNotFound' }), {
      'Lambda-Runtime-Function-Error-Type': 'Runtime.HandlerNotFound',
    });
    expect(res.status).toBe(202);
    expect(await e.outcome).toEqual({ kind: 'init-error', errorType: 'Runtime.HandlerNotFound', errorMessage: 'no handler', headerErrorType: 'Runtime.HandlerNotFound' });
    expect(await within(next(), 200)).toBe('pending');
  });

  it('is forbidden (403) once init is over', async () => {
    await start();
    await (await next()).text();
    const res = await post('/init/error', '{"errorType":"X","errorMessage":"late"}');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ errorType: 'InvalidStateTransition' });
  });
});

describe('routing', () => {
  it.each([
    ['GET', '/2018-06-01/runtime/invocation/abc/response'],
    ['POST', '/2018-06-01/runtime/invocation/next'],
    ['PUT', '/2018-06-01/runtime/init/error'],
    ['GET', '/2018-06-01/runtime/unknown'],
    ['GET', '/2020-01-01/runtime/invocation/next'],
    ['GET', '/'],
  ])('answers 404 with an error body for %s %s', async (method, path) => {
    await start();
    const res = await fetch(`${base.replace('/2018-06-01/runtime', '')}${path}`, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ errorType: 'NotFound' });
  });
});

describe('bridge listeners', () => {
  /** GET /next on HOST:PORT from the source address FROM; resolves to the status code. */
  const pollFrom = (host: string, port: number, from: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host, port, localAddress: from, path: '/2018-06-01/runtime/invocation/next' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it.skipIf(process.platform !== 'linux')('answer only the function container once it is known, and skip an address that is not local', async () => {
    const e = new RuntimeApiEmulator({ event: '{}', timeoutMs: 1000, functionArn: ARN });
    emu = e;
    // 127.0.0.2 stands in for the bridge gateway; 192.0.2.1 (TEST-NET) is not this machine's.
    const port = Number((await e.listen(['127.0.0.2', '192.0.2.1'])).split(':')[1]);
    const stranger = pollFrom('127.0.0.2', port, '127.0.0.3');
    e.allowPeers(['127.0.0.4']);
    expect(await stranger).toBe(403);
    expect(await pollFrom('127.0.0.2', port, '127.0.0.4')).toBe(200);
  });
});

describe('streamed responses (Lambda-Runtime-Function-Response-Mode: streaming)', () => {
  /** POSTs `total` bytes as a chunked, streamed response, with optional trailers. */
  const stream = (id: string, total: number, trailers?: Record<string, string>): Promise<number> =>
    new Promise((resolve, reject) => {
      const url = new URL(`${base}/invocation/${id}/response`);
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Lambda-Runtime-Function-Response-Mode': 'streaming', 'Transfer-Encoding': 'chunked', ...(trailers ? { Trailer: Object.keys(trailers).join(', ') } : {}) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(4 * 1024 * 1024, 'x');
      let sent = 0;
      const pump = (): void => {
        while (sent < total) {
          const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
          sent += part.length;
          if (!req.write(part)) return void req.once('drain', pump);
        }
        if (trailers) req.addTrailers(trailers);
        req.end();
      };
      pump();
    });

  it('refuses a streamed response past 200 MiB as Function.ResponseSizeTooLarge, to the byte', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    expect(await stream(id, 200 * 1024 * 1024 + 1)).toBe(202);
    expect(await e.outcome).toMatchObject({ kind: 'function-error', errorType: 'Function.ResponseSizeTooLarge', streamed: { bytes: 200 * 1024 * 1024 + 1 } });
  }, 120_000);

  it('keeps the first MiB of a large streamed body and counts the rest', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    expect(await stream(id, 7 * 1024 * 1024)).toBe(202);
    const o = await e.outcome;
    expect(o).toMatchObject({ kind: 'response', streamed: { bytes: 7 * 1024 * 1024, kept: 1024 * 1024 } });
  });

  it('turns the error trailers into a function error (base64 JSON body)', async () => {
    const e = await start();
    const id = (await next()).headers.get('lambda-runtime-aws-request-id')!;
    const body = Buffer.from(JSON.stringify({ errorType: 'Boom', errorMessage: 'mid-stream' })).toString('base64');
    expect(await stream(id, 10, { 'Lambda-Runtime-Function-Error-Type': 'Boom', 'Lambda-Runtime-Function-Error-Body': body })).toBe(202);
    expect(await e.outcome).toMatchObject({ kind: 'function-error', errorType: 'Boom', errorMessage: 'mid-stream' });
  });
});
