import { describe, expect, it } from 'vitest';
import { family as familyOf, FAMILIES, LANGUAGES } from '../../src/catalog';
import { DISTRO_RELEASES } from '../../src/catalog/images';
import { findLanguageRuntime } from '../../src/catalog/language-runtimes';
import { RIE, RICS } from '../../src/catalog/rics';
import type { FamilyId } from '../../src/catalog/types';
import { catalogJson } from '../../src/commands/list';
import { generate } from '../../src/commands/generate';
import { resolveOptions } from '../../src/options/resolve';
import { nativeSampleFiles } from '../../src/render/samples-native';
import { BUILD_TOOLS, deployedStage, finalStage, installs, parseStages, shellSyntaxOk } from '../support/dockerfile';
import { TODAY } from '../support/run';

const ARCHES = ['x86_64', 'arm64'] as const;
/** What each family's package manager may be called in a RUN. */
const OWN: Record<FamilyId, RegExp> = {
  debian: /^apt-get$/,
  ubuntu: /^apt-get$/,
  alpine: /^apk$/,
  al2023: /^(dnf|microdnf)$/,
  al2: /^yum$/,
};



interface Row {
  family: FamilyId;
  runtime: string;
  raw: Record<string, unknown>;
  image: string;
}

/** Every runtime `list --json` says a family supports (with the family's default image)… */
function supportedRows(): Row[] {
  const records = catalogJson(TODAY).imageSupport as { family: FamilyId; runtime: string; supported: boolean; image?: string }[];
  return records
    .filter((r) => r.supported)
    .map((r) => ({ family: r.family, runtime: r.runtime, raw: { family: r.family }, image: r.image! }));
}

/** …and every runtime the bare OS images install from their own packages. */
function bareRows(): Row[] {
  const rows: Row[] = [];
  for (const release of DISTRO_RELEASES) {
    for (const runtime of ['go', 'rust', 'custom', ...release.languages.map((l) => l.runtime)]) {
      rows.push({ family: release.family, runtime, raw: { image: release.image }, image: release.image });
    }
  }
  return rows;
}

function check(row: Row, arch: (typeof ARCHES)[number], rie: boolean): void {
  const resolved = resolveOptions({ base: 'image', runtime: row.runtime, arch, rie, allowDeprecated: true, ...row.raw }, TODAY);
  const g = generate(resolved, { files: new Set() }, 'fn');
  const text = g.dockerfile;
  const stages = parseStages(text);
  const final = deployedStage(text);
  const language = findLanguageRuntime(row.runtime)!.language;

  expect(final.from).toBe(row.image);
  expect(final.platform).toBeNull();

  // The family's package manager, only; build tools never reach the final stage.
  for (const s of stages) {
    for (const inst of installs(s)) expect(inst.manager).toMatch(OWN[row.family]);
  }
  expect(familyOf(row.family).packageManager).toBe(row.family === 'al2023' ? 'dnf' : row.family === 'al2' ? 'yum' : row.family === 'alpine' ? 'apk' : 'apt-get');
  for (const inst of installs(final)) {
    for (const p of inst.packages) expect(p).not.toMatch(BUILD_TOOLS);
  }

  // The client, pinned.
  const ric = RICS.find((r) => r.language === language);
  if (language === 'nodejs' || language === 'python' || language === 'ruby') {
    expect(stages.flatMap((s) => s.instructions).some((i) => i.keyword === 'RUN' && i.args.includes(ric!.pin))).toBe(true);
  }
  if (language === 'java') {
    expect(g.files.find((f) => f.path === 'lambda-ric/pom.xml')?.content).toMatch(/<version>2\.10\.1<\/version>/);
    expect(text).toMatch(/COPY --from=ric \/ric\/lib\/ \/var\/runtime\/ric\//);
  }
  if (language === 'dotnet') {
    expect(nativeSampleFiles(resolved.options, 'dotnet', 'fn').find((f) => f.path.endsWith('.csproj'))?.content).toMatch(/Amazon\.Lambda\.RuntimeSupport" Version="1\.14\.1"/);
  }

  // ENTRYPOINT: exec form, absolute, a real file the image builds: the entry script or the binary.
  const entrypoints = final.instructions.filter((i) => i.keyword === 'ENTRYPOINT');
  expect(entrypoints).toHaveLength(1);
  const entry = entrypoints[0]!.json!;
  expect(entry).toHaveLength(1);
  expect(entry[0]).toMatch(/^\//);
  const cmds = final.instructions.filter((i) => i.keyword === 'CMD');
  expect(cmds).toHaveLength(1);
  expect(cmds[0]!.json).toEqual([resolved.options.handler]);
  expect(cmds[0]!.json![0]).toMatch(LANGUAGES[language].handler.pattern);
  const script = g.files.find((f) => f.path === 'lambda-entrypoint.sh');
  if (entry[0] === '/lambda-entrypoint.sh') {
    expect(script?.mode).toBe(0o755);
    expect(script?.owned).toBe(true);
    shellSyntaxOk(script!.content);
    // It execs an absolute interpreter path (never npx), or one it found from an absolute
    // pattern when the folder names the architecture, and sets what the clients read.
    expect(script!.content).toMatch(/\nexec (\/[^\s]+|"\$runtime_bin")/);
    if (script!.content.includes('"$runtime_bin"')) expect(script!.content).toMatch(/\nfor runtime_bin in \/\S*\*\S*; do break; done\n/);
    expect(script!.content).not.toMatch(/npx/);
    expect(script!.content).toMatch(/export _HANDLER="\$1"/);
    expect(script!.content).toMatch(/export LAMBDA_TASK_ROOT="\$\{LAMBDA_TASK_ROOT:-\/var\/task\}"/);
    expect(text).toMatch(/COPY lambda-entrypoint\.sh \/lambda-entrypoint\.sh/);
    expect(text).toMatch(/chmod 755 [^\n]*\/lambda-entrypoint\.sh/);
    expect(final.instructions.map((i) => i.text)).toContain('COPY --from=build /lambda-entrypoint.sh /lambda-entrypoint.sh');
  } else {
    // Go and Rust without the emulator: the binary itself.
    expect(['go', 'rust']).toContain(language);
    expect(rie).toBe(false);
    expect(entry[0]).toBe('/var/runtime/bootstrap');
    expect(script).toBeUndefined();
  }
  expect(final.instructions.find((i) => i.keyword === 'WORKDIR')?.args).toBe('/var/task');

  // The emulator: the pinned release for this architecture, in the local target only; the
  // deployed image (the default, last target) never has it.
  expect(JSON.stringify(final.instructions)).not.toMatch(/aws-lambda-rie/);
  if (rie) {
    const asset = arch === 'arm64' ? 'aws-lambda-rie-arm64' : 'aws-lambda-rie-x86_64';
    const local = stages.find((s) => s.name === 'local')!;
    expect(local.from).toBe('function');
    expect(local.instructions.map((i) => i.text)).toContain(`ADD https://github.com/aws/aws-lambda-runtime-interface-emulator/releases/download/${RIE.version}/${asset} /usr/local/bin/aws-lambda-rie`);
    expect(stages.filter((s) => s.name !== 'local').flatMap((s) => s.instructions).some((i) => i.text.includes('aws-lambda-rie'))).toBe(false);
    expect(finalStage(text)).toMatchObject({ from: 'function', name: null, instructions: [] });
    expect(script!.content).toMatch(/if \[ -z "\$\{AWS_LAMBDA_RUNTIME_API:-\}" \] && \[ -x \/usr\/local\/bin\/aws-lambda-rie \]; then\n\s+exec \/usr\/local\/bin\/aws-lambda-rie (\/\S+|"\$runtime_bin")/);
  } else {
    expect(text).not.toMatch(/aws-lambda-rie/);
    if (script) expect(script.content).not.toMatch(/aws-lambda-rie/);
  }

  // Explicit tags, no latest, nothing the built-in frontend of Docker 20.10 lacks.
  for (const s of stages.filter((x) => !stages.some((y) => y.name === x.from))) {
    expect(s.from).toMatch(/:[\w.-]+$/);
    expect(s.from).not.toMatch(/:latest$/);
    if (s.platform) expect(s.platform).toBe('$BUILDPLATFORM');
  }
  expect(text).not.toMatch(/<<|--link|--checksum|--chmod|^# syntax=/m);
  expect(text).not.toMatch(/\bnpx\b/);
  // Every Dockerfile checks TARGETARCH, which BuildKit sets.
  expect(g.plan.needsBuildKit).toBe(true);
}

describe('image bases: family × every runtime `list --json` supports there × architecture', () => {
  for (const row of supportedRows()) {
    for (const arch of ARCHES) {
      for (const rie of [false, true]) {
        it(`${row.family} ${row.runtime} (${row.image}) on ${arch}${rie ? ' with the emulator' : ''}`, () => check(row, arch, rie));
      }
    }
  }
});

describe('image bases: bare OS images with the language from their own packages', () => {
  for (const row of bareRows()) {
    for (const arch of ARCHES) {
      it(`${row.image} ${row.runtime} on ${arch}`, () => check(row, arch, arch === 'arm64'));
    }
  }
});

describe('image bases: the catalogue covers every family', () => {
  it('each family supports Go, Rust and the custom runtime, and at least one interpreted language', () => {
    const rows = supportedRows();
    for (const f of FAMILIES) {
      const ids = rows.filter((r) => r.family === f.id).map((r) => r.runtime);
      expect(ids, f.id).toEqual(expect.arrayContaining(['go', 'rust', 'custom']));
      expect(ids.filter((id) => !['go', 'rust', 'custom'].includes(id)).length, f.id).toBeGreaterThan(0);
    }
  });

  it('the defaults are the official images, pinned by explicit tags', () => {
    const image = (runtime: string, family?: FamilyId) =>
      finalStage(generate(resolveOptions({ base: 'image', runtime, allowDeprecated: true, ...(family ? { family } : {}) }, TODAY), { files: new Set() }, 'fn').dockerfile).from;
    expect(image('nodejs22')).toBe('node:22-bookworm-slim');
    expect(image('nodejs24', 'alpine')).toBe('node:24-alpine3.23');
    expect(image('python3.13')).toBe('python:3.13-slim-bookworm');
    expect(image('ruby3.4')).toBe('ruby:3.4-slim-bookworm');
    expect(image('java21')).toBe('amazoncorretto:21-al2023-headless');
    expect(image('java21', 'ubuntu')).toBe('eclipse-temurin:21-jre-noble');
    expect(image('dotnet8')).toBe('mcr.microsoft.com/dotnet/runtime:8.0-bookworm-slim');
    expect(image('dotnet10')).toBe('mcr.microsoft.com/dotnet/runtime:10.0-noble');
    expect(image('go')).toBe('alpine:3.23');
    expect(image('custom', 'debian')).toBe('debian:bookworm-slim');
    expect(image('python3.13', 'al2023')).toBe('amazonlinux:2023');
    expect(image('java11', 'al2')).toBe('amazonlinux:2');
  });
});
