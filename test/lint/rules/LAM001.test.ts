import { ruleTable, ruleTester } from '../helpers';

ruleTable('LAM001', {
  catches: [
    // Non-AWS base, no runtime interface client.
    { text: 'FROM python:3.12-slim\nCOPY app.py /function/\nCMD ["python", "/function/app.py"]', line: 3, level: 'error', lines: [3] },
    // provided base with its default ENTRYPOINT but no bootstrap.
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY main /var/task/main\nCMD ["main"]', level: 'error', lines: [3] },
    // A RIC named but never installed.
    { text: 'FROM node:22-bookworm-slim\nCOPY index.js /function/\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]', level: 'warning', lines: [3] },
    // An empty ENTRYPOINT on an AWS base: CMD becomes the program.
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENTRYPOINT []\nCMD ["app.handler"]', line: 2, lines: [2] },
    // Replacing the AWS entry point with the interpreter.
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENTRYPOINT ["/var/lang/bin/python", "app.py"]', lines: [2] },
    // Go binary copied from the build stage: assumed to embed the client (info).
    { text: 'FROM golang:1.23 AS build\nRUN go build -o /out/main .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /out/main /main\nENTRYPOINT ["/main"]', level: 'info', line: 5, lines: [5] },
    { text: 'FROM rust:1.82 AS build\nRUN cargo build --release\nFROM scratch\nCOPY --from=build /src/target/release/fn /fn\nENTRYPOINT ["/fn"]', level: 'info', lines: [5] },
    { text: 'FROM alpine:3.20\nENTRYPOINT ["/usr/bin/python3", "-m", "http.server"]', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir --target /function awslambdaric\nCOPY app.py /function/\nWORKDIR /function\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=755 bootstrap ${LAMBDA_RUNTIME_DIR}/bootstrap\nCMD ["function.handler"]',
    // A bootstrap copied into the runtime folder by a RUN, under its own name.
    'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=php /opt /opt\nRUN cp /opt/bootstrap /var/runtime',
    'FROM public.ecr.aws/lambda/provided:al2023\nCOPY rt/ /opt/rt/\nRUN chmod 755 /opt/rt/bootstrap && mv /opt/rt/bootstrap ${LAMBDA_RUNTIME_DIR}/ && echo done',
    'FROM golang:1.23 AS build\nRUN go build -o /bootstrap .\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=build /bootstrap /var/runtime/bootstrap\nCMD ["bootstrap"]',
    'FROM node:22-bookworm-slim AS build\nRUN npm install aws-lambda-ric@3.3.0\nFROM node:22-bookworm-slim\nCOPY --from=build /function /function\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]',
    'FROM ruby:3.3\nRUN gem install aws_lambda_ric:3.0.0\nENTRYPOINT ["/usr/local/bin/aws_lambda_ric"]\nCMD ["app.App::Handler.process"]',
    'FROM eclipse-temurin:21\nCOPY target/function.jar /function/\nENTRYPOINT ["/opt/java/openjdk/bin/java", "-cp", "/function/*", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"]\nCMD ["example.Handler::handleRequest"]',
    // An entry script copied to an absolute path that ENTRYPOINT names.
    'FROM debian:12-slim\nCOPY entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=755 entry.sh /entry.sh\nENTRYPOINT ["/entry.sh"]\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/nodejs:22\nENTRYPOINT ["/lambda-entrypoint.sh"]\nCMD ["index.handler"]',
    'ARG BASE\nFROM ${BASE}\nCMD ["x"]',
  ],
});

ruleTable('LAM001', {
  catches: [],
  passes: [
    // The generator's image-base layout: an entry script built in a stage that starts awslambdaric.
    'FROM python:3.13-bookworm AS build\nRUN python3.13 -m pip install --no-cache-dir --target /asset awslambdaric==4.2.2\nCOPY lambda-entrypoint.sh /lambda-entrypoint.sh\nFROM python:3.13-slim-bookworm\nCOPY --from=build /asset/ /var/task/\nCOPY --from=build /lambda-entrypoint.sh /lambda-entrypoint.sh\nENTRYPOINT ["/lambda-entrypoint.sh"]\nCMD ["lambda_function.handler"]',
  ],
});

ruleTester('LAM001', {
  invalid: [
    // The emulator linked in place of /lambda-entrypoint.sh would run on Lambda.
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN ln -sf /usr/local/bin/aws-lambda-rie /lambda-entrypoint.sh\nCMD ["app.handler"]', errors: [{ line: 2, level: 'error' }] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY aws-lambda-rie /lambda-entrypoint.sh\nCMD ["app.handler"]', errors: [{ line: 2, level: 'error' }] },
    // A script of one's own in its place: no longer AWS's entry point.
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY --chmod=755 my-entry.sh /lambda-entrypoint.sh\nCMD ["index.handler"]', errors: [{ line: 2, level: 'warning' }] },
    // A known distribution has no client: an error at the CMD line.
    { text: 'FROM node:22-bookworm-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]', errors: [{ line: 4, level: 'error' }] },
    // An organisation's image may ship one: info, not error.
    { text: 'FROM registry.example.com/platform/python-base:3.12\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]', errors: [{ line: 3, level: 'info' }] },
    { text: 'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/base/node:22\nCMD ["node", "index.js"]', errors: [{ line: 2, level: 'info' }] },
    // The provided base starts /lambda-entrypoint.sh too: the emulator linked there would run on Lambda.
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY app /var/task/app\nRUN cp /opt/rie /usr/bin/aws-lambda-rie && ln -sf /usr/bin/aws-lambda-rie /lambda-entrypoint.sh\nENTRYPOINT ["/lambda-entrypoint.sh", "/var/task/app"]', errors: [{ line: 3, level: 'error' }] },
    // A program named like a handler is no entry script, whatever was copied around it.
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /srv\nCOPY . /srv\nENTRYPOINT ["./main.handler"]', errors: [{ line: 4, level: 'error' }] },
  ],
  valid: [
    // Lambda Web Adapter: the extension speaks the Runtime API for the web server.
    'FROM public.ecr.aws/docker/library/node:20-slim\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/lambda-adapter\nENV PORT=7000\nCMD ["node", "index.js"]',
    'FROM public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 AS adapter\nFROM python:3.12-slim\nCOPY --from=adapter /lambda-adapter /opt/extensions/lambda-adapter\nCMD exec uvicorn main:app',
    'FROM public.ecr.aws/lambda/provided:al2\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.6.0 /lambda-adapter /opt/extensions/\nENTRYPOINT ["/opt/nginx/bin/nginx"]',
    // AWS's own base-image recipe.
    'FROM scratch\nADD rootfs-1.tar.xz /\nADD rootfs-2.tar.xz /\nENV LAMBDA_TASK_ROOT=/var/task\nENTRYPOINT ["/lambda-entrypoint.sh"]',
    // Reading /lambda-entrypoint.sh is not replacing it.
    'FROM public.ecr.aws/lambda/python:3.13\nRUN cat /lambda-entrypoint.sh\nCMD ["app.handler"]',
    // An entry script of one's own on a non-AWS base may take that name.
    'FROM python:3.13-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0\nCOPY lambda-entrypoint.sh /lambda-entrypoint.sh\nENTRYPOINT ["/lambda-entrypoint.sh"]\nCMD ["app.handler"]',
    // An entry script copied in, then made executable: still one's own script, not a built binary.
    'FROM public.ecr.aws/lambda/nodejs:22\nCOPY start.sh /start.sh\nRUN chmod 755 /start.sh\nENTRYPOINT ["/start.sh"]\nCMD ["index.handler"]',
    // An entry script that arrives with the whole project folder, started relative to the WORKDIR.
    'FROM public.ecr.aws/lambda/ruby:3.4\nWORKDIR /srv/fn\nCOPY ./ /srv/fn\nENTRYPOINT ["./run.sh"]\nCMD ["app.handler"]',
    // A custom-runtime bootstrap of one's own, started relative to the WORKDIR.
    'FROM public.ecr.aws/lambda/provided:al2023\nWORKDIR /var/task\nCOPY bootstrap handler.sh ./\nENTRYPOINT ["./bootstrap"]',
  ],
});
