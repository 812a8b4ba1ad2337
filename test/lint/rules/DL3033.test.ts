import { ruleTable } from '../helpers';

ruleTable('DL3033', {
  catches: ['RUN yum install -y gcc', 'RUN yum install -y gcc-11.3.1 make', 'RUN yum install -y gcc-c++'],
  passes: ['RUN yum install -y gcc-11.3.1', 'RUN yum install -y ./local.rpm', 'RUN yum install -y httpd-2.4.62-1.amzn2'],
});
