import { ruleTable } from '../helpers';

ruleTable('LAM022', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN find /var/task -name "*.pyc" -delete', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nRUN curl -fsSL https://x/t.tar.gz | tar xz -C /opt', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nRUN unzip /tmp/x.zip -d /opt && which node', lines: [2] },
    { text: 'FROM amazonlinux:2023-minimal\nRUN useradd app', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13 AS build\nRUN xargs -a list echo\nFROM public.ecr.aws/lambda/python:3.13', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y tar && gzip -d x.gz', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y findutils && find / -name x',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN microdnf install -y tar gzip\nRUN tar xzf /tmp/x.tgz',
    'FROM public.ecr.aws/lambda/python:3.11\nRUN find / -name x',
    'FROM amazonlinux:2023\nRUN find / -name x',
    'FROM python:3.12\nRUN find / -name x',
    'FROM public.ecr.aws/lambda/python:3.13 AS base\nRUN dnf install -y findutils\nFROM base\nRUN find /opt',
  ],
});
