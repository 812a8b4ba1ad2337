import { ruleTable } from '../helpers';

ruleTable('LAM006', {
  catches: [
    { text: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:22', arch: 'x86_64', level: 'error', lines: [1] },
    // One fixed architecture is what Lambda needs: a note, not a warning.
    { text: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:22', level: 'info', lines: [1] },
    { text: 'FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:22', arch: 'x86_64', level: 'info', lines: [1] },
    { text: 'FROM --platform=linux/amd64 python:3.13-slim AS deps\nRUN pip install --no-cache-dir --target /deps -r requirements.txt\nFROM --platform=linux/amd64 python:3.13-slim\nCOPY --from=deps /deps /deps', arch: 'x86_64', level: 'info', lines: [3] },
    { text: 'FROM --platform=linux/arm/v7 alpine:3.20', level: 'error', lines: [1] },
    // An architecture alone is that architecture on Linux.
    { text: 'FROM --platform=arm64 python:3.13-slim', arch: 'arm64', level: 'info', lines: [1] },
    { text: 'FROM --platform=amd64 python:3.13-slim', arch: 'arm64', level: 'error', lines: [1] },
    { text: 'FROM --platform=s390x python:3.13-slim', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/python:3.12-arm64', arch: 'x86_64', level: 'error', lines: [1] },
    { text: 'FROM mirror.example.com/lambda/python:3.12-x86_64', arch: 'arm64', level: 'error', lines: [1] },
    { text: 'FROM --platform=linux/amd64 public.ecr.aws/lambda/python:3.12-arm64', level: 'error', line: 1, lines: [1, 1] },
    { text: 'ARG P=linux/arm64\nFROM --platform=$P public.ecr.aws/lambda/python:3.13', arch: 'x86_64', level: 'error', lines: [2] },
    { text: 'FROM --platform=$BUILDPLATFORM public.ecr.aws/lambda/python:3.13', level: 'warning', lines: [1] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/nodejs:22',
    { text: 'FROM public.ecr.aws/lambda/nodejs:22', arch: 'arm64' },
    { text: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM public.ecr.aws/lambda/provided:al2023', arch: 'arm64' },
    { text: 'FROM --platform=$TARGETPLATFORM public.ecr.aws/lambda/nodejs:22', arch: 'arm64' },
    { text: 'FROM public.ecr.aws/lambda/python:3.12-arm64', arch: 'arm64' },
    'FROM public.ecr.aws/lambda/python:3.12-arm64',
  ],
});
