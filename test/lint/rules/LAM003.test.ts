import { ruleTable } from '../helpers';

ruleTable('LAM003', {
  catches: [
    'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=755 main /opt/fn/main\nENTRYPOINT ["main"]',
    'FROM public.ecr.aws/lambda/provided:al2023\nWORKDIR /var/task\nENTRYPOINT ["./main"]',
    'FROM python:3.12\nENTRYPOINT ["python", "-m", "awslambdaric"]',
  ],
  passes: [
    'FROM public.ecr.aws/lambda/provided:al2023\nENTRYPOINT ["/opt/fn/main"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM python:3.12\nENTRYPOINT ["${PYTHON}", "-m", "awslambdaric"]',
    'FROM python:3.12 AS a\nENTRYPOINT ["python"]\nFROM python:3.12\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]',
  ],
});
