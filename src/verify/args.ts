import { LAMBDA } from '../catalog';
import { UsageError } from '../shared/errors';
import { parseCommandArgs, withDefaults, type FlagSpec } from '../shared/args';
import { commandHelp } from '../shared/help';
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

/** verify's flags, read by the one parser and listed in its help. */
export const VERIFY_SPECS: readonly FlagSpec[] = [
  { key: 'event', flag: 'event', type: 'string', valueName: 'file', description: 'event JSON to send (- reads stdin; default {}; at most 6 MB, a regular file)' },
  { key: 'build', flag: 'build', type: 'string', valueName: 'dir', description: 'build DIR first (tagged IMAGE, or a generated tag)' },
  { key: 'arch', flag: 'arch', type: 'string', choices: ['x86_64', 'arm64'], default: 'x86_64', description: 'the architecture the image must match' },
  // Lambda's ranges: timeout up to 900 s, memory 128-10240 MB, ephemeral storage 512-10240 MB.
  { key: 'timeout', flag: 'timeout', type: 'integer', valueName: 's', min: 1, max: TIMEOUT_MAX_S, default: 3, description: 'function timeout in seconds' },
  { key: 'memory', flag: 'memory', type: 'integer', valueName: 'mb', min: MEMORY_MIN_MB, max: MEMORY_MAX_MB, default: MEMORY_MIN_MB, description: 'memory in MB' },
  { key: 'tmpSize', flag: 'tmp-size', type: 'integer', valueName: 'mb', min: TMP_MIN_MB, max: TMP_MAX_MB, default: TMP_DEFAULT_MB, description: '/tmp size in MB' },
  { key: 'json', flag: 'json', type: 'boolean', default: false, description: 'print one JSON object instead of text' },
];

export const verifyHelp = commandHelp({
  usage: ['Usage: create-lambda-image verify IMAGE [options]', '       create-lambda-image verify --build DIR [IMAGE] [options]'],
  about: [
    `Runs a container image the way Lambda would (read-only root, /tmp separate from memory, uid
${LAMBDA.user.uid}, no capabilities, memory limit and a CPU share proportional to it, Lambda's environment,
10 s init limit then init re-run within the timeout) against a built-in Runtime API on the
engine's bridge network, sends one event and prints the answer with a REPORT line like Lambda's.
ENTRYPOINT advice from the docs (symlink, CMD only, relative path) is reported; the image is
still run, as Lambda would run it.`,
  ],
  specs: VERIFY_SPECS,
  notes: [
    `Exit codes: 0 the function answered within every limit; 1 function error, init error,
timeout, runtime exit, a limit exceeded, or an image Lambda would not run (OS, architecture);
2 the image cannot be inspected, built or run (no engine, no such image, bad arguments).`,
    'Engine: CREATE_LAMBDA_IMAGE_DOCKER, else docker on PATH, else podman.',
  ],
}).trimEnd();

/** Strict: unknown flags, repeated flags, missing values, values out of range and extra words are errors. */
export function parseVerifyArgs(argv: string[]): VerifyArgs {
  const parsed = parseCommandArgs(argv, VERIFY_SPECS, { command: 'verify' });
  const { positionals: positional, help } = parsed;
  const values = withDefaults(parsed.values, VERIFY_SPECS);
  const json = values.json === true;
  const arch = values.arch as Arch;
  const timeoutS = values.timeout as number;
  const memoryMb = values.memory as number;
  const tmpMb = values.tmpSize as number;
  if (help) return { arch, timeoutS, memoryMb, tmpMb, json, help };
  if (positional.length > 1) throw new UsageError(`verify takes one IMAGE, got ${positional.length}: ${positional.join(' ')}`);
  const image = positional[0];
  const build = values.build as string | undefined;
  if (!image && !build) throw new UsageError('verify needs an IMAGE (or --build DIR)');
  const event = values.event as string | undefined;
  return { ...(image ? { image } : {}), ...(event ? { event } : {}), ...(build ? { build } : {}), arch, timeoutS, memoryMb, tmpMb, json, help };
}
