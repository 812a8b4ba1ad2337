import { ruleTable } from '../helpers';

ruleTable('LAM018', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nEXPOSE 8080', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nHEALTHCHECK CMD curl -f localhost', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nSTOPSIGNAL SIGTERM', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nONBUILD RUN echo hi', lines: [2] },
  ],
  passes: ['FROM nginx:1.27 AS web\nEXPOSE 80\nFROM public.ecr.aws/lambda/python:3.13'],
});
