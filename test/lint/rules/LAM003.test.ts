import { ruleTable, ruleTester } from '../helpers';

ruleTable('LAM003', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=755 main /opt/fn/main\nENTRYPOINT ["main"]', lines: [3] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nWORKDIR /var/task\nENTRYPOINT ["./main"]', lines: [3] },
    { text: 'FROM python:3.12\nENTRYPOINT ["python", "-m", "awslambdaric"]', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/provided:al2023\nENTRYPOINT ["/opt/fn/main"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
    'FROM python:3.12\nENTRYPOINT ["${PYTHON}", "-m", "awslambdaric"]',
    'FROM python:3.12 AS a\nENTRYPOINT ["python"]\nFROM python:3.12\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]',
  ],
});

ruleTester('LAM003', {
  invalid: [
    // Official python images keep Python in /usr/local/bin.
    { text: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0\nENTRYPOINT ["/usr/bin/python3", "-m", "awslambdaric"]\nCMD ["app.handler"]', errors: [{ line: 3, level: 'error' }] },
    { text: 'FROM public.ecr.aws/docker/library/node:22-alpine\nCMD ["/usr/bin/node", "index.js"]', errors: [{ line: 2, level: 'error' }] },
    { text: 'FROM ruby:3.3\nENTRYPOINT ["/usr/bin/ruby", "app.rb"]', errors: [{ line: 2, level: 'error' }] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY main /var/task/main\nENTRYPOINT ["./main"]', errors: [{ line: 3, level: 'warning' }] },
    // The message names the absolute path ./x stands for.
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nWORKDIR /opt/fn\nCOPY run /opt/fn/run\nENTRYPOINT ["./run"]', errors: [{ line: 4, level: 'warning' }] },
  ],
  valid: [
    'FROM python:3.12-slim\nENTRYPOINT ["/usr/local/bin/python3", "-m", "awslambdaric"]',
    // The OS package puts one in /usr/bin after all.
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["/usr/bin/python3", "-m", "awslambdaric"]',
    // Debian's own image: /usr/bin is where its python3 package goes.
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y python3\nENTRYPOINT ["/usr/bin/python3", "/app.py"]',
    // An image the tool does not know: nothing is assumed about its paths.
    'FROM registry.example.com/team/python:3.12\nENTRYPOINT ["/usr/bin/python3", "-m", "awslambdaric"]',
  ],
});
