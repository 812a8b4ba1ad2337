import { ACCOUNT_RE, DIGEST_RE, REGION_RE } from '../catalog/deploy';

/**
 * Grammars for every value that lands in a generated file. A value that could break out of its
 * instruction (a newline, a quote, a `$`, a backslash) never matches, so it is refused before
 * anything is rendered.
 */

/** Printable, no quotes, backslash, `$`, backtick or control characters. */
const SAFE_TEXT = /^[^\u0000-\u001f\u007f"'`\\$]*$/;

/** Docker image reference: [registry[:port]/]path[:tag][@sha256:digest]. */
const IMAGE_REF =
  /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** OS package, optionally pinned: name, name-1.2 (dnf/yum), name=1.2-3 (apt-get, apk). */
const PACKAGE = /^[A-Za-z0-9][A-Za-z0-9._+-]*(?:=[A-Za-z0-9._+:~-]+)?$/;

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** OCI label keys: reverse-DNS style lower-case words. */
const LABEL_KEY = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;

/** Registry prefix for mirrors: host[:port][/path]. */
const REGISTRY_PREFIX =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

export function isSafeText(value: string): boolean {
  return SAFE_TEXT.test(value);
}

export function isImageRef(value: string): boolean {
  return value.length <= 512 && IMAGE_REF.test(value);
}

export function isPackageName(value: string): boolean {
  return value.length <= 128 && PACKAGE.test(value);
}

export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

export function isLabelKey(value: string): boolean {
  return value.length <= 128 && LABEL_KEY.test(value);
}

export function isRegistryPrefix(value: string): boolean {
  return value.length <= 256 && REGISTRY_PREFIX.test(value);
}

/** Label values are written inside double quotes: refuse what could end the quote or the line. */
export function isLabelValue(value: string): boolean {
  return value.length <= 1024 && SAFE_TEXT.test(value);
}

/** A folder name or relative path that is safe to print in next steps and to create. */
export function isSafePath(value: string): boolean {
  return value.length > 0 && value.length <= 1024 && /^[^\u0000-\u001f\u007f"'`$\\;&|<>*?]*$/.test(value);
}

/**
 * The project's name as it lands in package.json, pom.xml, settings.gradle, the ECR repository
 * (lower-cased) and the Lambda function: Lambda allows 1-64 letters, digits, - and _; ECR wants
 * 2-256 letters and digits separated by single separators; npm refuses a leading _ or -.
 */
export const PROJECT_NAME_RE = '^(?=.{2,64}$)[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$';
const PROJECT_NAME = new RegExp(PROJECT_NAME_RE);

export function isProjectName(value: string): boolean {
  return PROJECT_NAME.test(value);
}

/**
 * The project's name from the folder name, made into one that npm, Maven, Gradle, ECR and
 * Lambda all accept (see isProjectName): lower-case letters and digits separated by single - or
 * _, at most 64 characters. Any folder name gives a valid name, so none is refused.
 */
export function projectName(dir: string | undefined): string {
  const base = (dir ?? '').split(/[\\/]/).filter(Boolean).pop() ?? '';
  const clean = base
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/[_-]{2,}/g, (run) => run[0]!)
    .replace(/^[_-]+/, '')
    .slice(0, 64)
    .replace(/[_-]+$/, '');
  // ECR wants at least two characters.
  return clean.length > 1 ? clean : clean ? `${clean}-function` : 'my-function';
}

/**
 * Grammars by name, as regular-expression source with the words an error shows for each: the
 * config file's JSON Schema uses the pattern, resolve the same pattern and words. A test keeps
 * them in agreement with the checks above.
 */
export const PATTERNS = {
  digest: { pattern: DIGEST_RE, text: 'a sha256:<64 hex> digest' },
  labelKey: { pattern: '^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$', text: 'a label key (lower-case letters, digits, . _ -)' },
  packageName: { pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*(?:=[A-Za-z0-9._+:~-]+)?$', text: 'a package name (letters, digits, . _ + -, optionally =version)' },
  account: { pattern: ACCOUNT_RE, text: 'an AWS account id (12 digits)' },
  region: { pattern: REGION_RE, text: 'a Region name like us-east-1' },
  functionName: {
    pattern: PROJECT_NAME_RE,
    text: 'a function name; use 2-64 letters and digits, separated by single - or _ (a name Lambda, ECR and npm all accept)',
  },
  packageManager: {
    pattern: '^(?:npm|(?:pnpm|yarn)(?:@[0-9]{1,6}\\.[0-9]{1,6}\\.[0-9]{1,6}(?:-[0-9A-Za-z]{1,20}(?:\\.[0-9A-Za-z]{1,20}){0,4})?)?)$',
    text: 'npm, pnpm or yarn, optionally with an exact version (pnpm@9.15.4, yarn@1.22.22)',
  },
  ruleId: { pattern: '^(?:DL|SC|LAM)[0-9]+$', text: 'a rule id such as DL3008, SC2086 or LAM001' },
} as const;

export type PatternName = keyof typeof PATTERNS;

/** The words for a pattern, looked up by the pattern ajv reports. */
export function patternText(pattern: string): string | undefined {
  return Object.values(PATTERNS).find((p) => p.pattern === pattern)?.text;
}
