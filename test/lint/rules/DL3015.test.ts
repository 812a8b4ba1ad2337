import { ruleTable } from '../helpers';

ruleTable('DL3015', {
  catches: ['RUN apt-get install -y curl=1', 'FROM debian:12\nRUN apt-get update && apt-get -y install curl=1'],
  passes: ['RUN apt-get install -y --no-install-recommends curl=1', 'RUN apt-get -o APT::Install-Recommends=false install -y curl=1', 'RUN apt-get update'],
});
