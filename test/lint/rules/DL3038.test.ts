import { ruleTable } from '../helpers';

ruleTable('DL3038', {
  catches: [{ text: 'RUN dnf install gcc-11', lines: [1] }, { text: 'RUN microdnf install findutils-4.8', lines: [1] }],
  passes: ['RUN dnf install -y gcc-11', 'RUN microdnf -y install findutils-4.8', 'RUN dnf --assumeyes install x-1', 'RUN dnf clean all'],
});
