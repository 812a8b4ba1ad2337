import { ruleTable } from '../helpers';

ruleTable('LAM009', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY model.bin /tmp/model.bin', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /tmp/app', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /tmp\nCOPY a.txt .', lines: [2, 3] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nADD https://example.com/m.tar.gz /tmp/', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY model.bin /opt/model/model.bin',
    'FROM python:3.12 AS build\nCOPY x /tmp/x\nFROM public.ecr.aws/lambda/python:3.13',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN curl -o /tmp/x https://x && mv /tmp/x /opt/x',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY a /tmpfiles/a',
  ],
});
