import { ruleTable } from '../helpers';

ruleTable('LAM018', {
  catches: [
    'FROM public.ecr.aws/lambda/python:3.13\nEXPOSE 8080',
    'FROM public.ecr.aws/lambda/python:3.13\nHEALTHCHECK CMD curl -f localhost',
    'FROM public.ecr.aws/lambda/python:3.13\nSTOPSIGNAL SIGTERM',
    'FROM public.ecr.aws/lambda/python:3.13\nONBUILD RUN echo hi',
  ],
  passes: ['FROM nginx:1.27 AS web\nEXPOSE 80\nFROM public.ecr.aws/lambda/python:3.13'],
});
