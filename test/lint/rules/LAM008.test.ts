import { ruleTable, ruleTester } from '../helpers';

const soon = new Date('2027-01-15T00:00:00Z');
ruleTable('LAM008', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/provided:al2', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/python:3.10', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:20', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2', allowDeprecated: true, level: 'warning', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/python:3.11', today: soon, level: 'warning', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22', today: new Date('2027-03-01T00:00:00Z'), level: 'warning', lines: [1] },
    { text: 'FROM mirror.example.com/lambda/nodejs:18-arm64', level: 'error', lines: [1] },
    { text: 'FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/ecr-public/lambda/python:3.9', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/python:3.10.2024.10.15.10', level: 'error', lines: [1] },
    { text: 'FROM amazon/aws-lambda-python:3.10', level: 'error', lines: [1] },
    { text: 'ARG V=3.9\nFROM public.ecr.aws/lambda/python:${V}', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:alami', level: 'info', lines: [1] },
    // Docker reads the image as a shell word: the quotes are not part of the name.
    { text: 'FROM "public.ecr.aws/lambda/python:3.10"', level: 'error', lines: [1] },
    // Retired images that share a repository with current ones.
    { text: 'FROM public.ecr.aws/lambda/java:8\nCMD ["example.Handler::handleRequest"]', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/go:1.2024.01.08.10-x86_64\nCOPY main /var/task/main\nCMD ["main"]', level: 'error', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/go:1', allowDeprecated: true, level: 'warning', lines: [1] },
  ],
  passes: [
    "FROM 'public.ecr.aws/lambda/python:3.13'",
    { text: 'FROM public.ecr.aws/lambda/java:8.al2', today: new Date('2026-11-22T00:00:00Z') },
    'FROM public.ecr.aws/lambda/provided:al2023',
    'FROM public.ecr.aws/lambda/python:3.13',
    { text: 'FROM public.ecr.aws/lambda/python:3.11', today: new Date('2026-11-22T00:00:00Z') },
    'FROM public.ecr.aws/lambda/python:3.10 AS old-build\nFROM public.ecr.aws/lambda/python:3.13',
    'FROM python:3.10',
    'FROM public.ecr.aws/lambda/python',
  ],
});

ruleTester('LAM008', {
  invalid: [
    // Retired long ago: at least as severe as a recent deprecation (error; warning when accepted).
    { text: 'FROM public.ecr.aws/lambda/python:3.8\nCMD ["app.handler"]', errors: [{ line: 1, level: 'error' }] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:16\nCMD ["index.handler"]', errors: [{ line: 1, level: 'error' }] },
    { text: 'FROM amazon/aws-lambda-python:3.7\nCMD ["app.handler"]', errors: [{ line: 1, level: 'error' }] },
    { text: 'FROM public.ecr.aws/lambda/python:3.8\nCMD ["app.handler"]', allowDeprecated: true, errors: [{ line: 1, level: 'warning' }] },
    // Recently deprecated: the same level.
    { text: 'FROM public.ecr.aws/lambda/python:3.9\nCMD ["app.handler"]', errors: [{ line: 1, level: 'error' }] },
    // Newer than the catalog: only a note.
    { text: 'FROM public.ecr.aws/lambda/python:3.99\nCMD ["app.handler"]', errors: [{ line: 1, level: 'info' }] },
  ],
  valid: ['FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]'],
});
