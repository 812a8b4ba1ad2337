import { ruleTable } from '../helpers';

ruleTable('DL3027', {
  catches: [{ text: 'RUN apt install -y curl', lines: [1] }, { text: 'RUN apt update', lines: [1] }],
  passes: ['RUN apt-get install -y curl', 'RUN apt-cache policy curl', 'RUN echo apt'],
});
