import { ruleTable } from '../helpers';

ruleTable('DL3040', {
  catches: [{ text: 'RUN dnf install -y gcc-11', lines: [1] }, { text: 'RUN microdnf install -y tar-1.34', lines: [1] }, { text: 'RUN dnf install -y gcc-11 && microdnf clean all', lines: [1] }, { text: 'RUN microdnf install -y gcc-11 && dnf clean all', lines: [1] }, { text: 'RUN dnf module install -y nodejs:20', lines: [1] }],
  passes: [
    'RUN dnf install -y gcc-11 && dnf clean all',
    'RUN microdnf install -y tar-1.34 && microdnf clean all',
    'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc-11',
    'RUN yum install -y gcc',
    'RUN dnf install -y gcc-11 && rm -rf /var/cache/dnf',
  ],
});
