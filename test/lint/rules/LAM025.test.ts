import { ruleTable } from '../helpers';

ruleTable('LAM025', {
  catches: [
    { text: 'FROM node:22-alpine\nRUN npm install aws-lambda-ric@3.3.0', lines: [2] },
    { text: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir awslambdaric==3.0.0', lines: [2] },
    { text: 'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric', lines: [2] },
    { text: 'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric@4.0.2', lines: [2] },
    { text: 'FROM python:3.12-alpine AS build\nRUN apk add --no-cache build-base libtool autoconf automake cmake elfutils-dev && pip install --target /fn awslambdaric==3.0.0\nFROM python:3.12-alpine\nCOPY --from=build /fn /fn\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]', lines: [3] },
  ],
  passes: [
    'FROM node:22-alpine\nRUN apk add --no-cache build-base libtool autoconf automake cmake python3 && npm install aws-lambda-ric@3.3.0',
    'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric@3.3.0',
    'FROM node:22-bookworm-slim\nENV LAMBDA_TASK_ROOT=/function\nRUN npm install aws-lambda-ric@4.0.2',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0',
    'FROM python:3.12-alpine\nRUN apk add --no-cache libstdc++\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]',
  ],
});
