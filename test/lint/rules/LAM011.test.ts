import { ruleTable } from '../helpers';

ruleTable('LAM011', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV MPLCONFIGDIR=/var/task/.mpl', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV HOME=/root', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV XDG_CACHE_HOME=/var/cache/app', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nENV npm_config_cache=/home/node/.npm', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV HF_HOME=${LAMBDA_TASK_ROOT}/hf', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nENV PIP_CACHE_DIR /root/.cache/pip', lines: [2] },
    { text: 'FROM node:22-slim\nRUN npm install aws-lambda-ric@3.3.0\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]', line: 3, lines: [3] },
    { text: 'FROM node:22-slim\nENV NPM_CONFIG_CACHE=/var/cache/npm\nCMD ["npx", "tsx", "x.ts"]', lines: [2, 3] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nENV MPLCONFIGDIR=/tmp/matplotlib',
    'FROM public.ecr.aws/lambda/python:3.13\nENV HOME=/tmp XDG_CACHE_HOME=/tmp/.cache',
    'FROM python:3.12 AS build\nENV HOME=/root\nFROM public.ecr.aws/lambda/python:3.13',
    'FROM node:22-slim\nENV NPM_CONFIG_CACHE=/tmp/.npm\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]',
    'FROM node:22-slim\nENV HOME=/tmp\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]',
    'FROM public.ecr.aws/lambda/python:3.13\nENV PATH=/opt/bin:$PATH',
  ],
});
