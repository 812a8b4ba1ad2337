import { ruleTable } from '../helpers';

ruleTable('LAM002', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCMD app.handler', level: 'error', line: 2 },
    { text: 'FROM python:3.12\nENTRYPOINT python -m awslambdaric\nCMD ["app.handler"]', level: 'error' },
    { text: 'FROM golang:1.23 AS b\nFROM public.ecr.aws/lambda/provided:al2023\nENTRYPOINT /var/task/bootstrap', level: 'warning' },
    'FROM public.ecr.aws/lambda/python:3.13 AS base\nCMD app.handler\nFROM base',
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM python:3.12 AS build\nCMD echo build-only\nFROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD echo old\nCMD ["app.handler"]',
  ],
});
