import { ruleTable } from '../helpers';

ruleTable('LAM014', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /app\nCOPY app.py .\nCMD ["app.handler"]', lines: [3] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nCOPY index.js /srv/index.js\nCMD ["index.handler"]', lines: [2] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ./\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nWORKDIR /app\nENV PYTHONPATH=/app\nCOPY app.py .\nCMD ["app.handler"]',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/lambda-adapter',
    'FROM python:3.12\nWORKDIR /app\nCOPY app.py .',
    // A bootstrap of one's own replaces the language runtime and finds its code itself.
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY out/bootstrap /var/runtime/bootstrap\nCMD ["handler"]',
  ],
});
