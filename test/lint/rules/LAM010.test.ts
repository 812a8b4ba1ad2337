import { ruleTable } from '../helpers';

ruleTable('LAM010', {
  catches: ['FROM public.ecr.aws/lambda/python:3.13\nVOLUME /data', 'FROM public.ecr.aws/lambda/python:3.13\nVOLUME ["/a", "/b"]'],
  passes: ['FROM python:3.12 AS b\nVOLUME /x\nFROM public.ecr.aws/lambda/python:3.13', 'FROM public.ecr.aws/lambda/python:3.13'],
});
