import { ruleTable } from '../helpers';

ruleTable('LAM025', {
  catches: [
    { text: 'FROM node:22-alpine\nRUN npm install aws-lambda-ric@3.3.0', lines: [2] },
    { text: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir awslambdaric==3.0.0', lines: [2] },
    { text: 'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric', lines: [2] },
    { text: 'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric@4.0.2', level: 'warning', lines: [2] },
    // Code in /var/task: Lambda's LAMBDA_TASK_ROOT finds it, only the emulator needs the ENV.
    { text: 'ARG DIR=/var/task\nFROM node:22-bookworm AS build\nARG DIR\nWORKDIR ${DIR}\nRUN npm install aws-lambda-ric\nFROM node:22-bookworm-slim\nARG DIR\nWORKDIR ${DIR}\nCOPY --from=build ${DIR} .\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]', level: 'info', lines: [5] },
    { text: 'FROM node:22-bookworm-slim\nWORKDIR /function\nRUN npm install aws-lambda-ric\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]', level: 'warning', lines: [3] },
    // Lambda sets LAMBDA_TASK_ROOT to /var/task whatever the image's ENV says: code in /function is not found.
    { text: 'FROM node:22-bookworm-slim\nWORKDIR /function\nENV LAMBDA_TASK_ROOT=/function\nRUN npm install aws-lambda-ric@4.0.2\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]', level: 'warning', lines: [4] },
    { text: 'FROM python:3.12-alpine AS build\nRUN apk add --no-cache build-base libtool autoconf automake cmake elfutils-dev && pip install --target /fn awslambdaric==3.0.0\nFROM python:3.12-alpine\nCOPY --from=build /fn /fn\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]', lines: [3] },
  ],
  passes: [
    'FROM node:22-alpine\nRUN apk add --no-cache build-base libtool autoconf automake cmake python3 && npm install aws-lambda-ric@3.3.0',
    'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric@3.3.0',
    'FROM node:22-bookworm-slim\nWORKDIR /var/task\nENV LAMBDA_TASK_ROOT=/var/task\nRUN npm install aws-lambda-ric@4.0.2\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]',
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0',
    'FROM python:3.12-alpine\nRUN apk add --no-cache libstdc++\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]',
  ],
});
