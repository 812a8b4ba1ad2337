import { ruleTable, ruleTester } from '../helpers';

ruleTable('LAM002', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCMD app.handler', level: 'error', line: 2, lines: [2] },
    { text: 'FROM python:3.12\nENTRYPOINT python -m awslambdaric\nCMD ["app.handler"]', level: 'error', lines: [2] },
    // A binary that needs no handler runs from a shell-form ENTRYPOINT: a note.
    { text: 'FROM golang:1.23 AS b\nFROM public.ecr.aws/lambda/provided:al2023\nENTRYPOINT /var/task/bootstrap', level: 'info', lines: [3] },
    // A runtime interface client without its handler argument: a warning.
    { text: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0\nENTRYPOINT /usr/local/bin/python -m awslambdaric', level: 'warning', lines: [3] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13 AS base\nCMD app.handler\nFROM base', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM python:3.12 AS build\nCMD echo build-only\nFROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD echo old\nCMD ["app.handler"]',
  ],
});

ruleTester('LAM002', {
  invalid: [
    // With /lambda-entrypoint.sh, shell-form CMD is three words: error.
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}\nCMD app.handler', errors: [{ line: 3, level: 'error' }] },
    // An exec-form client gets "/bin/sh" as its handler: error.
    { text: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]\nCMD app.handler', errors: [{ line: 4, level: 'error' }] },
    // No entry point on another base: the shell runs the command; only info.
    { text: 'FROM node:22-slim\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/lambda-adapter\nCMD npm start', errors: [{ line: 3, level: 'info' }] },
    // Variables in exec form are not expanded.
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY bootstrap /var/runtime/bootstrap\nENTRYPOINT ["${LAMBDA_RUNTIME_DIR}/bootstrap"]', errors: [{ line: 3, level: 'error' }] },
    { text: 'FROM node:22-slim\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/lambda-adapter\nENV PORT=8080\nCMD ["node", "server.js", "--port", "$PORT"]', errors: [{ line: 4, level: 'warning' }] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV HANDLER=app.handler\nCMD ["$HANDLER"]', errors: [{ line: 3, level: 'error' }] },
  ],
  valid: [
    // `exec` hands the process over: nothing to say.
    'FROM python:3.12-slim\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/lambda-adapter\nCMD exec uvicorn --port=$PORT main:app',
    // A shell in exec form expands its own script.
    'FROM node:22-slim\nCMD ["/bin/sh", "-c", "exec node server.js --port $PORT"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
  ],
});
