import { ruleTable } from '../helpers';

ruleTable('LAM004', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app:handler"]', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/java:21\nCMD ["com/example/App.handle"]', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nCMD ["index.handler", "extra"]', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY index.js ${LAMBDA_TASK_ROOT}/', level: 'warning', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/dotnet:10\nCMD ["Function::Function.Handler"]', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/dotnet:10\nCMD ["My Api"]', lines: [2] },
    // A file name with its extension is no handler: the runtime looks for an export named "js".
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY build/ ${LAMBDA_TASK_ROOT}/build/\nCMD ["build/main.js"]', level: 'error', lines: [3] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCMD ["handler.py"]', level: 'error', lines: [3] },
    { text: 'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/lambda/python:3.13\nCMD ["app-handler"]', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENTRYPOINT ["/lambda-entrypoint.sh"]\nCMD ["${HANDLER}"]', lines: [3] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["pkg/sub/app.lambda_handler"]',
    'FROM public.ecr.aws/lambda/java:21\nCMD ["com.example.App::handleRequest"]',
    'FROM public.ecr.aws/lambda/nodejs:22\nCMD ["src/index.handler"]',
    'FROM public.ecr.aws/lambda/dotnet:10\nCMD ["Function::Function.Handler::FunctionHandler"]',
    // An executable assembly (top-level statements) is named by its assembly alone.
    'FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -o /out\nFROM public.ecr.aws/lambda/dotnet:10\nCOPY --from=build /out ${LAMBDA_TASK_ROOT}/\nCMD ["Orders.Api"]',
    'FROM public.ecr.aws/lambda/ruby:3.4\nCMD ["app.App::Handler.process"]',
    'FROM public.ecr.aws/lambda/python:3.13\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]\nCMD ["app.handler", "x"]',
    'FROM public.ecr.aws/lambda/provided:al2023\nCOPY bootstrap /var/runtime/\nCMD ["anything goes"]',
    'FROM python:3.12\nCMD ["app:handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD app:handler',
    // A bootstrap of one's own replaces the language runtime: the handler is its business.
    'FROM rust:1.82 AS build\nRUN cargo build --release\nFROM public.ecr.aws/lambda/nodejs:22\nCOPY --from=build /src/target/release/fn /var/runtime/bootstrap\nCMD ["unused"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY build/bootstrap ${LAMBDA_RUNTIME_DIR}\nCMD ["-"]',
  ],
});

ruleTable('LAM004', {
  catches: [{ text: 'FROM public.ecr.aws/lambda/nodejs:24\nCOPY app/ ${LAMBDA_TASK_ROOT}/app/\nCMD ["app.handler"]', level: 'warning', line: 3, lines: [3] }],
  passes: ['FROM public.ecr.aws/lambda/nodejs:24\nCOPY app/ ${LAMBDA_TASK_ROOT}/app/\nCMD ["app/index.handler"]', 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY app/ ${LAMBDA_TASK_ROOT}/app/\nCMD ["app.handler"]'],
});
