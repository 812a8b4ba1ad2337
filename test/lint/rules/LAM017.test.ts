import { ruleTable } from '../helpers';

ruleTable('LAM017', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV AWS_REGION=us-east-1', level: 'warning', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV _HANDLER=app.handler', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV LAMBDA_TASK_ROOT=/app', lines: [2] },
    { text: 'FROM python:3.12\nENV AWS_LAMBDA_FUNCTION_NAME=fn AWS_DEFAULT_REGION=eu-west-1', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nARG AWS_REGION=us-east-1', level: 'info', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nENV LAMBDA_TASK_ROOT=/var/task',
    'FROM node:22-slim\nENV LAMBDA_TASK_ROOT=/var/task LAMBDA_RUNTIME_DIR=/var/runtime/',
    'FROM python:3.12 AS build\nARG AWS_REGION\nFROM public.ecr.aws/lambda/python:3.13',
    'FROM public.ecr.aws/lambda/python:3.13\nENV MY_REGION=us-east-1',
  ],
});
