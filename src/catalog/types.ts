import type { SourceId } from './sources';

export type Language = 'nodejs' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'rust' | 'custom';
export type OsId = 'al2023' | 'al2';
export type FamilyId = 'al2023' | 'al2' | 'debian' | 'ubuntu' | 'alpine';
export type PackageManager = 'dnf' | 'yum' | 'apt-get' | 'apk';
export type Arch = 'x86_64' | 'arm64';

/** Lambda's deprecation schedule for a runtime (ISO dates, phase 1 = deprecation). */
export interface Schedule {
  deprecation: string;
  blockCreate?: string;
  blockUpdate?: string;
}

/** An AWS base image for a language runtime (`public.ecr.aws/lambda/<lang>:<tag>`). */
export interface AwsRuntime extends Schedule {
  kind: 'aws-runtime';
  /** Our id, used by --runtime: nodejs24, python3.13, java8.al2, dotnet10, ruby3.4. */
  id: string;
  /** Lambda's own identifier, accepted as an alias: nodejs24.x, python3.13, java8.al2. */
  lambdaId: string;
  language: Exclude<Language, 'go' | 'rust' | 'custom'>;
  /** The language version this image runs (24, 3.13, 21, 8, 10, 3.4). */
  languageVersion: string;
  image: string;
  tag: string;
  os: OsId;
  /** False while no AWS document confirms the tag (it was seen only in third-party use). */
  tagConfirmed: boolean;
  sources: SourceId[];
}

/** An OS-only AWS base image (`public.ecr.aws/lambda/provided:<tag>`). */
export interface OsOnlyBase extends Schedule {
  kind: 'os-only';
  id: OsId;
  lambdaId: string;
  image: string;
  tag: string;
  os: OsId;
  sources: SourceId[];
}

/** How an operating-system family installs packages, and what its minimal images lack. */
export interface Family {
  kind: 'family';
  id: FamilyId;
  title: string;
  packageManager: PackageManager;
  /** Commands absent from the family's minimal images; a build stage must install them first. */
  missingTools: { command: string; package: string }[];
  sources: SourceId[];
}

/** A handler grammar: what CMD must look like for a runtime. */
export interface HandlerFormat {
  description: string;
  pattern: RegExp;
  example: string;
}
