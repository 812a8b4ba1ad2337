import { ruleTable } from '../helpers';

ruleTable('DL3015', {
  catches: [{ text: 'RUN apt-get install -y curl=1', lines: [1] }, { text: 'FROM debian:12\nRUN apt-get update && apt-get -y install curl=1', lines: [2] }],
  passes: ['RUN apt-get install -y --no-install-recommends curl=1', 'RUN apt-get -o APT::Install-Recommends=false install -y curl=1', 'RUN apt-get update'],
});
