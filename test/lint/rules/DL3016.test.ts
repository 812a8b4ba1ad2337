import { ruleTable } from '../helpers';

ruleTable('DL3016', {
  catches: [{ text: 'RUN npm install express', lines: [1] }, { text: 'RUN npm install -g aws-lambda-ric', lines: [1] }, { text: 'RUN npm install @aws-sdk/client-s3', lines: [1] }, { text: 'RUN npm i typescript@5 left-pad', lines: [1] }],
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
