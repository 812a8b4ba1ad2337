#!/bin/sh
# /lambda-entrypoint.sh of the CI stand-ins for AWS's Lambda base images. Same contract as the
# real one: the handler (CMD) is the only argument and goes to the runtime as _HANDLER; with
# AWS_LAMBDA_RUNTIME_API set, /var/runtime/bootstrap runs against it. Without it the real image
# starts the Runtime Interface Emulator, which a stand-in does not have.
if [ "$#" -ne 1 ]; then
  echo "entrypoint requires the handler name to be the first argument" >&2
  exit 142
fi
export _HANDLER="$1"

RUNTIME_ENTRYPOINT=/var/runtime/bootstrap
if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
  echo "lambda-entrypoint.sh: AWS_LAMBDA_RUNTIME_API is not set, and this CI stand-in has no Runtime Interface Emulator (the real image starts /usr/local/bin/aws-lambda-rie here); run it against a Runtime API, e.g. with create-lambda-image verify" >&2
  exit 1
fi
if [ ! -x "$RUNTIME_ENTRYPOINT" ]; then
  echo "lambda-entrypoint.sh: $RUNTIME_ENTRYPOINT is missing or not executable" >&2
  exit 1
fi
exec "$RUNTIME_ENTRYPOINT"
