import { ruleTable } from '../helpers';

ruleTable('LAM010', {
  catches: [{ text: 'FROM public.ecr.aws/lambda/python:3.13\nVOLUME /data', lines: [2] }, { text: 'FROM public.ecr.aws/lambda/python:3.13\nVOLUME ["/a", "/b"]', lines: [2] }],
  passes: ['FROM python:3.12 AS b\nVOLUME /x\nFROM public.ecr.aws/lambda/python:3.13', 'FROM public.ecr.aws/lambda/python:3.13'],
});
