import { ruleTable } from '../helpers';

ruleTable('DL3032', {
  catches: ['RUN yum install -y gcc-11', 'RUN yum install -y gcc-11 && rm -rf /tmp/build'],
  passes: ['RUN yum install -y gcc-11 && yum clean all', 'RUN yum install -y gcc-11 && rm -rf /var/cache/yum', 'RUN --mount=type=cache,target=/var/cache/yum yum install -y gcc-11', 'RUN dnf install -y gcc'],
});
