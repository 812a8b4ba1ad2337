import { ruleTable } from '../helpers';

ruleTable('LAM021', {
  catches: [
    'FROM public.ecr.aws/lambda/python',
    'FROM public.ecr.aws/lambda/provided:latest',
    'FROM python\nCMD ["x"]',
    'FROM node:latest AS build\nFROM debian:latest',
    { text: 'FROM public.ecr.aws/lambda/provided AS build\nFROM debian:12', line: 1 },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13',
    'FROM node AS build\nFROM debian:12',
    'FROM public.ecr.aws/lambda/python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'FROM scratch',
    'ARG BASE\nFROM ${BASE}',
  ],
});
