import { ruleTable } from '../helpers';

ruleTable('DL3041', {
  catches: [{ text: 'RUN dnf install -y gcc', lines: [1] }, { text: 'RUN microdnf install -y findutils tar-1.34', lines: [1] }, { text: 'RUN dnf install -y python3-pip', lines: [1] }],
  passes: ['RUN dnf install -y gcc-11.4.1', 'RUN dnf install -y tar-2:1.34-1.amzn2023', 'RUN dnf install -y ./x.rpm', 'RUN dnf module install -y nodejs:20'],
});
