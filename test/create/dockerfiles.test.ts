/**
 * What every generated folder promises, over the whole matrix (base kind × language × build
 * variant × architecture): the image is of the function's architecture whatever host builds it,
 * dependency layers come before the code, Python carries its bytecode, Node.js modules have a
 * layer of their own, the build context keeps credentials out, and the emulator never reaches the
 * image that is deployed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../src/catalog';
import { LAMBDA_JVM_OPTIONS } from '../../src/catalog/rics';
import { findLanguageRuntime } from '../../src/catalog/language-runtimes';
import { findAwsRuntime } from '../../src/catalog';
import { generate, type Generated } from '../../src/commands/generate';
import { resolveOptions } from '../../src/options/resolve';
import { deployedStage, parseStages, type ParsedStage } from '../support/dockerfile';
import { everyCombination } from '../support/matrix';
import { TODAY } from '../support/run';

interface Case {
  title: string;
  g: Generated;
  language: string;
  arch: 'x86_64' | 'arm64';
  raw: Record<string, unknown>;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const { raw } of everyCombination()) {
    let resolved;
    try {
      resolved = resolveOptions(raw, TODAY);
    } catch {
      continue; // refused combinations are tested elsewhere
    }
    const o = resolved.options;
    const language = (findAwsRuntime(o.runtime)?.language ?? findLanguageRuntime(o.runtime)?.language)!;
    const g = generate(resolved, { files: new Set() }, 'fn');
    const variant = [o.base, o.os ?? o.image ?? '', o.runtime, o.buildTool ?? '', o.typescript ? 'ts' : '', o.rie ? 'rie' : '', o.arch].filter(Boolean).join(' ');
    out.push({ title: variant, g, language, arch: o.arch, raw });
  }
  return out;
}

const ALL = cases();
const OTHER: Record<Case['arch'], RegExp> = {
  x86_64: /\b(arm64|aarch64)\b/,
  arm64: /\b(amd64|x86_64|x64)\b/,
};
const DOCKER_ARCH = { x86_64: 'amd64', arm64: 'arm64' } as const;

/** Lines that are not comments: `#` lines in Dockerfiles, shell scripts and ignore files. */
function meaningful(path: string, content: string): string[] {
  const commented = path === 'Dockerfile' || path.endsWith('.sh') || path === '.dockerignore' || path === 'bootstrap';
  return content.split('\n').filter((l) => !(commented && /^\s*#/.test(l)));
}

const texts = (stage: ParsedStage): string[] => stage.instructions.map((i) => i.text);
const firstIndex = (stage: ParsedStage, re: RegExp): number => texts(stage).findIndex((t) => re.test(t));

describe('the matrix is the whole catalog', () => {
  it('covers every language, both architectures and every base kind', () => {
    expect(new Set(ALL.map((c) => c.language))).toEqual(new Set(['nodejs', 'python', 'java', 'dotnet', 'ruby', 'go', 'rust', 'custom']));
    expect(new Set(ALL.map((c) => c.arch))).toEqual(new Set(['x86_64', 'arm64']));
    expect(new Set(ALL.map((c) => c.g.plan.kind))).toEqual(new Set(['aws', 'os-only', 'image']));
    expect(ALL.length).toBeGreaterThan(300);
  });
});

describe('architecture: right on any build host', () => {
  it('no generated file names the other architecture outside comments', () => {
    for (const c of ALL) {
      for (const f of [{ path: 'Dockerfile', content: c.g.dockerfile }, ...c.g.files]) {
        const hits = meaningful(f.path, f.content).filter((l) => OTHER[c.arch].test(l));
        expect(hits, `${c.title}: ${f.path}`).toEqual([]);
      }
    }
  });

  it('the deployed stage is pinned to the architecture or built from a stage that checks TARGETARCH', () => {
    for (const c of ALL) {
      const stages = parseStages(c.g.dockerfile);
      const deployed = deployedStage(c.g.dockerfile);
      if (deployed.platform) {
        expect(deployed.platform, c.title).toBe(`linux/${DOCKER_ARCH[c.arch]}`);
        continue;
      }
      const build = stages.find((s) => s.name === 'build')!;
      expect(texts(deployed).some((t) => t.startsWith('COPY --from=build ')), c.title).toBe(true);
      // The check comes first, before any package or dependency step.
      expect(texts(build).slice(0, 2), c.title).toEqual([
        'ARG TARGETARCH',
        expect.stringMatching(new RegExp(`^RUN test "\\$TARGETARCH" = ${DOCKER_ARCH[c.arch]} \\|\\| `)),
      ]);
      expect(c.g.plan.needsBuildKit).toBe(true);
    }
  });

  it('the check passes for the function’s architecture and stops any other, naming --platform', () => {
    for (const arch of ['x86_64', 'arm64'] as const) {
      const g = generate(resolveOptions({ runtime: 'python3.13', arch }, TODAY), { files: new Set() }, 'fn');
      const guard = texts(parseStages(g.dockerfile).find((s) => s.name === 'build')!)[1]!.replace(/^RUN /, '');
      const sh = (targetarch: string) => spawnSync('sh', ['-c', guard], { env: { TARGETARCH: targetarch }, encoding: 'utf8' });
      expect(sh(DOCKER_ARCH[arch]).status).toBe(0);
      for (const other of ['amd64', 'arm64', ''].filter((a) => a !== DOCKER_ARCH[arch])) {
        const r = sh(other);
        expect(r.status).toBe(1);
        expect(r.stderr).toContain(`docker build --platform linux/${DOCKER_ARCH[arch]}`);
      }
    }
  });

  it('Java scripts find the JVM from a pattern and start it with the JVM options Lambda’s Java runtime uses (cited)', () => {
    for (const id of LAMBDA_JVM_OPTIONS.sources) expect(SOURCES[id].url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/lambda\//);
    for (const c of ALL.filter((x) => x.language === 'java' && x.g.plan.kind !== 'aws')) {
      const script = c.g.files.find((f) => f.path === 'lambda-entrypoint.sh' || f.path === 'lambda-bootstrap.sh')!.content;
      expect(script, c.title).toMatch(new RegExp(`exec \\S+ ${LAMBDA_JVM_OPTIONS.options.map((o) => o.replace(/[+]/g, '\\+')).join(' ')} -cp `));
    }
  });
});

/** Per language: the manifests COPY, the dependency step, and the first copy of the sources. */
const ORDER: Record<string, { manifests: RegExp; deps: RegExp; sources: RegExp }> = {
  nodejs: { manifests: /^COPY package\.json package-lock\.json \.\/$/, deps: /npm(-\d+)? ci --omit=dev/, sources: /^COPY \. / },
  python: { manifests: /^COPY requirements\.txt \.\/$/, deps: /pip install .*-r requirements\.txt/, sources: /^COPY \. / },
  maven: { manifests: /^COPY pom\.xml \.\/$/, deps: /mvn -B -q dependency:go-offline/, sources: /^COPY src / },
  gradle: { manifests: /^COPY build\.gradle settings\.gradle \.\/$/, deps: /^RUN gradle --no-daemon -q copyDependencies$/, sources: /^COPY src / },
  dotnet: { manifests: /^COPY \S+\.csproj \.\/$/, deps: /dotnet restore/, sources: /^COPY \. / },
  ruby: { manifests: /^COPY Gemfile Gemfile\.lock \.\/$/, deps: /bundle(\d\.\d)? install/, sources: /^COPY \. / },
  go: { manifests: /^COPY go\.mod go\.sum \.\/$/, deps: / go mod download$/, sources: /^COPY \. / },
  rust: { manifests: /^COPY Cargo\.toml Cargo\.lock \.\/$/, deps: /fn main\(\) \{\}[\s\S]*cargo build --release --locked/, sources: /^COPY \. / },
};

describe('layers that cache', () => {
  it('every language copies its manifests and lockfiles and fetches dependencies before the sources', () => {
    for (const c of ALL.filter((x) => x.language !== 'custom')) {
      const key = c.language === 'java' ? (c.raw.buildTool === 'gradle' ? 'gradle' : 'maven') : c.language;
      const order = ORDER[key]!;
      const build = parseStages(c.g.dockerfile).find((s) => s.name === 'build')!;
      const manifests = firstIndex(build, order.manifests);
      const deps = firstIndex(build, order.deps);
      const sources = firstIndex(build, order.sources);
      expect(manifests, `${c.title}: manifests`).toBeGreaterThan(-1);
      expect(deps, `${c.title}: dependencies after manifests`).toBeGreaterThan(manifests);
      expect(sources, `${c.title}: sources after dependencies`).toBeGreaterThan(deps);
    }
  });

  it('every Maven run shares the local repository through a cache mount, and the build is one Maven run', () => {
    for (const c of ALL.filter((x) => x.language === 'java' && x.raw.buildTool !== 'gradle')) {
      const runs = c.g.dockerfile.split('\n').filter((l) => /\bmvn /.test(l));
      expect(runs.length, c.title).toBeGreaterThan(0);
      for (const line of runs) expect(line, c.title).toMatch(/^RUN --mount=type=cache,target=\/root\/\.m2 mvn /);
      expect(c.g.dockerfile, c.title).toMatch(/mvn -B -q package dependency:copy-dependencies -DskipTests /);
    }
  });

  it('Go and Rust samples ship their lockfiles, and the builds verify against them without tidying', () => {
    for (const c of ALL.filter((x) => x.language === 'go' || x.language === 'rust')) {
      expect(c.g.files.map((f) => f.path), c.title).toContain(c.language === 'go' ? 'go.sum' : 'Cargo.lock');
      expect(c.g.dockerfile).not.toMatch(/go mod tidy/);
      expect(c.g.plan.warnings.join(' ')).not.toMatch(/go\.sum|Cargo\.lock/);
    }
  });

  it('Rust cross-compiles on the build host: no Rust stage runs under emulation', () => {
    for (const c of ALL.filter((x) => x.language === 'rust')) {
      const build = parseStages(c.g.dockerfile).find((s) => s.name === 'build')!;
      expect(build.platform, c.title).toBe('$BUILDPLATFORM');
      expect(c.g.dockerfile).toMatch(new RegExp(`--target ${c.arch === 'arm64' ? 'aarch64' : 'x86_64'}-unknown-linux-musl`));
    }
  });

  it('Node.js modules reach the final stage in a layer of their own, before the code', () => {
    for (const c of ALL.filter((x) => x.language === 'nodejs')) {
      const deployed = deployedStage(c.g.dockerfile);
      const modules = firstIndex(deployed, /^COPY --from=build \/deps\/node_modules \S+\/node_modules$/);
      const code = firstIndex(deployed, /^COPY --from=build \/(code|build\/dist)\/ /);
      expect(modules, c.title).toBeGreaterThan(-1);
      expect(code, c.title).toBeGreaterThan(modules);
      // The modules tree is installed from the manifests alone: the code never touches it.
      const build = parseStages(c.g.dockerfile).find((s) => s.name === 'build')!;
      const install = firstIndex(build, /npm(-\d+)? ci --omit=dev/);
      expect(texts(build)[install - 1], c.title).toMatch(/^COPY package\.json package-lock\.json \.\/$/);
      expect(texts(build)[install - 2], c.title).toBe('WORKDIR /deps');
    }
  });

  it('Java jars reach the final stage before the classes, so a code change pushes only the classes', () => {
    for (const c of ALL.filter((x) => x.language === 'java')) {
      const deployed = texts(deployedStage(c.g.dockerfile));
      const jars = deployed.findIndex((t) => /^COPY --from=build \S+ \S+\/lib\/$/.test(t));
      const classes = deployed.findIndex((t) => /^COPY --from=build \S*classes\S* /.test(t));
      expect(jars, c.title).toBeGreaterThan(-1);
      expect(classes, c.title).toBeGreaterThan(jars);
    }
  });

  it('each tree is made readable where it is installed, never by a chmod over the client after the code', () => {
    for (const c of ALL) {
      const build = parseStages(c.g.dockerfile).find((s) => s.name === 'build')!;
      const sources = firstIndex(build, /^COPY \. /);
      const after = texts(build).slice(sources + 1).join('\n');
      expect(after, c.title).not.toMatch(/chmod -R a\+rX [^\n]*\/var\/runtime\/ric/);
    }
  });

  it('package downloads use BuildKit cache mounts the built-in frontend of Docker 20.10 accepts, with no syntax line', () => {
    for (const c of ALL) {
      expect(c.g.dockerfile, c.title).not.toMatch(/^# syntax=/m);
      for (const m of c.g.dockerfile.matchAll(/--mount=(\S+)/g)) expect(m[1], c.title).toMatch(/^type=(cache|secret),/);
      expect(c.g.dockerfile, c.title).not.toMatch(/--no-cache-dir/);
    }
  });
});

describe('fast cold starts', () => {
  it('Python bytecode is compiled at build time for the dependencies and the code', () => {
    for (const c of ALL.filter((x) => x.language === 'python')) {
      const build = parseStages(c.g.dockerfile).find((s) => s.name === 'build')!;
      const copy = firstIndex(build, /^COPY \. \/code\/$/);
      const compile = firstIndex(build, /-m compileall -q --invalidation-mode unchecked-hash \/code/);
      expect(copy, c.title).toBeGreaterThan(-1);
      expect(compile, c.title).toBe(copy + 1);
      expect(c.g.dockerfile, c.title).toMatch(/pip install [^\n]*--no-compile[\s\S]*-m compileall -q --invalidation-mode unchecked-hash \/deps/);
      expect(texts(deployedStage(c.g.dockerfile)), c.title).toEqual(expect.arrayContaining([expect.stringMatching(/^COPY --from=build \/code\/ /)]));
    }
  });

  it('.NET publishes ReadyToRun for the function’s runtime identifier', () => {
    for (const c of ALL.filter((x) => x.language === 'dotnet')) {
      expect(c.g.dockerfile, c.title).toMatch(/dotnet publish --no-restore -c Release -r linux-(musl-)?(x64|arm64) --self-contained (true|false) -p:PublishReadyToRun=true -o \/asset/);
    }
  });
});

describe('secrets stay out', () => {
  it('.dockerignore leaves out registry credentials and keys', () => {
    for (const c of ALL) {
      const entries = c.g.files.find((f) => f.path === '.dockerignore')!.content.split('\n');
      expect(entries, c.title).toEqual(expect.arrayContaining(['.npmrc', '.pypirc', '.netrc', '.aws/', '.ssh/', '**/*.pem', '**/*.key', '.git-credentials', '.env']));
    }
  });

  it('private registries get credentials only through optional BuildKit secrets, never an ARG or a copied file', () => {
    for (const c of ALL) {
      expect(c.g.dockerfile, c.title).not.toMatch(/^(ARG|ENV) \S*(TOKEN|PASSWORD|NPM_AUTH)/im);
      expect(c.g.dockerfile, c.title).not.toMatch(/^COPY [^\n]*(\.npmrc|pip\.conf|\.netrc)/m);
    }
    const node = ALL.find((c) => c.language === 'nodejs')!;
    expect(node.g.dockerfile).toMatch(/--mount=type=secret,id=npmrc,target=\/root\/\.npmrc npm ci/);
    const python = ALL.find((c) => c.language === 'python')!;
    expect(python.g.dockerfile).toMatch(/--mount=type=secret,id=pipconf,target=\/etc\/pip\.conf /);
  });
});

describe('the emulator stays local', () => {
  it('the deployed stage never holds the Runtime Interface Emulator; --rie adds a local target that does', () => {
    for (const c of ALL) {
      const deployed = deployedStage(c.g.dockerfile);
      expect(JSON.stringify(deployed.instructions), c.title).not.toMatch(/aws-lambda-rie/);
      const stages = parseStages(c.g.dockerfile);
      const local = stages.find((s) => s.name === 'local');
      if (c.raw.rie) {
        expect(local?.from, c.title).toBe('function');
        expect(texts(local!).some((t) => /^ADD \S+\/aws-lambda-rie-(x86_64|arm64) \/usr\/local\/bin\/aws-lambda-rie$/.test(t)), c.title).toBe(true);
        // The default target (the last stage) is the function stage, unchanged.
        expect(stages[stages.length - 1], c.title).toMatchObject({ from: 'function', name: null, instructions: [] });
      } else {
        expect(local, c.title).toBeUndefined();
        expect(c.g.dockerfile, c.title).not.toMatch(/aws-lambda-rie/);
      }
    }
  });
});

describe('package caches', () => {
  it('every install removes its package manager’s caches in the same layer', () => {
    for (const c of ALL) {
      for (const s of parseStages(c.g.dockerfile)) {
        for (const t of texts(s).filter((x) => x.startsWith('RUN '))) {
          if (/\bapt-get install\b/.test(t)) expect(t, c.title).toMatch(/rm -rf \/var\/lib\/apt\/lists\/\*/);
          if (/\bdnf install\b/.test(t)) expect(t, c.title).toMatch(/dnf clean all[\s\S]*rm -rf \/var\/cache\/dnf/);
          if (/\byum install\b/.test(t)) expect(t, c.title).toMatch(/yum clean all[\s\S]*rm -rf \/var\/cache\/yum/);
          if (/\bapk add\b/.test(t)) expect(t, c.title).toMatch(/apk add --no-cache/);
          if (/\bgem install\b/.test(t)) expect(t, c.title).toMatch(/rm -rf \S+\/cache/);
          if (/\bbundle(\d\.\d)? install\b/.test(t)) expect(t, c.title).toMatch(/rm -rf \S+cache/);
          if (/\bpip install\b/.test(t)) expect(t, c.title).toMatch(/--mount=type=cache,target=\/root\/\.cache\/pip/);
        }
      }
    }
  });
});
