import type { Arch, Language, PackageManager } from '../catalog/types';
import type { BaseKind, Options } from '../options';

/** One `RUN <manager> install …` with the manager's own flags and clean-up. */
export interface PackageStep {
  manager: PackageManager;
  packages: string[];
  /** All packages carry a version, so the unpinned-package rule needs no exception. */
  pinned: boolean;
}

/** Files copied into a stage from a runtime stage (an official language image). */
export interface RuntimeCopyStep {
  /** The runtime stage's name. */
  stage: string;
  /** Its base reference, after mirroring and pinning. */
  image: string;
  /** Where the runtime comes from and why it runs on this base, one comment line each. */
  comment: string[];
  paths: { src: string; dest: string }[];
  /** A command run after the copy (ldconfig for copied shared libraries), or null. */
  run: string | null;
}

export interface StageModel {
  /** Base reference as written in FROM, after mirroring and pinning. */
  from: string;
  /** `$BUILDPLATFORM` where the toolchain cross-compiles or emits portable output. */
  platform: string | null;
  packages: PackageStep | null;
  /** Team instructions for this stage, one Dockerfile instruction each. */
  instructions: string[];
  /** A language runtime copied in from an official image, or null. */
  runtime: RuntimeCopyStep | null;
}

export interface FinalStageModel extends StageModel {
  labels: { key: string; value: string }[];
  /** Exec-form JSON, e.g. ["/lambda-entrypoint.sh"]; null keeps the base image's. */
  entrypoint: string | null;
  cmd: string;
}

/**
 * Everything a Dockerfile template needs, decided by plan(). Templates only lay it out: every
 * key is always present (null or false when unused) so strict rendering catches typos.
 */
export interface DockerfileModel {
  template: string;
  syntax: string | null;
  header: string[];
  /** The function's architecture, which the build stage checks against TARGETARCH. */
  guard: { arch: Arch; docker: 'amd64' | 'arm64'; platform: string };
  /** Stages that only hold a runtime to copy (FROM node:22-bookworm-slim AS node-runtime). */
  runtimeStages: { name: string; from: string; comment: string[] }[];
  build: StageModel;
  final: FinalStageModel;
  /** Language-specific values: install commands, file lists, paths. */
  lang: Record<string, unknown>;
}

/** What Lambda's ImageConfig would need to reproduce the image's settings. */
export interface ImageSettings {
  entryPoint: string[];
  command: string[];
  workingDirectory: string;
}

export interface ImagePlan {
  options: Options;
  language: Language;
  kind: BaseKind;
  arch: Arch;
  dockerfile: DockerfileModel;
  /** Extra files the generator owns besides Dockerfile and .dockerignore (entry scripts). */
  ownedFiles: { path: string; template: string; mode?: number; data: Record<string, unknown> }[];
  dockerignore: string[];
  settings: ImageSettings;
  /** Facts about the existing folder that changed the plan (e.g. no lockfile). */
  warnings: string[];
  /** The Dockerfile uses BuildKit-only features (TARGETARCH, $BUILDPLATFORM, cache mounts). */
  needsBuildKit: boolean;
}

export interface KindPlan {
  template: string;
  build: StageModel;
  final: FinalStageModel;
  lang: Record<string, unknown>;
  dockerignore: string[];
  warnings: string[];
  needsBuildKit: boolean;
  entryPoint: string[];
  workingDirectory: string;
}
