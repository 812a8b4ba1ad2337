import { ruleTable } from '../helpers';

ruleTable('DL3038', {
  catches: ['RUN dnf install gcc-11', 'RUN microdnf install findutils-4.8'],
  passes: ['RUN dnf install -y gcc-11', 'RUN microdnf -y install findutils-4.8', 'RUN dnf --assumeyes install x-1', 'RUN dnf clean all'],
});
