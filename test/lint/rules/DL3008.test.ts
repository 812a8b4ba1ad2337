import { ruleTable } from '../helpers';

ruleTable('DL3008', {
  catches: [
    { text: 'RUN apt-get install -y curl', lines: [1] },
    { text: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 python3', lines: [2] },
    { text: 'RUN sudo apt-get -y install vim', lines: [1] },
    { text: 'RUN apt-get -o Dpkg::Options::=--force-confold install -y nano', lines: [1] },
  ],
  passes: [
    'RUN apt-get install -y curl=7.88.1-10',
    'RUN apt-get install -y -t bookworm-backports curl/bookworm-backports',
    'RUN apt-get update',
    'RUN apt-get install -y ./local.deb',
    'RUN echo apt-get install curl',
  ],
});
