import { LAMBDA } from '../catalog';
import { UsageError } from '../shared/errors';
import type { Arch } from './docker';
import { MEMORY_MAX_MB, MEMORY_MIN_MB, TIMEOUT_MAX_S, TMP_DEFAULT_MB, TMP_MAX_MB, TMP_MIN_MB } from './facts';

export interface VerifyArgs {
  /** Image reference; optional with --build (a tag is then generated). */
  image?: string;
  /** Event file ('-' = stdin); default event is {}. */
  event?: string;
  build?: string;
  arch: Arch;
  timeoutS: number;
  memoryMb: number;
  tmpMb: number;
  json: boolean;
  help: boolean;
}

export const verifyHelp = `Usage: create-lambda-image verify IMAGE [options]
       create-lambda-image verify --build DIR [IMAGE] [options]

Runs a container image the way Lambda would (read-only root, /tmp separate from memory, uid
${LAMBDA.user.uid}, no capabilities, memory limit and a CPU share proportional to it, Lambda's environment,
10 s init limit then init re-run within the timeout) against a built-in Runtime API on the
engine's bridge network, sends one event and prints the answer with a REPORT line like Lambda's.
ENTRYPOINT advice from the docs (symlink, CMD only, relative path) is reported; the image is
still run, as Lambda would run it.

Options:
  --event FILE    event JSON to send (- reads stdin; default {}; at most 6 MB, a regular file)
  --build DIR     build DIR first (tagged IMAGE, or a generated tag)
  --arch ARCH     x86_64 (default) or arm64; the image must match
  --timeout S     function timeout in seconds, 1-900 (default 3)
  --memory MB     memory in MB, 128-10240 (default 128)
  --tmp-size MB   /tmp size in MB, 512-10240 (default 512)
  --json          print one JSON object instead of text
  -h, --help      show this help

Exit codes: 0 the function answered within every limit; 1 function error, init error,
timeout, runtime exit, a limit exceeded, or an image Lambda would not run (OS, architecture);
2 the image cannot be inspected, built or run (no engine, no such image, bad arguments).

Engine: CREATE_LAMBDA_IMAGE_DOCKER, else docker on PATH, else podman.`;

const VALUE_FLAGS = ['--event', '--build', '--arch', '--timeout', '--memory', '--tmp-size'] as const;
const BOOL_FLAGS = ['--json', '--help', '-h'] as const;
const VALID = `valid flags: ${[...VALUE_FLAGS, ...BOOL_FLAGS].join(', ')}`;

/** Small and strict: unknown flags, repeated flags, missing values and extra words are errors. */
export function parseVerifyArgs(argv: string[]): VerifyArgs {
  const values = new Map<string, string>();
  const positional: string[] = [];
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw new UsageError(`unknown flag ${name} for verify; ${VALID}`);
      if (values.has(name)) throw new UsageError(`${name} given twice`);
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else positional.push(arg);
  }
  if (help) return { arch: 'x86_64', timeoutS: 3, memoryMb: MEMORY_MIN_MB, tmpMb: TMP_DEFAULT_MB, json, help };
  if (positional.length > 1) throw new UsageError(`verify takes one IMAGE, got ${positional.length}: ${positional.join(' ')}`);
  const image = positional[0];
  const build = values.get('--build');
  if (!image && !build) throw new UsageError('verify needs an IMAGE (or --build DIR)');

  const arch = values.get('--arch') ?? 'x86_64';
  if (arch !== 'x86_64' && arch !== 'arm64') throw new UsageError(`--arch must be x86_64 or arm64, got ${arch}`);
  const timeoutS = intIn(values.get('--timeout'), '--timeout', 3, 1, TIMEOUT_MAX_S); // Lambda's ranges
  const memoryMb = intIn(values.get('--memory'), '--memory', MEMORY_MIN_MB, MEMORY_MIN_MB, MEMORY_MAX_MB);
  const tmpMb = intIn(values.get('--tmp-size'), '--tmp-size', TMP_DEFAULT_MB, TMP_MIN_MB, TMP_MAX_MB);
  const event = values.get('--event');
  return { ...(image ? { image } : {}), ...(event ? { event } : {}), ...(build ? { build } : {}), arch, timeoutS, memoryMb, tmpMb, json, help };
}

function intIn(raw: string | undefined, flag: string, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  if (!/^\d+$/.test(raw)) throw new UsageError(`${flag} must be a whole number, got ${raw}`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max}, got ${raw}`);
  return n;
}
