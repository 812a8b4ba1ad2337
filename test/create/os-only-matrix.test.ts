import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/catalog';
import { findLanguageRuntime } from '../../src/catalog/language-runtimes';
import { RICS } from '../../src/catalog/rics';
import { generate } from '../../src/commands/generate';
import { resolveOptions } from '../../src/options/resolve';
import { nativeSampleFiles } from '../../src/render/samples-native';
import { BUILD_TOOLS, finalStage, installs, parseStages, shellSyntaxOk } from '../support/dockerfile';
import { run, tempDir, TODAY } from '../support/run';

const ARCHES = ['x86_64', 'arm64'] as const;



/** The pinned client for a runtime, as the install command spells it in the Dockerfile. */
function ricPin(runtime: string): RegExp | null {
  const rt = findLanguageRuntime(runtime)!;
  const ric = RICS.find((r) => r.language === rt.language);
  switch (rt.language) {
    case 'nodejs':
    case 'python':
    case 'ruby':
      return new RegExp(ric!.pin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    default:
      return null;
  }
}

/** The minimum matrix: one version per language, with what each OS-only base must do. */
const EXPECT: Record<'al2023' | 'al2', Record<string, RegExp | true>> = {
  al2023: {
    go: true,
    rust: true,
    custom: true,
    nodejs24: true,
    nodejs22: true,
    'python3.13': true,
    'python3.11': true,
    java21: true,
    java17: true,
    dotnet10: true,
    'ruby3.4': true,
  },
  al2: {
    go: true,
    rust: true,
    custom: true,
    nodejs24: /nodejs24 cannot run on provided:al2: its repositories have no Node\.js that runs there.*--os al2023/,
    'python3.13': /python3\.13 cannot run on provided:al2: its repositories have Python older than 3\.11.*--os al2023/,
    // Corretto 21 has Amazon Linux 2 packages (java-21-amazon-corretto-headless).
    java21: true,
    java11: true,
    dotnet10: /dotnet10 cannot run on provided:al2: its repositories have no \.NET.*--os al2023/,
    'ruby3.4': /ruby3\.4 cannot run on provided:al2: the catalog has no confirmed Ruby package.*--os al2023/,
  },
};

describe('Go module path from the folder name', () => {
  it('avoids the paths the go command reserves (a folder named go would not build)', () => {
    const resolved = resolveOptions({ base: 'os-only', runtime: 'go', os: 'al2023', arch: 'x86_64' }, TODAY);
    const mod = (name: string): string | undefined =>
      nativeSampleFiles(resolved.options, 'go', name).find((f) => f.path === 'go.mod')?.content.match(/^module (\S+)$/m)?.[1];
    expect(mod('go')).toBe('go-function');
    expect(mod('toolchain')).toBe('toolchain-function');
    expect(mod('std')).toBe('std-function');
    expect(mod('My Fn')).toBe('my-fn');
    expect(mod('golang')).toBe('golang');
  });
});

describe('OS-only bases: language × OS × architecture', () => {
  for (const os of ['al2023', 'al2'] as const) {
    for (const [runtime, expected] of Object.entries(EXPECT[os])) {
      for (const arch of ARCHES) {
        const raw = { base: 'os-only', os, runtime, arch, allowDeprecated: true };
        if (expected !== true) {
          it(`${os} refuses ${runtime} on ${arch} with the reason`, async () => {
            const dir = tempDir();
            const result = await run(['--base', 'os-only', '--os', os, '--runtime', runtime, '--arch', arch, '--allow-deprecated', '--dir', 'out', '--no-interactive'], { cwd: dir });
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(expected);
            expect(execFileSync('ls', ['-A', dir]).toString()).toBe('');
          });
          continue;
        }
        it(`${os} runs ${runtime} on ${arch}`, () => {
          const resolved = resolveOptions(raw, TODAY);
          const g = generate(resolved, { files: new Set() }, 'fn');
          const text = g.dockerfile;
          const stages = parseStages(text);
          const final = finalStage(text);
          const language = findLanguageRuntime(runtime)!.language;

          // The final stage is the OS-only image, which keeps its entrypoint and emulator.
          expect(final.from).toBe(`public.ecr.aws/lambda/provided:${os}`);
          expect(final.platform).toBeNull();
          expect(final.instructions.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
          const cmds = final.instructions.filter((i) => i.keyword === 'CMD');
          expect(cmds).toHaveLength(1);
          expect(cmds[0]!.json).toEqual([resolved.options.handler]);
          expect(cmds[0]!.json![0]).toMatch(LANGUAGES[language].handler.pattern);

          // Something executable lands at /var/runtime/bootstrap, from a build stage.
          const bootstrapCopy = final.instructions.find((i) => i.keyword === 'COPY' && /\/var\/runtime\/bootstrap$/.test(i.args));
          expect(bootstrapCopy?.text).toMatch(/^COPY --from=build /);

          // Only the OS's own package manager, with its clean-up; never another one.
          const own = os === 'al2023' ? 'dnf' : 'yum';
          for (const s of stages.filter((x) => x.from.startsWith('public.ecr.aws/lambda/provided'))) {
            for (const inst of installs(s)) expect(inst.manager).toBe(own);
          }
          expect(text).not.toMatch(os === 'al2023' ? /\b(yum|apt-get|apk)\b/ : /\b(dnf|microdnf|apt-get|apk)\b/);
          for (const ins of final.instructions.filter((i) => i.keyword === 'RUN')) {
            expect(ins.args).toMatch(own === 'dnf' ? /dnf clean all/ : /yum clean all/);
          }

          // No compilers or headers in the final image.
          for (const inst of installs(final)) {
            for (const p of inst.packages) expect(p).not.toMatch(BUILD_TOOLS);
          }

          // The client is installed and pinned (Java's in the generated pom, .NET's in the project).
          const pin = ricPin(runtime);
          if (pin) expect(stages.flatMap((s) => s.instructions).some((i) => i.keyword === 'RUN' && pin.test(i.args))).toBe(true);
          if (language === 'java') {
            const pom = g.files.find((f) => f.path === 'lambda-ric/pom.xml');
            expect(pom?.content).toMatch(/<artifactId>aws-lambda-java-runtime-interface-client<\/artifactId>\s*<version>2\.10\.1<\/version>/);
            expect(stages[0]!.name).toBe('ric');
          }
          if (language === 'dotnet') {
            const csproj = nativeSampleFiles(resolved.options, language, 'fn').find((f) => f.path.endsWith('.csproj'));
            expect(csproj?.content).toMatch(/Amazon\.Lambda\.RuntimeSupport" Version="1\.14\.1"/);
            expect(csproj?.content).toMatch(/<OutputType>Exe<\/OutputType>/);
            expect(csproj?.content).toMatch(/<AssemblyName>bootstrap<\/AssemblyName>/);
            expect(text).toMatch(new RegExp(`--self-contained true`));
            expect(text).toMatch(arch === 'arm64' ? /-r linux-arm64/ : /-r linux-x64/);
          }

          // Interpreted languages and .NET get a generated bootstrap script, mode 755, valid sh.
          const script = g.files.find((f) => f.path === 'lambda-bootstrap.sh');
          if (['go', 'rust', 'custom'].includes(language)) {
            expect(script).toBeUndefined();
          } else {
            expect(script?.mode).toBe(0o755);
            expect(script?.owned).toBe(true);
            shellSyntaxOk(script!.content);
            expect(script!.content).toMatch(/^#!\/bin\/sh\n/);
            expect(script!.content).toMatch(/\nexec (\/|"\$runtime_bin" )/);
            expect(text).toMatch(/COPY lambda-bootstrap\.sh \/var\/runtime\/bootstrap/);
            expect(text).toMatch(/chmod 755 \/var\/runtime\/bootstrap/);
          }

          // Explicit tags everywhere; nothing the built-in frontend of Docker 20.10 lacks, except
          // $BUILDPLATFORM where the toolchain cross-builds (Go, Java, .NET).
          for (const s of stages) {
            expect(s.from).toMatch(/:[\w.-]+$/);
            expect(s.from).not.toMatch(/:latest$/);
            if (s.platform) expect(s.platform).toBe('$BUILDPLATFORM');
          }
          expect(text).not.toMatch(/<<|--link|--checksum|--chmod|^# syntax=/m);
          // Every Dockerfile checks TARGETARCH, which BuildKit sets.
          expect(g.plan.needsBuildKit).toBe(true);
        });
      }
    }
  }
});

describe('OS-only bases: what each language builds', () => {
  const gen = (runtime: string, extra: Record<string, unknown> = {}, files: string[] = []) =>
    generate(resolveOptions({ base: 'os-only', runtime, ...extra }, TODAY), { files: new Set(files) }, 'fn');

  it('Go cross-compiles a static binary on the build platform for $TARGETARCH', () => {
    const text = gen('go').dockerfile;
    const [build] = parseStages(text);
    expect(build!.from).toMatch(/^golang:1\.\d+-bookworm$/);
    expect(build!.platform).toBe('$BUILDPLATFORM');
    expect(build!.instructions.some((i) => i.keyword === 'ARG' && i.args === 'TARGETARCH')).toBe(true);
    const buildRun = build!.instructions.find((i) => i.args.includes('go build'))!.args;
    expect(buildRun).toMatch(/CGO_ENABLED=0/);
    expect(buildRun).toMatch(/GOARCH=\$\{TARGETARCH\}/);
    expect(buildRun).toMatch(/-tags lambda\.norpc/);
  });

  it('Go downloads the modules go.sum verifies in a layer before the code, and never tidies', () => {
    const sample = gen('go');
    expect(sample.files.map((f) => f.path)).toContain('go.sum');
    expect(sample.plan.warnings.join(' ')).not.toMatch(/go\.sum/);
    expect(sample.dockerfile).toMatch(/COPY go\.mod go\.sum \.\/\n(#.*\n)*RUN --mount=type=cache,target=\/go\/pkg\/mod --mount=type=cache,target=\/root\/\.cache\/go-build go mod download\nCOPY \. \.\//);
    const without = gen('go', { sample: false }, ['go.mod', 'main.go']);
    expect(without.dockerfile).toMatch(/COPY go\.mod \.\/\n(#.*\n)*RUN .*go mod download/);
    expect(without.plan.warnings.join(' ')).toMatch(/no go\.sum: .*go mod tidy.*commit go\.sum/);
    for (const g of [sample, without]) expect(g.dockerfile).not.toMatch(/go mod tidy/);
  });

  it('Rust cross-compiles a static musl binary on the build host, dependencies in their own layer', () => {
    const g = gen('rust', { arch: 'arm64' });
    const text = g.dockerfile;
    const [build] = parseStages(text);
    expect(build!.from).toMatch(/^rust:1-alpine3\.\d+$/);
    expect(build!.platform).toBe('$BUILDPLATFORM');
    expect(text).toMatch(/RUN rustup target add aarch64-unknown-linux-musl\n/);
    // rust-lld links the target only when the host differs; RUSTFLAGS would also reach
    // proc-macros, which cannot link statically on a musl host.
    expect(text).toMatch(/\[ "\$\(rustc --print host-tuple\)" = aarch64-unknown-linux-musl \] \|\| export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_MUSL_LINKER=rust-lld/);
    expect(text).not.toMatch(/RUSTFLAGS/);
    // The sample's Cargo.lock makes the build --locked; the manifests and a dependency build
    // come before the sources.
    expect(g.files.map((f) => f.path)).toContain('Cargo.lock');
    const runs = build!.instructions.map((i) => i.text);
    const deps = runs.findIndex((t) => /echo 'fn main\(\) \{\}' > src\/main\.rs/.test(t) && /cargo build --release --locked --target aarch64-unknown-linux-musl/.test(t));
    expect(runs.indexOf('COPY Cargo.toml Cargo.lock ./')).toBeLessThan(deps);
    expect(deps).toBeLessThan(runs.indexOf('COPY . ./'));
    expect(text).toMatch(/cp target\/aarch64-unknown-linux-musl\/release\/bootstrap \/out\/bootstrap/);
    expect(gen('rust', { sample: false }, ['Cargo.toml']).dockerfile).not.toMatch(/--locked/);
  });

  it('custom copies the bootstrap and the handler file with their modes set in the build stage', () => {
    const text = gen('custom').dockerfile;
    expect(text).toMatch(/chmod 755 bootstrap/);
    expect(finalStage(text).instructions.map((i) => i.text)).toContain('COPY --from=build /build/bootstrap /var/runtime/bootstrap');
  });

  it('Node.js on AL2023 uses the namespaced node-22 and npm-22 and the RIC build tools in the build stage only', () => {
    const g = gen('nodejs22', { arch: 'arm64' });
    const [build] = parseStages(g.dockerfile);
    expect(installs(build!)[0]!.packages).toEqual(expect.arrayContaining(['nodejs22', 'nodejs22-npm', 'gcc-c++', 'make', 'cmake', 'tar', 'xz']));
    expect(installs(finalStage(g.dockerfile))[0]!.packages).toEqual(['nodejs22']);
    expect(g.dockerfile).toMatch(/npm-22 install .*aws-lambda-ric@4\.0\.2/);
    expect(g.files.find((f) => f.path === 'lambda-bootstrap.sh')!.content).toMatch(/exec \/usr\/bin\/node-22 \/var\/runtime\/ric\/node_modules\/aws-lambda-ric\/index\.mjs\n/);
  });

  it('Python passes the handler to awslambdaric; Java starts AWSLambda from the arch-specific JVM', () => {
    expect(gen('python3.12').files.find((f) => f.path === 'lambda-bootstrap.sh')!.content).toMatch(/exec \/usr\/bin\/python3\.12 -m awslambdaric "\$_HANDLER"/);
    const java = gen('java21', { arch: 'arm64' }).files.find((f) => f.path === 'lambda-bootstrap.sh')!.content;
    // The JVM folder names the architecture: the script finds it, and starts it with the options
    // Lambda's own Java runtime uses.
    expect(java).toMatch(/\nfor runtime_bin in \/usr\/lib\/jvm\/java-21-amazon-corretto\.\*\/bin\/java; do break; done\n/);
    expect(java).toMatch(/exec "\$runtime_bin" -XX:\+TieredCompilation -XX:TieredStopAtLevel=1 -XX:\+UseSerialGC -cp '\/var\/runtime\/ric\/\*' com\.amazonaws\.services\.lambda\.runtime\.api\.client\.AWSLambda "\$_HANDLER"/);
    expect(java).not.toMatch(/aarch64|x86_64/);
    expect(gen('java21', { buildTool: 'gradle' }).dockerfile).toMatch(/gradle --no-daemon -q build copyDependencies/);
  });

  it('Ruby installs the client into the gem home the bootstrap exports', () => {
    const g = gen('ruby3.4');
    expect(g.dockerfile).toMatch(/ruby3\.4-gem install --no-document aws_lambda_ric -v 3\.1\.3/);
    const script = g.files.find((f) => f.path === 'lambda-bootstrap.sh')!.content;
    expect(script).toMatch(/export GEM_HOME="\/var\/task\/vendor\/bundle"/);
    expect(script).toMatch(/exec \/usr\/bin\/ruby3\.4 \/var\/task\/vendor\/bundle\/bin\/aws_lambda_ric\n/);
  });

  it('provided:al2 stays refused without --allow-deprecated', async () => {
    const result = await run(['--stdout', '--base', 'os-only', '--os', 'al2', '--runtime', 'go']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/provided:al2 is deprecated/);
  });
});
