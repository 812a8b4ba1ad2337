import { ruleTable } from '../helpers';

ruleTable('DL3004', {
  catches: ['RUN sudo apt-get install -y x', 'FROM a:1\nRUN echo hi && sudo make install', 'RUN /usr/bin/sudo ls'],
  passes: ['RUN apt-get install -y sudo', 'RUN echo sudo', 'USER root\nRUN make install'],
});
