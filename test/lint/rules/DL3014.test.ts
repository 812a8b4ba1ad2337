import { ruleTable } from '../helpers';

ruleTable('DL3014', {
  catches: [{ text: 'RUN apt-get install curl=1', lines: [1] }, { text: 'RUN apt-get update && apt-get install --no-install-recommends curl=1', lines: [1] }],
  passes: ['RUN apt-get install -y curl=1', 'RUN apt-get -qy install curl=1', 'RUN apt-get install --yes curl=1', 'RUN apt-get install --assume-yes curl=1', 'RUN apt-get -qq install curl=1', 'RUN apt-get update'],
});
