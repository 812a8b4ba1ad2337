import { TOOLCHAIN_IMAGES } from '../catalog/images';
import { findLanguageRuntime } from '../catalog/language-runtimes';
import { ricFor } from '../catalog/rics';
import type { Language } from '../catalog/types';
import type { GeneratedFile } from '../shared/files';
import type { Options } from '../options';
import { renderTemplate } from './index';

/*
 * Samples for the languages that need more than a handler file on OS-only and image bases: Go,
 * Rust and a custom (shell) runtime, plus .NET, which there runs as its own executable named
 * bootstrap. The Go and Rust samples ship the lockfiles their toolchains wrote against the real
 * registries (templates/samples/go/go.sum, rust/Cargo.lock), so builds verify every download
 * and cache the dependency layers.
 */

interface SampleFile {
  path: string;
  template: string;
  data: Record<string, unknown>;
  mode?: number;
}

/** The Go series the build image runs (golang:1.26-bookworm → 1.26): go.mod's `go` line. */
export const GO_VERSION = /^golang:(\d+\.\d+)/.exec(TOOLCHAIN_IMAGES.go.image)![1]!;

/** A Cargo package name: letters, digits, - and _, starting with a letter. */
function crateName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^[^A-Za-z]+/, '');
  return clean || 'function';
}

/**
 * A Go module path from the project name (dots and dashes are allowed in a path element). `go`
 * and `toolchain` name go.mod's own directives and `std` and `cmd` the standard library, so the
 * go command refuses them as a main module's path: those get a suffix.
 */
function moduleName(name: string): string {
  const clean = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  if (['go', 'toolchain', 'std', 'cmd'].includes(clean)) return `${clean}-function`;
  return clean || 'function';
}

/** Assembly::Namespace.Class::Method, split into the names a sample needs. */
export function dotnetHandler(handler: string): { assembly: string; namespace: string; className: string; method: string } {
  const [assembly, type, method] = handler.split('::') as [string, string, string];
  const dot = type.lastIndexOf('.');
  return { assembly, namespace: dot === -1 ? assembly : type.slice(0, dot), className: type.slice(dot + 1), method };
}

export function nativeSampleFiles(options: Options, language: Language, name: string): GeneratedFile[] {
  const files: SampleFile[] = [];
  const h = options.handler;
  switch (language) {
    case 'go': {
      // Undefined only if the client needs a newer Go than the build image has (a test checks).
      const ric = ricFor('go', GO_VERSION)!;
      files.push(
        { path: 'main.go', template: 'go/main.go', data: {} },
        { path: 'go.mod', template: 'go/go.mod', data: { module: moduleName(name), goVersion: GO_VERSION, ricVersion: ric.version } },
        { path: 'go.sum', template: 'go/go.sum', data: {} },
      );
      break;
    }
    case 'rust': {
      const ric = ricFor('rust', undefined)!;
      files.push(
        { path: 'Cargo.toml', template: 'rust/Cargo.toml', data: { crate: crateName(name), ricVersion: ric.version } },
        { path: 'src/main.rs', template: 'rust/main.rs', data: {} },
      );
      break;
    }
    case 'custom': {
      const dot = h.lastIndexOf('.');
      const file = h.slice(0, dot);
      const functionName = h.slice(dot + 1);
      files.push(
        { path: 'bootstrap', template: 'custom/bootstrap', data: { file, functionName }, mode: 0o755 },
        { path: `${file}.sh`, template: 'custom/function.sh', data: { functionName } },
      );
      break;
    }
    case 'dotnet': {
      const { assembly, namespace, className, method } = dotnetHandler(h);
      const version = findLanguageRuntime(options.runtime)?.version ?? '10';
      const ric = ricFor('dotnet', version);
      files.push(
        { path: `${assembly}.csproj`, template: 'dotnet-bootstrap/Project.csproj', data: { dotnetVersion: version, namespace, ricVersion: ric?.version ?? '' } },
        { path: `${className}.cs`, template: 'dotnet-bootstrap/Handler.cs', data: { namespace, className, method } },
      );
      break;
    }
    default:
      break;
  }
  const out: GeneratedFile[] = files.map((f) => ({
    path: f.path,
    content: renderTemplate(`samples/${f.template}`, f.data),
    owned: false,
    ...(f.mode ? { mode: f.mode } : {}),
  }));
  if (language === 'rust') out.push({ path: 'Cargo.lock', content: cargoLock(crateName(name)), owned: false });
  return out;
}

/**
 * The sample's Cargo.lock: the dependencies as cargo resolved them against crates.io, with the
 * package itself added where cargo sorts it (by name), so `cargo build --locked` accepts the file
 * whatever the package is called.
 */
function cargoLock(crate: string): string {
  const separator = '\n[[package]]\n';
  const [head = '', ...packages] = renderTemplate('samples/rust/Cargo.lock', {}).split(separator);
  const own = `name = "${crate}"\nversion = "0.1.0"\ndependencies = [\n "lambda_runtime",\n "serde_json",\n "tokio",\n]\n`;
  const at = packages.findIndex((p) => (/^name = "([^"]+)"/.exec(p)?.[1] ?? '') > crate);
  packages.splice(at === -1 ? packages.length : at, 0, own);
  return [head, ...packages].join(separator);
}
