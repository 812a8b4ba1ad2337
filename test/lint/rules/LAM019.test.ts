import { ruleTable } from '../helpers';

ruleTable('LAM019', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y gcc make && pip install --no-cache-dir -r r.txt', level: 'info', lines: [2] },
    { text: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y build-essential', lines: [2] },
    { text: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.11\nRUN yum install -y python3-devel', lines: [2] },
    { text: 'FROM node:22-slim\nRUN apt-get install -y libpq-dev', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nRUN dnf install -y gcc-c++', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13 AS build\nRUN dnf install -y gcc make && pip install --no-cache-dir -r r.txt -t /asset && dnf clean all\nFROM public.ecr.aws/lambda/python:3.13\nCOPY --from=build /asset ${LAMBDA_TASK_ROOT}',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y libpq',
    'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .b build-base && pip install x && apk del build-base',
  ],
});
