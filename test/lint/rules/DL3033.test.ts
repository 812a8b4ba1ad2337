import { ruleTable } from '../helpers';

ruleTable('DL3033', {
  catches: [{ text: 'RUN yum install -y gcc', lines: [1] }, { text: 'RUN yum install -y gcc-11.3.1 make', lines: [1] }, { text: 'RUN yum install -y gcc-c++', lines: [1] }],
  passes: ['RUN yum install -y gcc-11.3.1', 'RUN yum install -y ./local.rpm', 'RUN yum install -y httpd-2.4.62-1.amzn2'],
});
