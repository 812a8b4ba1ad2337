import { ruleTable } from '../helpers';

ruleTable('LAM013', {
  catches: [{ text: 'FROM public.ecr.aws/lambda/python:3.13\nUSER 1000', level: 'info', lines: [2] }, { text: 'FROM python:3.12 AS base\nUSER app\nFROM base', lines: [2] }],
  passes: ['FROM python:3.12 AS build\nUSER app\nFROM public.ecr.aws/lambda/python:3.13', 'FROM public.ecr.aws/lambda/python:3.13'],
});
