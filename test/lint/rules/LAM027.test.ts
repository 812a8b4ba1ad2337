import { ruleTable } from '../helpers';

ruleTable('LAM027', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y /tmp/pkg.rpm', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nRUN microdnf install -y https://dl.fedoraproject.org/pub/epel/epel-release-latest-9.noarch.rpm', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y epel-release', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN amazon-linux-extras install epel', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nRUN rpm -i /tmp/pkg.rpm',
    'FROM public.ecr.aws/lambda/python:3.11\nRUN yum install -y /tmp/pkg.rpm',
    'FROM amazonlinux:2023\nRUN dnf install -y /tmp/pkg.rpm',
  ],
});
