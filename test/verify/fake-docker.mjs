#!/usr/bin/env node
// A stand-in `docker` CLI for unit tests of verify's orchestration without an engine.
// Images are named fake:<behaviour>; `run -d` starts this script again as the "runtime", a
// detached node process that talks to the emulator like a container would. State (pids, logs,
// exit codes) lives in $FAKE_DOCKER_STATE. Tests only: no relation to real Docker internals.
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const state = process.env.FAKE_DOCKER_STATE ?? '/tmp';
const file = (name, ext) => join(state, `${name}.${ext}`);
const [cmd, ...args] = process.argv.slice(2);
const hex = (s) => Buffer.from(s).toString('hex');
const unhex = (s) => Buffer.from(s.replace(/^sha256:/, ''), 'hex').toString();
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function runtime(behaviour) {
  const base = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
  const next = () => fetch(`${base}/invocation/next`);
  if (behaviour === 'crash') {
    console.error('fatal: cannot load handler');
    process.exit(3);
  }
  if (behaviour === 'oom') process.exit(137);
  if (behaviour === 'slow-init') return setInterval(() => {}, 1000);
  if (behaviour === 'slow-init-once') {
    // Slow on the first start only (a counter in the state folder), like an init that just
    // misses the init limit and then fits within the function timeout.
    const marker = join(state, 'slow-init-once.started');
    if (!existsSync(marker)) {
      writeFileSync(marker, '');
      return setInterval(() => {}, 1000);
    }
  }
  const res = await next();
  const id = res.headers.get('lambda-runtime-aws-request-id');
  const event = await res.text();
  if (behaviour === 'exit-during-invoke') {
    console.log('giving up');
    process.exit(0);
  }
  if (behaviour === 'stream' || behaviour === 'stream-error') {
    const { request } = await import('node:http');
    const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
    await new Promise((resolve) => {
      const req = request({ host, port, method: 'POST', path: `/2018-06-01/runtime/invocation/${id}/response`, headers: { 'Lambda-Runtime-Function-Response-Mode': 'streaming', 'Transfer-Encoding': 'chunked', Trailer: 'Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body' } }, (res) => res.resume().on('end', resolve));
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 7; i++) req.write(chunk);
      if (behaviour === 'stream-error') {
        req.addTrailers({ 'Lambda-Runtime-Function-Error-Type': 'Stream.Broken', 'Lambda-Runtime-Function-Error-Body': Buffer.from(JSON.stringify({ errorType: 'Stream.Broken', errorMessage: 'gave up mid-stream' })).toString('base64') });
      }
      req.end();
    });
    await next();
    return;
  }
  if (behaviour === 'tmp-hog') behaviour = 'ok';
  if (behaviour === 'env' || behaviour === 'escape') {
    const body = behaviour === 'env' ? JSON.stringify(process.env) : 'ok\n\u001b[2J\rREPORT RequestId: forged';
    await fetch(`${base}/invocation/${id}/response`, { method: 'POST', body });
    await next();
    return;
  }
  const env = { region: process.env.AWS_REGION, fn: process.env.AWS_LAMBDA_FUNCTION_NAME, memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE };
  await fetch(`${base}/invocation/${id}/response`, { method: 'POST', body: JSON.stringify({ event: JSON.parse(event), env }) });
  await next(); // parked
}

switch (cmd) {
  case 'version':
    console.log('99.0.0-fake');
    break;
  case 'image': {
    const ref = args[1];
    if (!ref.startsWith('fake:')) {
      console.error(`Error: No such image: ${ref}`);
      process.exit(1);
    }
    const entrypoint = ref === 'fake:symlink' ? '/var/runtime/link' : '/var/runtime/bootstrap';
    const config = ref === 'fake:cmd-only' ? { Cmd: [entrypoint] } : { Entrypoint: [entrypoint], Cmd: ['app.handler'] };
    console.log(JSON.stringify([{ Id: `sha256:${hex(ref)}`, Os: 'linux', Architecture: 'amd64', Config: config }]));
    break;
  }
  case 'create':
    console.log(hex(args[1]));
    break;
  case 'cp': {
    // A one-entry tar: the entrypoint as a file (mode 755), or as a symlink for /var/runtime/link.
    const h = Buffer.alloc(512);
    const [container] = args[0].split(':');
    if (args[0].endsWith(':/tmp') && existsSync(file(container, 'args')) && unhex(JSON.parse(readFileSync(file(container, 'args'), 'utf8')).at(-1)) === 'fake:tmp-hog') {
      // /tmp of a running "tmp-hog": one 600 MiB file (header only; the size is what counts).
      h.write('tmp/big', 0);
      h.write('0000644\0', 100);
      h.write(`${(600 * 1024 * 1024).toString(8).padStart(11, '0')}\0`, 124);
      h.write('0', 156);
      process.stdout.write(h);
      break;
    }
    const link = args[0].endsWith('/link');
    const tmp = args[0].endsWith(':/tmp');
    h.write(tmp ? 'tmp' : 'bootstrap', 0);
    h.write(tmp ? '0001777\0' : '0000755\0', 100);
    h.write('00000000000\0', 124);
    h.write(link ? '2' : tmp ? '5' : '0', 156);
    if (link) h.write('bootstrap', 157);
    process.stdout.write(Buffer.concat([h, Buffer.alloc(1024)]));
    break;
  }
  case 'run': {
    const name = args[args.indexOf('--name') + 1];
    const env = { PATH: process.env.PATH };
    for (let i = 0; i < args.length; i++) if (args[i] === '-e') {
      const [k, ...v] = args[++i].split('=');
      env[k] = v.join('=');
    }
    // The runtime is a host process here: the host alias is this machine's loopback.
    env.AWS_LAMBDA_RUNTIME_API = env.AWS_LAMBDA_RUNTIME_API.replace(/^[^:]+:/, '127.0.0.1:');
    const behaviour = unhex(args[args.length - 1]).slice('fake:'.length);
    const log = openSync(file(name, 'log'), 'a');
    writeFileSync(file(name, 'started'), new Date().toISOString().replace('Z', '123456Z'));
    writeFileSync(file(name, 'args'), JSON.stringify(args));
    const child = spawn(process.execPath, [process.argv[1], '__runtime', behaviour, name], { env: { ...env, FAKE_DOCKER_STATE: state }, detached: true, stdio: ['ignore', log, log] });
    writeFileSync(file(name, 'pid'), String(child.pid));
    child.unref();
    console.log(hex(name));
    break;
  }
  case '__runtime': {
    const [behaviour, name] = args;
    process.on('exit', (code) => writeFileSync(file(name, 'exit'), String(code)));
    await runtime(behaviour);
    break;
  }
  case 'wait': {
    const pid = Number(readFileSync(file(args[0], 'pid'), 'utf8'));
    // The exit file, not the pid: an exited detached child may linger as a zombie.
    const done = () => existsSync(file(args[0], 'exit')) || existsSync(file(args[0], 'removed')) || !alive(pid);
    while (!done()) await new Promise((r) => setTimeout(r, 25));
    console.log(existsSync(file(args[0], 'exit')) ? readFileSync(file(args[0], 'exit'), 'utf8') : '137');
    break;
  }
  case 'logs':
    process.stdout.write(existsSync(file(args.at(-1), 'log')) ? readFileSync(file(args.at(-1), 'log')) : '');
    break;
  case 'info':
    console.log('2');
    break;
  case 'network':
    console.log('{}');
    break;
  case 'stats':
    console.log('12.5MiB / 128MiB');
    break;
  case 'inspect': {
    if (args[0] === '--type') {
      const run = JSON.parse(readFileSync(file(args[2], 'args'), 'utf8'));
      const value = (flag) => run[run.indexOf(flag) + 1];
      const cpus = Number(value('--cpus'));
      console.log(JSON.stringify([{ Config: { User: value('--user') }, HostConfig: { ReadonlyRootfs: run.includes('--read-only'), Memory: parseInt(value('--memory'), 10) * 1024 * 1024, NanoCpus: cpus * 1e9, NetworkMode: 'default' }, Mounts: run.includes('--mount') ? [{ Type: 'volume', Destination: '/tmp' }] : [] }]));
      break;
    }
    const [, format, name] = args;
    if (format.includes('StartedAt')) console.log(readFileSync(file(name, 'started'), 'utf8'));
    else if (format.includes('OOMKilled')) console.log(existsSync(file(name, 'exit')) && readFileSync(file(name, 'exit'), 'utf8') === '137' ? 'true' : 'false');
    break;
  }
  case 'rm': {
    const name = args.at(-1);
    if (existsSync(file(name, 'pid'))) {
      try {
        process.kill(Number(readFileSync(file(name, 'pid'), 'utf8')), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    writeFileSync(file(name, 'removed'), '');
    break;
  }
  default:
    console.error(`fake-docker: unsupported ${cmd}`);
    process.exit(125);
}
