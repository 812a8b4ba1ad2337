import { ruleTable } from '../helpers';

ruleTable('DL3004', {
  catches: [{ text: 'RUN sudo apt-get install -y x', lines: [1] }, { text: 'FROM a:1\nRUN echo hi && sudo make install', lines: [2] }, { text: 'RUN /usr/bin/sudo ls', lines: [1] }],
  passes: ['RUN apt-get install -y sudo', 'RUN echo sudo', 'USER root\nRUN make install'],
});
