/**
 * The Lambda behaviour `verify` reproduces, one constant per fact, each naming the page it was
 * checked against (VERIFY_SOURCES). Change a limit here and the sandbox, the emulator and the
 * report all follow.
 */

export const VERIFY_SOURCES = {
  runtimeApi: 'https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html',
  rie: 'https://github.com/aws/aws-lambda-runtime-interface-emulator',
  envVars: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html',
  ephemeralStorage: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html',
  ephemeralStorageApi: 'https://docs.aws.amazon.com/lambda/latest/api/API_EphemeralStorage.html',
  memory: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html',
  lifecycle: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html',
  streaming: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html',
  quotas: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html',
  imagesCreate: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html',
  troubleshootingImages: 'https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-images.html',
  monitoring: 'https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html',
} as const;

/** Buffered invoke request and response payloads: 6 MB, i.e. 6 MiB (quotas; the RIE uses 6 * 1024 * 1024). */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Streamed responses may reach 200 MB (streaming page, raised from 20 MB in July 2025). */
export const MAX_STREAMED_RESPONSE_BYTES = 200 * 1024 * 1024;
/** The init phase is limited to 10 s; after that Lambda re-runs init within the function timeout (lifecycle, "Init phase"). */
export const INIT_LIMIT_MS = 10_000;
/** /tmp: 512 MB by default, any whole number of MB from 512 to 10,240 (ephemeralStorageApi). */
export const TMP_DEFAULT_MB = 512;
export const TMP_MIN_MB = 512;
export const TMP_MAX_MB = 10_240;
/** Memory: 128 to 10,240 MB; at 1,769 MB a function has the equivalent of one vCPU (memory). */
export const MEMORY_MIN_MB = 128;
export const MEMORY_MAX_MB = 10_240;
export const MB_PER_VCPU = 1769;
/** Timeout: 1 to 900 seconds (quotas). */
export const TIMEOUT_MAX_S = 900;

/** CPU share for a memory size, as Lambda scales it: memory / 1,769 MB vCPUs. */
export function cpusFor(memoryMb: number): number {
  return Math.round((memoryMb / MB_PER_VCPU) * 100) / 100;
}

export interface EnvFact {
  /** Where the value comes from; a URL in VERIFY_SOURCES. */
  source: string;
  /** Why a value differs from the real one, when it must. */
  note?: string;
}

/**
 * Variables Lambda defines for every function (envVars, "Defined runtime environment variables"),
 * with the value `verify` gives each. AWS_EXECUTION_ENV is left out: it names a managed runtime and
 * the page documents it as absent for OS-only runtimes, which is what a container image is.
 */
export const LAMBDA_ENV_FACTS: Record<string, EnvFact> = {
  _HANDLER: { source: VERIFY_SOURCES.envVars, note: "the image's CMD, which is the handler setting of an image function" },
  AWS_REGION: { source: VERIFY_SOURCES.envVars },
  AWS_DEFAULT_REGION: { source: VERIFY_SOURCES.envVars },
  AWS_LAMBDA_FUNCTION_NAME: { source: VERIFY_SOURCES.envVars },
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE: { source: VERIFY_SOURCES.envVars },
  AWS_LAMBDA_FUNCTION_VERSION: { source: VERIFY_SOURCES.envVars },
  AWS_LAMBDA_INITIALIZATION_TYPE: { source: VERIFY_SOURCES.envVars },
  AWS_LAMBDA_LOG_GROUP_NAME: { source: VERIFY_SOURCES.envVars },
  AWS_LAMBDA_LOG_STREAM_NAME: { source: VERIFY_SOURCES.envVars },
  AWS_ACCESS_KEY_ID: { source: VERIFY_SOURCES.envVars, note: 'a fake key, so an SDK call fails instead of using your identity' },
  AWS_SECRET_ACCESS_KEY: { source: VERIFY_SOURCES.envVars, note: 'fake' },
  AWS_SESSION_TOKEN: { source: VERIFY_SOURCES.envVars, note: 'fake' },
  AWS_LAMBDA_RUNTIME_API: { source: VERIFY_SOURCES.envVars, note: "the emulator's address, not 127.0.0.1:9001" },
  LAMBDA_TASK_ROOT: { source: VERIFY_SOURCES.envVars },
  LAMBDA_RUNTIME_DIR: { source: VERIFY_SOURCES.envVars },
  TZ: { source: VERIFY_SOURCES.envVars },
  LANG: { source: VERIFY_SOURCES.envVars, note: 'unreserved: an ENV in the image wins' },
  AWS_XRAY_CONTEXT_MISSING: { source: VERIFY_SOURCES.envVars },
  AWS_XRAY_DAEMON_ADDRESS: { source: VERIFY_SOURCES.envVars, note: 'no daemon listens there' },
  _AWS_XRAY_DAEMON_ADDRESS: { source: VERIFY_SOURCES.envVars },
  _AWS_XRAY_DAEMON_PORT: { source: VERIFY_SOURCES.envVars },
};

/** Findings about ENTRYPOINT, worded after the docs, with the page that says so. */
export const ENTRYPOINT_ADVICE = {
  source: VERIFY_SOURCES.troubleshootingImages,
  symlink:
    'the Lambda docs advise an ENTRYPOINT that is an absolute path to the real file, not a symlink (Runtime.InvalidEntrypoint troubleshooting); Lambda may still run it, so it is run here',
  cmdOnly:
    'the image has CMD but no ENTRYPOINT: Lambda runs CMD as the command, but the docs ask for an exec-form ENTRYPOINT with an absolute path',
  relative: 'the Lambda docs ask for an absolute ENTRYPOINT path; a relative one resolves against WORKDIR',
} as const;
