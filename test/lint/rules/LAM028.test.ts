import { ruleTable } from '../helpers';

ruleTable('LAM028', {
  catches: [{ text: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir awslambdaric==3.0.0\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]\nCMD ["app.handler"]', level: 'info', line: 3, lines: [3] }],
  passes: [
    'FROM python:3.12-slim\nADD https://github.com/aws/aws-lambda-runtime-interface-emulator/releases/latest/download/aws-lambda-rie /usr/local/bin/aws-lambda-rie\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]',
    'FROM python:3.12-slim\nENTRYPOINT ["/usr/local/bin/aws-lambda-rie", "/usr/local/bin/python", "-m", "awslambdaric"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler"]',
  ],
});
