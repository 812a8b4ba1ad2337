import { ruleTable } from '../helpers';

ruleTable('LAM016', {
  catches: [
    { text: 'FROM 123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/base/python:3.13', level: 'info', lines: [1] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY --from=123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/tools:1 /bin/x /opt/x', lines: [2] },
  ],
  passes: ['FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/base/python:3.13'],
});
