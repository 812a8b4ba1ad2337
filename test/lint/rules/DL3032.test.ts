import { ruleTable } from '../helpers';

ruleTable('DL3032', {
  catches: [{ text: 'RUN yum install -y gcc-11', lines: [1] }, { text: 'RUN yum install -y gcc-11 && rm -rf /tmp/build', lines: [1] }],
  passes: ['RUN yum install -y gcc-11 && yum clean all', 'RUN yum install -y gcc-11 && rm -rf /var/cache/yum', 'RUN --mount=type=cache,target=/var/cache/yum yum install -y gcc-11', 'RUN dnf install -y gcc'],
});
