import { ruleTable } from '../helpers';

ruleTable('LAM009', {
  catches: [
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY model.bin /tmp/model.bin',
    'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /tmp/app',
    'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /tmp\nCOPY a.txt .',
    'FROM public.ecr.aws/lambda/python:3.13\nADD https://example.com/m.tar.gz /tmp/',
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY model.bin /opt/model/model.bin',
    'FROM python:3.12 AS build\nCOPY x /tmp/x\nFROM public.ecr.aws/lambda/python:3.13',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN curl -o /tmp/x https://x && mv /tmp/x /opt/x',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY a /tmpfiles/a',
  ],
});
