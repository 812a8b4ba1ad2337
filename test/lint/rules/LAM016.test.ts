import { ruleTable } from '../helpers';

ruleTable('LAM016', {
  catches: [
    { text: 'FROM 123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/base/python:3.13', level: 'info' },
    'FROM public.ecr.aws/lambda/python:3.13\nCOPY --from=123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/tools:1 /bin/x /opt/x',
  ],
  passes: ['FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/base/python:3.13'],
});
