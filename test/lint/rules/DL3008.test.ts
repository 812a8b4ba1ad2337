import { ruleTable } from '../helpers';

ruleTable('DL3008', {
  catches: [
    'RUN apt-get install -y curl',
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 python3',
    'RUN sudo apt-get -y install vim',
    'RUN apt-get -o Dpkg::Options::=--force-confold install -y nano',
  ],
  passes: [
    'RUN apt-get install -y curl=7.88.1-10',
    'RUN apt-get install -y -t bookworm-backports curl/bookworm-backports',
    'RUN apt-get update',
    'RUN apt-get install -y ./local.deb',
    'RUN echo apt-get install curl',
  ],
});
