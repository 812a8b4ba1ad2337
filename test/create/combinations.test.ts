import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RIE, RICS, ricSupports } from '../../src/catalog/rics';
import { catalogJson } from '../../src/commands/list';
import { generate } from '../../src/commands/generate';
import { renderTemplate } from '../../src/render';
import { resolveOptions } from '../../src/options/resolve';
import { GO_VERSION, nativeSampleFiles } from '../../src/render/samples-native';
import { deployedStage, finalStage, installs, parseStages, shellSyntaxOk } from '../support/dockerfile';
import { run, tempDir, TODAY } from '../support/run';


const gen = (raw: Record<string, unknown>, files: string[] = []) =>
  generate(resolveOptions({ base: 'image', ...raw }, TODAY), { files: new Set(files) }, 'fn');

const script = (g: ReturnType<typeof gen>, path = 'lambda-entrypoint.sh') => g.files.find((f) => f.path === path)!.content;

describe('inconsistent combinations: exit 2, a reason, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['--os with --base aws', ['--base', 'aws', '--os', 'al2023', '--runtime', 'python3.13'], /--os applies only to --base os-only \(the base is aws\)/],
    ['an alpine family with an AL2023 image', ['--base', 'image', '--image', 'amazonlinux:2023', '--family', 'alpine', '--runtime', 'python3.12'], /--family alpine contradicts --image amazonlinux:2023, which is Amazon Linux 2023/],
    ['a Debian family with an Alpine language image', ['--base', 'image', '--image', 'python:3.13-alpine3.23', '--family', 'debian', '--runtime', 'python3.13'], /contradicts --image python:3\.13-alpine3\.23, which is Alpine/],
    ['a language version outside the client\'s range (image)', ['--base', 'image', '--runtime', 'nodejs20', '--allow-deprecated'], /nodejs20: no catalogued runtime interface client supports Node\.js 20 \(aws-lambda-ric 4\.0\.2 needs Node\.js 22 or newer\)/],
    ['a language version outside the client\'s range (OS-only)', ['--base', 'os-only', '--runtime', 'nodejs20', '--allow-deprecated'], /aws-lambda-ric 4\.0\.2 needs Node\.js 22 or newer/],
    ['a Python version no official image builds for Ubuntu 22.04', ['--base', 'image', '--image', 'ubuntu:22.04', '--runtime', 'python3.13'], /ubuntu:22\.04 \(Ubuntu 22\.04 \(jammy\)\) cannot provide python3\.13: its repositories have Python 3\.10, and the official python images are built on Debian 12 \(glibc 2\.36\).*newer than Ubuntu 22\.04 \(jammy\)'s glibc 2\.35.*; use --image python:3\.13-slim-bookworm/],
    ['Ruby on an organisation image of Ubuntu 22.04', ['--base', 'image', '--image', 'registry.example.com/team/base:1.0', '--family', 'ubuntu:22.04', '--runtime', 'ruby3.4'], /cannot provide ruby3\.4: its repositories have Ruby 3\.0, and the official ruby images .* glibc 2\.35.*; use --image ruby:3\.4-slim-bookworm/],
    ['a release --family names that the tag contradicts', ['--base', 'image', '--image', 'python:3.13-slim-bookworm', '--family', 'debian:13', '--runtime', 'python3.13'], /--family debian:13 contradicts --image python:3\.13-slim-bookworm, whose tag says Debian 12 \(bookworm\)/],
    ['a release --family does not know', ['--base', 'image', '--image', 'registry.example.com/team/base:1.0', '--family', 'debian:11', '--runtime', 'go'], /--family: debian:11: the catalog knows debian releases 12, 13 only; did you mean debian:12\?/],
    ['Ruby on an Alpine release no ruby image is built for', ['--base', 'image', '--image', 'alpine:3.24', '--runtime', 'ruby3.4'], /Alpine 3\.24\) cannot provide ruby3\.4: .*Alpine variants for 3\.22, 3\.23 only.*; use --image ruby:3\.4-alpine3\.23/],
    ['an uncatalogued release', ['--base', 'image', '--image', 'debian:bullseye-slim', '--runtime', 'python3.11'], /is Debian bullseye, whose packages the catalog does not know/],
    ['an unknown image without --family', ['--base', 'image', '--image', 'registry.example.com/team/base:1.4', '--runtime', 'python3.12'], /cannot tell the OS family of --image registry\.example\.com\/team\/base:1\.4; pass --family with one of: debian, debian:12, debian:13, ubuntu, ubuntu:22\.04/],
    ['an unknown image whose tag only suggests a family', ['--base', 'image', '--image', 'registry.example.com/team/base:1.4-slim', '--runtime', 'go'], /is not an image the catalog knows; its tag suggests Debian, so pass --family debian/],
    ['a language image of another version', ['--base', 'image', '--image', 'node:22-bookworm-slim', '--runtime', 'nodejs24'], /provides Node\.js 22, not 24; use --image node:24-bookworm-slim instead.*--runtime nodejs22/],
    ['an image without a tag', ['--base', 'image', '--image', 'debian', '--runtime', 'go'], /--image debian has no tag/],
    ['the latest tag', ['--base', 'image', '--image', 'alpine:latest', '--runtime', 'go'], /uses the latest tag/],
    ['an AWS base image as --image', ['--base', 'image', '--image', 'public.ecr.aws/lambda/python:3.12', '--runtime', 'python3.12'], /is an AWS Lambda base image: use --base aws/],
    ['Ruby 3.3 on provided:al2023', ['--base', 'os-only', '--runtime', 'ruby3.3'], /ruby3\.3 cannot run on provided:al2023: its repositories have Ruby 3\.2 and 3\.4/],
    ['Node.js on provided:al2 (glibc 2.26)', ['--base', 'os-only', '--os', 'al2', '--runtime', 'nodejs22'], /nodejs22 cannot run on provided:al2: its repositories have no Node\.js that runs there/],
    ['.NET on provided:al2', ['--base', 'os-only', '--os', 'al2', '--runtime', 'dotnet10', '--allow-deprecated'], /dotnet10 cannot run on provided:al2: its repositories have no \.NET/],
    ['Python on an AL2 family', ['--base', 'image', '--family', 'al2', '--runtime', 'python3.13'], /no Amazon Linux 2 image is catalogued for python3\.13.*--image python:3\.13-slim-bookworm/],
    ['the emulator on an OS-only base', ['--base', 'os-only', '--runtime', 'go', '--rie'], /--rie applies only to --base image/],
    ['a deprecated language version', ['--base', 'image', '--runtime', 'dotnet8'], /dotnet8 \(Lambda's dotnet8 schedule\) is deprecated .*--allow-deprecated/],
    ['--image with --base os-only', ['--base', 'os-only', '--image', 'alpine:3.23', '--runtime', 'go'], /--image applies only to --base image/],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const cwd = tempDir();
      const result = await run([...argv, '--dir', 'out', '--no-interactive', '--hadolint', 'off'], { cwd });
      expect(result.stderr).toMatch(message);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});

describe('how the language arrives on other bases', () => {
  it('bare Debian installs python3.11 and starts the real /usr/bin/python3.11', () => {
    const g = gen({ image: 'debian:bookworm-slim', runtime: 'python3.11' });
    const [build] = parseStages(g.dockerfile);
    expect(build!.from).toBe('debian:bookworm-slim');
    expect(g.dockerfile).toMatch(/apt-get install -y --no-install-recommends python3\.11 python3-pip/);
    expect(g.dockerfile).toMatch(/python3\.11 -m pip install --target \/deps --no-compile awslambdaric==4\.2\.2/);
    expect(g.dockerfile).toMatch(/python3\.11 -m compileall -q --invalidation-mode unchecked-hash \/code/);
    expect(script(g)).toMatch(/\nexec \/usr\/bin\/python3\.11 -m awslambdaric "\$@"\n$/);
  });

  it('bare Debian installs the Java 17 JRE and starts its real java for the architecture', () => {
    const java = script(gen({ image: 'debian:bookworm-slim', runtime: 'java17', arch: 'arm64' }));
    expect(java).toMatch(/for runtime_bin in \/usr\/lib\/jvm\/java-17-openjdk-\*\/bin\/java; do break; done/);
    expect(java).toMatch(/exec "\$runtime_bin" -XX:\+TieredCompilation -XX:TieredStopAtLevel=1 -XX:\+UseSerialGC -cp '\/var\/runtime\/ric\/\*'/);
    expect(finalStage(gen({ image: 'debian:bookworm-slim', runtime: 'java17' }).dockerfile).instructions.some((i) => /openjdk-17-jre-headless/.test(i.args))).toBe(true);
  });

  it('amazonlinux:2023 installs nodejs22 with dnf and starts /usr/bin/node-22', () => {
    const g = gen({ image: 'amazonlinux:2023', runtime: 'nodejs22' });
    expect(g.dockerfile).toMatch(/dnf install -y nodejs22 nodejs22-npm gcc-c\+\+ make cmake python3 tar xz/);
    expect(script(g)).toMatch(/exec \/usr\/bin\/node-22 \/var\/runtime\/ric\/node_modules\/aws-lambda-ric\/index\.mjs "\$@"/);
  });

  it('amazonlinux:2023 publishes .NET self-contained for the architecture', () => {
    const g = gen({ image: 'amazonlinux:2023', runtime: 'dotnet10', arch: 'arm64' });
    expect(g.dockerfile).toMatch(/dotnet publish --no-restore -c Release -r linux-arm64 --self-contained true -p:PublishReadyToRun=true -o \/asset/);
    expect(g.dockerfile).toMatch(/dotnet restore -r linux-arm64 -p:PublishReadyToRun=true/);
    expect(script(g)).toMatch(/exec \/var\/task\/bootstrap "\$@"/);
  });

  it('the official .NET runtime image starts the real /usr/share/dotnet/dotnet, not the /usr/bin link', () => {
    const g = gen({ runtime: 'dotnet10' });
    expect(script(g)).toMatch(/exec \/usr\/share\/dotnet\/dotnet \/var\/task\/bootstrap\.dll "\$@"/);
    expect(parseStages(g.dockerfile)[0]!.platform).toBe('$BUILDPLATFORM');
    expect(gen({ image: 'mcr.microsoft.com/dotnet/runtime:8.0-alpine3.23', runtime: 'dotnet8', allowDeprecated: true }).plan.dockerfile.final.from).toBe('mcr.microsoft.com/dotnet/runtime:8.0-alpine3.23');
  });

  it('official Node.js images: headers from /usr/local, the RIC build tools only in the build stage, no npx', () => {
    const g = gen({ runtime: 'nodejs24' });
    const [build] = parseStages(g.dockerfile);
    expect(build!.from).toBe('node:24-bookworm');
    expect(g.dockerfile).toMatch(/ENV npm_config_nodedir=\/usr\/local/);
    expect(g.dockerfile).toMatch(/apt-get install -y --no-install-recommends g\+\+ make cmake python3 xz-utils/);
    expect(finalStage(g.dockerfile).instructions.some((i) => i.keyword === 'RUN')).toBe(false);
    expect(g.dockerfile).toMatch(/ENV LAMBDA_TASK_ROOT=\/var\/task/);
    expect(script(g)).toMatch(/exec \/usr\/local\/bin\/node \/var\/runtime\/ric\/node_modules\/aws-lambda-ric\/index\.mjs "\$@"/);
  });

  it('Alpine language images: source-build tools for the Python client, libstdc++ at run time', () => {
    const g = gen({ image: 'python:3.13-alpine3.23', runtime: 'python3.13' });
    const [build, final] = parseStages(g.dockerfile);
    expect(installs(build!)[0]!.packages.join(' ')).toMatch(/^build-base libtool autoconf automake make cmake libcurl/);
    expect(final!.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args)).toEqual(['apk add --no-cache libstdc++']);
    const node = gen({ image: 'node:22-alpine3.23', runtime: 'nodejs22' });
    expect(node.dockerfile).toMatch(/apk add --no-cache build-base cmake python3 xz/);
  });

  it('Python 3.14 gets the source-build tools and a warning, because no client wheel is confirmed', () => {
    const g = gen({ runtime: 'python3.14' });
    expect(g.plan.warnings.join('\n')).toMatch(/awslambdaric 4\.2\.2 on python3\.14: no release note or wheel listing confirms Python 3\.14/);
    expect(parseStages(g.dockerfile)[0]!.instructions.some((i) => /g\+\+ make cmake/.test(i.args))).toBe(true);
    expect(gen({ runtime: 'python3.13' }).plan.warnings.join('\n')).not.toMatch(/3\.14/);
  });

  it('Temurin and Corretto images start their JVM; the RIC jars come from their own Maven stage', () => {
    expect(script(gen({ image: 'eclipse-temurin:21-jre-noble', runtime: 'java21' }))).toMatch(/exec \/opt\/java\/openjdk\/bin\/java /);
    expect(script(gen({ runtime: 'java8', arch: 'arm64' }))).toMatch(/for runtime_bin in \/usr\/lib\/jvm\/java-1\.8\.0-amazon-corretto\.\*\/jre\/bin\/java; do break; done\n[\s\S]*exec "\$runtime_bin" /);
    expect(script(gen({ image: 'amazoncorretto:21-alpine3.23', runtime: 'java21' }))).toMatch(/exec \/usr\/lib\/jvm\/default-jvm\/bin\/java /);
    const stages = parseStages(gen({ runtime: 'java25', buildTool: 'gradle' }).dockerfile);
    expect(stages.map((s) => s.name)).toEqual(['ric', 'build', null]);
    expect(stages[0]!.from).toBe('maven:3.9-amazoncorretto-25-al2023');
    expect(stages[1]!.from).toBe('gradle:9-jdk25-corretto');
  });

  it('Ruby puts the client and the gems in one gem home that the entry script exports', () => {
    const g = gen({ runtime: 'ruby4.0' });
    expect(g.dockerfile).toMatch(/ENV GEM_HOME=\/var\/task\/vendor\/bundle\nWORKDIR \/var\/task\nRUN gem install --no-document aws_lambda_ric -v 3\.1\.3 \\\n && rm -rf \/var\/task\/vendor\/bundle\/cache/);
    expect(script(g)).toMatch(/export GEM_HOME="\/var\/task\/vendor\/bundle"/);
    expect(script(g)).toMatch(/exec \/usr\/local\/bin\/ruby \/var\/task\/vendor\/bundle\/bin\/aws_lambda_ric "\$@"/);
  });

  it('an organisation image with --family is treated as that family, assuming its reference release (with a warning)', () => {
    const g = gen({ image: 'registry.example.com/team/base:1.4', family: 'debian', runtime: 'python3.11' });
    expect(finalStage(g.dockerfile).from).toBe('registry.example.com/team/base:1.4');
    expect(g.plan.warnings.join('\n')).toMatch(/assuming Debian 12 \(bookworm\) packages for python3\.11/);
    expect(gen({ image: 'registry.example.com/team/base:1.4', family: 'alpine', runtime: 'go' }).dockerfile).not.toMatch(/apt-get|dnf|yum/);
  });

  it('a language image used for another language is a plain image of its family', () => {
    const g = gen({ image: 'node:22-bookworm-slim', runtime: 'python3.11' });
    expect(g.dockerfile).toMatch(/apt-get install -y --no-install-recommends python3\.11/);
  });

  it('the registry mirror and digest pins apply to the catalog references', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const g = gen({ runtime: 'python3.13', pin: { 'python:3.13-slim-bookworm': digest } });
    expect(finalStage(g.dockerfile).from).toBe(`python:3.13-slim-bookworm@${digest}`);
    const os = generate(resolveOptions({ base: 'os-only', runtime: 'go', registryMirror: 'mirror.example.com/ecr' }, TODAY), { files: new Set() }, 'fn');
    expect(finalStage(os.dockerfile).from).toBe('mirror.example.com/ecr/lambda/provided:al2023');
  });
});

describe('the Runtime Interface Emulator', () => {
  it('is pinned by release with no checksum on record, since no cited source publishes one', () => {
    expect(RIE.version).toBe('v1.37');
    expect(RIE.sha256).toBeNull();
    const g = gen({ runtime: 'go', rie: true, arch: 'arm64' });
    expect(g.dockerfile).toMatch(/FROM function AS local\nADD https:\/\/github\.com\/aws\/aws-lambda-runtime-interface-emulator\/releases\/download\/v1\.37\/aws-lambda-rie-arm64 \/usr\/local\/bin\/aws-lambda-rie\nRUN chmod 755 \/usr\/local\/bin\/aws-lambda-rie\n/);
    expect(g.dockerfile).toMatch(/RUN chmod 755 \/lambda-entrypoint\.sh\n/);
    expect(deployedStage(g.dockerfile).instructions.find((i) => i.keyword === 'ENTRYPOINT')!.json).toEqual(['/lambda-entrypoint.sh']);
    // Without the emulator, Go runs its binary directly.
    expect(finalStage(gen({ runtime: 'go' }).dockerfile).instructions.find((i) => i.keyword === 'ENTRYPOINT')!.json).toEqual(['/var/runtime/bootstrap']);
  });
});

describe('the emulator checksum', () => {
  it('is verified in the build stage only when the catalog records one (it records none today)', () => {
    const saved = RIE.sha256;
    // A placeholder for this test only; the catalog itself must never hold an unsourced hash.
    RIE.sha256 = { x86_64: '0'.repeat(64), arm64: '1'.repeat(64) };
    try {
      const text = gen({ runtime: 'python3.13', rie: true, arch: 'arm64' }).dockerfile;
      expect(text).toContain(`FROM function AS local\nADD https://github.com/aws/aws-lambda-runtime-interface-emulator/releases/download/v1.37/aws-lambda-rie-arm64 /usr/local/bin/aws-lambda-rie\nRUN printf '%s  %s\\n' '${'1'.repeat(64)}' '/usr/local/bin/aws-lambda-rie' > /tmp/aws-lambda-rie.sha256 \\\n && sha256sum -c /tmp/aws-lambda-rie.sha256`);
      expect(text).not.toMatch(/--checksum/);
    } finally {
      RIE.sha256 = saved;
    }
    expect(gen({ runtime: 'python3.13', rie: true }).dockerfile).not.toMatch(/sha256sum/);
  });
});

describe('entry scripts behave as the AWS /lambda-entrypoint.sh does', () => {
  // A stand-in client that prints what it was given: its environment, directory and arguments.
  const client = `/bin/sh -c 'env; echo "CWD=$(pwd)"; echo "ARGS=$*"' client`;
  const render = (rie: boolean) =>
    renderTemplate('entry/lambda-entrypoint.sh', { command: client, pattern: null, env: [{ name: 'GEM_HOME', value: '/g' }], rie, riePath: '/bin/echo', title: 'Test' });

  const exec = (content: string, args: string[], env: NodeJS.ProcessEnv): string => {
    const dir = mkdtempSync(join(tmpdir(), 'entry-'));
    const file = join(dir, 'entry.sh');
    writeFileSync(file, content, { mode: 0o755 });
    return execFileSync('sh', [file, ...args], { env: { PATH: process.env.PATH, ...env }, cwd: '/' }).toString();
  };

  it('exports _HANDLER from the argument and LAMBDA_TASK_ROOT, enters it, then execs the client', () => {
    const root = mkdtempSync(join(tmpdir(), 'task-'));
    const out = exec(render(false), ['app.handler'], { LAMBDA_TASK_ROOT: root, AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9' });
    expect(out).toMatch(/^_HANDLER=app\.handler$/m);
    expect(out).toMatch(new RegExp(`^LAMBDA_TASK_ROOT=${root}$`, 'm'));
    expect(out).toMatch(new RegExp(`^CWD=${root}$`, 'm'));
    expect(out).toMatch(/^ARGS=app\.handler$/m);
    expect(out).toMatch(/^GEM_HOME=\/g$/m);
    shellSyntaxOk(render(true));
  });

  it('runs the emulator only when there is no Runtime API and the image has one (the local target)', () => {
    const root = mkdtempSync(join(tmpdir(), 'task-'));
    expect(exec(render(true), ['app.handler'], { LAMBDA_TASK_ROOT: root }).trim()).toBe(`${client.replace(/'/g, '')} app.handler`);
    expect(exec(render(true), ['app.handler'], { LAMBDA_TASK_ROOT: root, AWS_LAMBDA_RUNTIME_API: '127.0.0.1:9' })).toMatch(/^_HANDLER=app\.handler$/m);
    // The deployed target has no emulator: the client starts (and reports the missing API itself).
    const without = renderTemplate('entry/lambda-entrypoint.sh', { command: client, pattern: null, env: [], rie: true, riePath: join(root, 'absent'), title: 'Test' });
    expect(exec(without, ['app.handler'], { LAMBDA_TASK_ROOT: root })).toMatch(/^ARGS=app\.handler$/m);
  });

  it('finds an interpreter whose folder names the architecture, naming neither', () => {
    const root = mkdtempSync(join(tmpdir(), 'jvm-'));
    for (const arch of ['x86_64', 'aarch64']) {
      const dir = mkdtempSync(join(tmpdir(), 'jvm-one-'));
      mkdirSync(join(dir, `java.${arch}`, 'bin'), { recursive: true });
      writeFileSync(join(dir, `java.${arch}`, 'bin', 'java'), '#!/bin/sh\necho "JAVA=$0 $*"\n', { mode: 0o755 });
      const content = renderTemplate('entry/lambda-entrypoint.sh', { command: '"$runtime_bin" -X', pattern: `${dir}/java.*/bin/java`, env: [], rie: false, riePath: '/x', title: 'Java' });
      expect(content).not.toMatch(/x86_64|aarch64/);
      expect(exec(content, ['a.B::c'], { LAMBDA_TASK_ROOT: root }).trim()).toBe(`JAVA=${dir}/java.${arch}/bin/java -X a.B::c`);
    }
  });

  it('the OS-only bootstrap passes _HANDLER as an argument only to clients that take one', () => {
    const py = generate(resolveOptions({ base: 'os-only', runtime: 'python3.13' }, TODAY), { files: new Set() }, 'fn');
    const node = generate(resolveOptions({ base: 'os-only', runtime: 'nodejs24' }, TODAY), { files: new Set() }, 'fn');
    expect(script(py, 'lambda-bootstrap.sh')).toMatch(/"\$_HANDLER"\n$/);
    expect(script(node, 'lambda-bootstrap.sh')).not.toMatch(/\$_HANDLER/);
    shellSyntaxOk(script(py, 'lambda-bootstrap.sh'));
  });
});

describe('native samples', () => {
  const options = (runtime: string, extra: Record<string, unknown> = {}) => resolveOptions({ base: 'os-only', runtime, ...extra }, TODAY).options;

  it('Go: main.go, go.mod with the pinned aws-lambda-go, and the go.sum Go wrote for it', () => {
    const files = nativeSampleFiles(options('go'), 'go', 'My.Function');
    expect(files.map((f) => f.path).sort()).toEqual(['go.mod', 'go.sum', 'main.go']);
    const sum = files.find((f) => f.path === 'go.sum')!.content;
    expect(sum).toMatch(/^github\.com\/aws\/aws-lambda-go v1\.55\.0 h1:[A-Za-z0-9+/]{43}=$/m);
    expect(sum).toMatch(/^github\.com\/aws\/aws-lambda-go v1\.55\.0\/go\.mod h1:[A-Za-z0-9+/]{43}=$/m);
    const mod = files.find((f) => f.path === 'go.mod')!.content;
    expect(mod).toMatch(/^module my\.function$/m);
    // Module paths the go command rejects get a suffix.
    expect(nativeSampleFiles(options('go'), 'go', 'go').find((f) => f.path === 'go.mod')!.content).toMatch(/^module go-function$/m);
    expect(mod).toMatch(/^require github\.com\/aws\/aws-lambda-go v1\.55\.0$/m);
    expect(files.find((f) => f.path === 'main.go')!.content).toMatch(/lambda\.Start\(handle\)/);
    expect(files.every((f) => f.owned === false)).toBe(true);
  });

  it('Go: a folder named like a path the go command reserves gets a module path it accepts', () => {
    const mod = (name: string) => nativeSampleFiles(options('go'), 'go', name).find((f) => f.path === 'go.mod')!.content;
    // `go build` with `module go` says: invalid module path: "go"; std and cmd are the standard library.
    for (const name of ['go', 'Toolchain', 'std', 'cmd']) expect(mod(name)).toMatch(new RegExp(`^module ${name.toLowerCase()}-function$`, 'm'));
    expect(mod('golang')).toMatch(/^module golang$/m);
  });

  it("Go: go.mod's go line is the build image's series, which the pinned client accepts", () => {
    const mod = nativeSampleFiles(options('go'), 'go', 'fn').find((f) => f.path === 'go.mod')!.content;
    expect(GO_VERSION).toMatch(/^\d+\.\d+$/);
    expect(mod).toMatch(new RegExp(`^go ${GO_VERSION.replace('.', '\\.')}$`, 'm'));
    const goRic = RICS.find((r) => r.language === 'go')!;
    expect(goRic.supports.min, 'aws-lambda-go states its minimum Go').toBeDefined();
    expect(ricSupports(goRic, GO_VERSION), `${goRic.id} needs Go ${goRic.supports.min}`).toBe(true);
  });

  it('Rust: a bootstrap binary with lambda_runtime 1.x, and the Cargo.lock cargo resolved for it', () => {
    const files = nativeSampleFiles(options('rust'), 'rust', '9-fn');
    expect(files.map((f) => f.path).sort()).toEqual(['Cargo.lock', 'Cargo.toml', 'src/main.rs']);
    // The package itself sits where cargo sorts it, by name, so --locked accepts the file.
    for (const name of ['fn', 'aaa', 'zzz-fn']) {
      const lock = nativeSampleFiles(options('rust'), 'rust', name).find((f) => f.path === 'Cargo.lock')!.content;
      const names = [...lock.matchAll(/^name = "([^"]+)"$/gm)].map((m) => m[1]!);
      expect(names).toContain(name);
      expect(names).toEqual([...names].sort());
      expect(lock).toMatch(/^name = "lambda_runtime"\nversion = "1\.\d+\.\d+"\nsource = "registry\+https:\/\/github\.com\/rust-lang\/crates\.io-index"\nchecksum = "[0-9a-f]{64}"$/m);
    }
    const toml = files.find((f) => f.path === 'Cargo.toml')!.content;
    expect(toml).toMatch(/^name = "fn"$/m);
    expect(toml).toMatch(/\[\[bin\]\]\nname = "bootstrap"/);
    expect(toml).toMatch(/^lambda_runtime = "1"$/m);
    expect(files.find((f) => f.path === 'src/main.rs')!.content).toMatch(/lambda_runtime::run\(service_fn\(handle\)\)/);
  });

  it('.NET: an executable named bootstrap that starts Amazon.Lambda.RuntimeSupport', () => {
    const files = nativeSampleFiles(options('dotnet10'), 'dotnet', 'fn');
    const csproj = files.find((f) => f.path === 'Function.csproj')!.content;
    expect(csproj).toMatch(/<TargetFramework>net10\.0<\/TargetFramework>/);
    expect(csproj).toMatch(/<InvariantGlobalization>true<\/InvariantGlobalization>/);
    expect(files.find((f) => f.path === 'Handler.cs')!.content).toMatch(/LambdaBootstrapBuilder\.Create\(handler\)\.Build\(\)\.RunAsync\(\)/);
    // CMD decides what runs: Main resolves the method _HANDLER names in this executable.
    const cs = files.find((f) => f.path === 'Handler.cs')!.content;
    expect(cs).toMatch(/Resolve\(Environment\.GetEnvironmentVariable\("_HANDLER"\)\)/);
    expect(cs).toMatch(/handler\.Split\("::"\)/);
    expect(cs).toMatch(/GetMethod\(parts\[2\], BindingFlags\.Public \| BindingFlags\.Static\)/);
  });

  it('custom: bootstrap (mode 755) and the handler file are valid POSIX sh', () => {
    const files = nativeSampleFiles(options('custom', { handler: 'src/function.handler' }), 'custom', 'fn');
    const bootstrap = files.find((f) => f.path === 'bootstrap')!;
    expect(bootstrap.mode).toBe(0o755);
    shellSyntaxOk(bootstrap.content);
    shellSyntaxOk(files.find((f) => f.path === 'src/function.sh')!.content);
    expect(files.find((f) => f.path === 'src/function.sh')!.content).toMatch(/^handler\(\) \{$/m);
  });

  it('custom: the bootstrap serves an event through the Runtime API with curl', async () => {
    const files = nativeSampleFiles(options('custom'), 'custom', 'fn');
    const root = mkdtempSync(join(tmpdir(), 'custom-'));
    for (const f of files) writeFileSync(join(root, f.path), f.content, { mode: f.mode ?? 0o644 });
    let posted: { url: string; body: string } | null = null;
    let polls = 0;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (req.url === '/2018-06-01/runtime/invocation/next') {
          polls++;
          if (polls > 1) {
            // A second poll ends the test: a failed request stops the loop (set -e).
            res.writeHead(500).end();
            return;
          }
          res.writeHead(200, { 'Lambda-Runtime-Aws-Request-Id': 'req-1', 'Content-Type': 'application/json' }).end('{"a":1}');
          return;
        }
        posted = { url: req.url ?? '', body };
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const child = spawn('sh', [join(root, 'bootstrap')], {
      env: { PATH: process.env.PATH, AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${port}`, _HANDLER: 'function.handler', LAMBDA_TASK_ROOT: root },
      stdio: 'ignore',
    });
    const code = await new Promise<number | null>((r) => {
      const timer = setTimeout(() => child.kill(), 10_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        r(c);
      });
    });
    server.close();
    expect(code).not.toBe(0);
    expect(posted).toEqual({ url: '/2018-06-01/runtime/invocation/req-1/response', body: '{"statusCode":200,"body":"Hello from Lambda, received 7 bytes"}' });
  }, 20_000);
});

describe('list --json', () => {
  it('adds the base kinds, families with their managers, clients, the emulator and per-base support', () => {
    const json = catalogJson(TODAY);
    for (const key of ['baseKinds', 'families', 'languageRuntimes', 'rics', 'rie', 'languageImages', 'defaultImages', 'toolchainImages', 'distroReleases', 'osOnlySupport', 'imageSupport']) {
      const records = json[key] as { id: string; kind: string }[];
      expect(Array.isArray(records), key).toBe(true);
      expect(records.length, key).toBeGreaterThan(0);
      for (const r of records) {
        expect(typeof r.id, key).toBe('string');
        expect(typeof r.kind, key).toBe('string');
      }
      expect(new Set(records.map((r) => r.id)).size, key).toBe(records.length);
    }
    expect((json.baseKinds as { id: string }[]).map((k) => k.id)).toEqual(['aws', 'os-only', 'image']);
    expect((json.families as { id: string; packageManager: string }[]).map((f) => `${f.id}:${f.packageManager}`)).toEqual(['al2023:dnf', 'al2:yum', 'debian:apt-get', 'ubuntu:apt-get', 'alpine:apk']);
    expect((json.rics as { id: string }[]).map((r) => r.id)).toEqual(RICS.map((r) => r.id));
    const node = (json.rics as { package: string; supports: { min?: string } }[]).find((r) => r.package === 'aws-lambda-ric')!;
    expect(node.supports.min).toBe('22');
    const support = json.imageSupport as { id: string; supported: boolean; reason?: string }[];
    expect(support.find((s) => s.id === 'debian/nodejs20')).toMatchObject({ supported: false });
    expect(support.find((s) => s.id === 'debian/nodejs22')).toMatchObject({ supported: true });
    expect((json.osOnlySupport as { id: string; supported: boolean }[]).find((s) => s.id === 'al2/dotnet10')).toMatchObject({ supported: false });
    expect(JSON.stringify(json)).not.toMatch(/sha256:[0-9a-f]{64}/);
  });
});

describe('the CLI writes the scripts executable, and its own lint passes them', () => {
  for (const argv of [
    ['--base', 'image', '--runtime', 'python3.13', '--rie'],
    ['--base', 'image', '--runtime', 'java21', '--arch', 'arm64'],
    ['--base', 'image', '--image', 'amazonlinux:2023', '--runtime', 'dotnet10'],
    ['--base', 'os-only', '--runtime', 'ruby3.4'],
    ['--base', 'os-only', '--runtime', 'go'],
    ['--base', 'image', '--runtime', 'custom', '--family', 'debian', '--rie'],
  ]) {
    it(argv.join(' '), async () => {
      const cwd = tempDir();
      const result = await run([...argv, '--dir', 'out', '--no-interactive', '--hadolint', 'off'], { cwd });
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
      const out = join(cwd, 'out');
      for (const name of ['lambda-entrypoint.sh', 'lambda-bootstrap.sh']) {
        if (existsSync(join(out, name))) expect(statSync(join(out, name)).mode & 0o777).toBe(0o755);
      }
      expect(existsSync(join(out, 'Dockerfile'))).toBe(true);
      expect(result.stderr).not.toMatch(/lint: .* (error|warning):/);
    });
  }
});
