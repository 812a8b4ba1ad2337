import { ruleTable } from '../helpers';

ruleTable('LAM021', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/provided:latest', lines: [1] },
    { text: 'FROM python\nCMD ["x"]', lines: [1] },
    { text: 'FROM node:latest AS build\nFROM debian:latest', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided AS build\nFROM debian:12', line: 1, lines: [1] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13',
    'FROM node AS build\nFROM debian:12',
    'FROM public.ecr.aws/lambda/python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'FROM scratch',
    'ARG BASE\nFROM ${BASE}',
  ],
});
