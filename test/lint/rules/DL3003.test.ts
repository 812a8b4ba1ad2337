import { ruleTable } from '../helpers';

ruleTable('DL3003', {
  catches: [{ text: 'RUN cd /usr/src && make', lines: [1] }, { text: 'FROM a:1\nRUN make; cd build', lines: [2] }, { text: 'RUN (cd sub && ls)', lines: [1] }, { text: 'RUN if true; then cd /x; fi', lines: [1] }],
  passes: ['RUN echo cd', 'WORKDIR /usr/src\nRUN make', 'RUN ls -la cd', 'RUN ["echo", "cd"]'],
});
