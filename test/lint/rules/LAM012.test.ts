import { ruleTable } from '../helpers';

ruleTable('LAM012', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=700 bootstrap /var/runtime/bootstrap', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=600 config.json ${LAMBDA_TASK_ROOT}/', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=640 app.py /var/task/app.py', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=744 bootstrap /var/runtime/', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=644 src/ /var/task/', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=u=rw,go= app.py /var/task/', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod 600 /var/task/app.py', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod -R 750 /var/task', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod -R go-rwx /var/task', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod o-r /var/task/app.py', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2023\nRUN chmod 744 /var/runtime/bootstrap', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod -R 644 /var/task', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN umask 077 && cp -r /src /var/task', level: 'warning', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN umask 007 && pip install -r r.txt -t /var/task', level: 'warning', lines: [2] },
    { text: 'FROM golang:1.23 AS b\nFROM public.ecr.aws/lambda/provided:al2023\nCOPY --from=b --chmod=700 /out/main /main\nENTRYPOINT ["/main"]', lines: [3] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=755 bootstrap /var/runtime/bootstrap',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=644 config.json ${LAMBDA_TASK_ROOT}/',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=0644 app.py /var/task/',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod -R a+rX /var/task',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN chmod 755 /var/task/run.sh && chmod go-w /var/task/x',
    'FROM python:3.12 AS b\nRUN chmod 600 /secret\nFROM public.ecr.aws/lambda/python:3.13',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN umask 022 && cp x /var/task',
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=744 data.json /var/task/',
  ],
});
