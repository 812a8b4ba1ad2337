import { ruleTable } from '../helpers';

ruleTable('DL3027', {
  catches: ['RUN apt install -y curl', 'RUN apt update'],
  passes: ['RUN apt-get install -y curl', 'RUN apt-cache policy curl', 'RUN echo apt'],
});
