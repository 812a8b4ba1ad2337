import { ruleTable } from '../helpers';

ruleTable('DL3030', {
  catches: [{ text: 'RUN yum install gcc-11.3', lines: [1] }, { text: 'RUN yum update -y && yum install httpd-2.4', lines: [1] }],
  passes: ['RUN yum install -y gcc-11.3', 'RUN yum -y install gcc-11.3', 'RUN yum install --assumeyes gcc-11.3', 'RUN yum clean all'],
});
