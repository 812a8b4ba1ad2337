import type { SourceId } from './sources';

/*
 * Lambda's own paths and identities, as the AWS base images and the execution environment define
 * them. Planners, lint rules, verify and list read them from here; nothing else spells them out.
 */
export const LAMBDA = {
  /** The registry of the AWS base images (public.ecr.aws/lambda/<language>); --registry-mirror replaces it. */
  registry: 'public.ecr.aws',
  /** The repository folder of the AWS base images in that registry. */
  imagePath: 'lambda',
  /** LAMBDA_TASK_ROOT: the function's code, and the working directory of the AWS base images. */
  taskRoot: '/var/task',
  /** LAMBDA_RUNTIME_DIR: the runtime (or a custom runtime's bootstrap) lives here. */
  runtimeDir: '/var/runtime',
  /** The bootstrap an OS-only base's entry script runs when AWS_LAMBDA_RUNTIME_API is set. */
  bootstrap: '/var/runtime/bootstrap',
  /** The AWS base images' ENTRYPOINT: it takes the handler (CMD) as its one argument. */
  entryScript: '/lambda-entrypoint.sh',
  /** Where the AWS base images keep the language (node, python, java…). */
  langDir: '/var/lang',
  /** Layers and extensions are unpacked here; extensions run from /opt/extensions. */
  optDir: '/opt',
  extensionsDir: '/opt/extensions',
  /** The only writable path at run time. */
  tmpDir: '/tmp',
  /** The uid:gid a container image's process runs as (sbx_user1051 in the base images). */
  user: { uid: 993, gid: 990 },
  sources: ['images-create', 'base-images-repo'] as SourceId[],
} as const;

/** The uid:gid as `docker run --user` takes it. */
export const LAMBDA_USER = `${LAMBDA.user.uid}:${LAMBDA.user.gid}`;

/**
 * Variables Lambda defines itself at run time (the reserved ones of "Defined runtime environment
 * variables", and the X-Ray ones it sets for every function): an image's value is overridden.
 */
export const LAMBDA_RESERVED_ENV = {
  names: [
    'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
    'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE',
    'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_LAMBDA_RUNTIME_API', '_HANDLER',
    '_X_AMZN_TRACE_ID', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
    'AWS_XRAY_CONTEXT_MISSING', 'AWS_XRAY_DAEMON_ADDRESS', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
  ] as readonly string[],
  sources: ['lambda-envvars'] as SourceId[],
};

/** Environment variables whose values Lambda sets itself, whatever the image says. */
export const LAMBDA_RESERVED_PATHS: Record<string, string> = {
  LAMBDA_TASK_ROOT: LAMBDA.taskRoot,
  LAMBDA_RUNTIME_DIR: LAMBDA.runtimeDir,
};
