import { ruleTable } from '../helpers';

ruleTable('DL3016', {
  catches: ['RUN npm install express', 'RUN npm install -g aws-lambda-ric', 'RUN npm install @aws-sdk/client-s3', 'RUN npm i typescript@5 left-pad'],
  passes: [
    'RUN npm install',
    'RUN npm ci --omit=dev',
    'RUN npm install express@4.21.2',
    'RUN npm install @aws-sdk/client-s3@3.700.0',
    'RUN npm install git+https://github.com/x/y.git#v1',
    'RUN npm install ./local-pkg',
    'RUN npm install pkg.tgz',
  ],
});
