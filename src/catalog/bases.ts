/**
 * Recognises base images for the linter (and the generator's guesses about unknown images):
 * AWS Lambda images through the catalog, also behind a registry mirror or pull-through cache and
 * with `-x86_64`/`-arm64` or dated tag suffixes; the repositories images.ts knows with its
 * answer; any other image by what its name and tag suggest.
 */
import { AWS_RUNTIMES, OS_ONLY_BASES } from './index';
import type { Arch, AwsRuntime, FamilyId, OsOnlyBase } from './index';
import { parseImageRef, type ImageRef } from './image-ref';
import { LAMBDA } from './lambda';
import { lambdaImageLanguage, recogniseImage, type ImageFacts } from './images';

export { parseImageRef, type ImageRef };


export interface RecognisedBase {
  kind: 'aws-runtime' | 'os-only' | 'other';
  /** The catalog record, when the tag is one the catalog knows. */
  record?: AwsRuntime | OsOnlyBase;
  /** The OS family, when known (package manager and missing tools via FAMILIES). */
  family?: FamilyId;
  /** An AL2023 minimal image (microdnf, no yum, no findutils/tar/...). */
  minimal?: boolean;
  /** AWS images: the language (`python`, ...) or `provided`. */
  language?: string;
  /** Architecture pinned by a `-x86_64` / `-arm64` tag suffix. */
  arch?: Arch;
  /** Other RPM-based distributions (dnf/yum/microdnf are all plausible). */
  rpm?: boolean;
  windows?: boolean;
  scratch?: boolean;
  ref: ImageRef;
}


const AWS_LANGUAGES = new Set(['python', 'nodejs', 'java', 'dotnet', 'ruby', 'go', 'provided']);

const recognised = new Map<string, RecognisedBase>();

/**
 * `mirrors` are registry prefixes that stand in for public.ecr.aws (`--registry-mirror`, the
 * team config's registryMirror): an image under one is recognised as the image it mirrors.
 */
export function recogniseBase(reference: string, mirrors: readonly string[] = []): RecognisedBase {
  const mirror = mirrors.map((m) => m.replace(/\/+$/, '')).find((m) => m && reference.toLowerCase().startsWith(`${m.toLowerCase()}/`));
  if (mirror) reference = `${LAMBDA.registry}/${reference.slice(mirror.length + 1)}`;
  let found = recognised.get(reference);
  if (!found) {
    found = recognise(reference);
    if (recognised.size > 500) recognised.clear(); // a small cache: rules ask about the same few images
    recognised.set(reference, found);
  }
  return found;
}

function recognise(reference: string): RecognisedBase {
  const ref = parseImageRef(reference);
  const path = ref.path.toLowerCase();
  if (path === 'scratch' && !ref.registry) return { kind: 'other', scratch: true, ref };
  const language = lambdaImageLanguage(path);
  if (language && AWS_LANGUAGES.has(language)) return recogniseAws(language, ref);
  return recogniseOther(ref, knownImage(reference, ref));
}

/**
 * What images.ts knows about the reference's repository; a copy under another registry or
 * namespace (a mirror, an organisation's copy) is taken for the repository its name ends in.
 */
function knownImage(reference: string, ref: ImageRef): ImageFacts | undefined {
  const known = (facts: ImageFacts) => (facts.wellKnown || facts.language ? facts : undefined);
  const facts = known(recogniseImage(reference));
  if (facts || !ref.path.includes('/')) return facts;
  const name = ref.path.slice(ref.path.lastIndexOf('/') + 1);
  return known(recogniseImage(ref.tag ? `${name}:${ref.tag}` : name));
}

function recogniseAws(language: string, ref: ImageRef): RecognisedBase {
  let tag = ref.tag ?? '';
  let arch: Arch | undefined;
  const suffix = /-(x86_64|arm64)$/.exec(tag);
  if (suffix) {
    arch = suffix[1] as Arch;
    tag = tag.slice(0, -suffix[0].length);
  }
  const base = { language, ref, ...(arch ? { arch } : {}) };
  // AWS also publishes dated tags such as 3.12.2024.11.22.14.
  const matches = (t: string): boolean => tag === t || new RegExp(`^${t.replace(/\./g, '\\.')}\\.\\d{4}\\.`).test(tag);
  if (language === 'provided') {
    const record = OS_ONLY_BASES.find((b) => matches(b.tag));
    if (record) return { kind: 'os-only', record, family: record.os, minimal: record.os === 'al2023', ...base };
    // Untagged/latest has pointed at AL2023 since late 2023.
    if (tag === '' || tag === 'latest') return { kind: 'os-only', family: 'al2023', minimal: true, ...base };
    return { kind: 'os-only', ...base };
  }
  const record = AWS_RUNTIMES.filter((r) => r.language === language && matches(r.tag))
    .sort((a, b) => b.tag.length - a.tag.length)[0];
  if (record) return { kind: 'aws-runtime', record, family: record.os, minimal: record.os === 'al2023', ...base };
  return { kind: 'aws-runtime', ...base };
}

const DEBIAN_TAGS = /(^|[-.])(bookworm|bullseye|buster|stretch|trixie|forky|slim|debian)([-.]|$)/;
const UBUNTU_TAGS = /(^|[-.])(jammy|noble|focal|bionic|xenial|ubuntu)([-.]|$)/;
/** Other official images (not language images of images.ts) whose default variants are Debian-based. */
const DEBIAN_DEFAULT = new Set(['golang', 'rust', 'php', 'perl', 'openjdk', 'buildpack-deps', 'gcc', 'haskell', 'elixir', 'erlang', 'julia', 'r-base', 'swift', 'clojure', 'maven', 'gradle']);
/** Other official images whose default variants are Ubuntu-based. */
const UBUNTU_DEFAULT = new Set(['ibm-semeru-runtimes', 'sapmachine']);
const RPM_IMAGES = /(^|\/)(fedora|centos|rockylinux|almalinux|oraclelinux|ubi\d*(-minimal|-micro)?|ubi|rhel\d*|amzn)$/;

function recogniseOther(ref: ImageRef, known: ImageFacts | undefined): RecognisedBase {
  const path = ref.path.toLowerCase();
  const name = path.slice(path.lastIndexOf('/') + 1);
  const tag = (ref.tag ?? '').toLowerCase();
  const base: RecognisedBase = { kind: 'other', ref };
  if (/(^|\/)windows(\/|$)|servercore|nanoserver|windowsservercore/.test(path) || /(^|-)(windowsservercore|nanoserver|ltsc\d{4})/.test(tag)) {
    return { ...base, windows: true };
  }
  // A repository images.ts knows (official language images, bare OS images): its answer stands.
  if (known?.family) {
    return { ...base, family: known.family, ...(name === 'amazonlinux' && known.family === 'al2023' ? { minimal: tag.includes('minimal') } : {}) };
  }
  if (name === 'alpine' || /(^|[-.])alpine/.test(tag)) return { ...base, family: 'alpine' };
  // Amazon Linux variants of other images say so in the tag (maven:3.9-amazoncorretto-21-al2023);
  // gradle's corretto images are built on AL2023.
  if (/(^|[-_.])al2023([-_.]|$)/.test(tag)) return { ...base, family: 'al2023' };
  if (/(^|[-_.])al2([-_.]|$)/.test(tag)) return { ...base, family: 'al2' };
  if (name === 'gradle' && /(^|-)corretto(-|$)/.test(tag)) return { ...base, family: 'al2023' };
  // amazonlinux untagged or latest has been AL2023 since 2023.
  if (name === 'amazonlinux') return { ...base, family: 'al2023' };
  if (name === 'debian' || DEBIAN_TAGS.test(tag)) return { ...base, family: 'debian' };
  if (name === 'ubuntu' || UBUNTU_TAGS.test(tag)) return { ...base, family: 'ubuntu' };
  if (RPM_IMAGES.test(path)) return { ...base, rpm: true };
  if (DEBIAN_DEFAULT.has(name) && !/(windows|nanoserver|servercore)/.test(tag)) return { ...base, family: 'debian' };
  if (UBUNTU_DEFAULT.has(name)) return { ...base, family: 'ubuntu' };
  return base;
}

/** A short name for messages: `lambda/python:3.13` or the image path. */
export function describeBase(b: RecognisedBase): string {
  if (b.kind === 'other') return b.ref.path;
  return `lambda/${b.language}:${b.ref.tag ?? '(untagged)'}`;
}
