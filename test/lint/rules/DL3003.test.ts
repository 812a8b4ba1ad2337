import { ruleTable } from '../helpers';

ruleTable('DL3003', {
  catches: ['RUN cd /usr/src && make', 'FROM a:1\nRUN make; cd build', 'RUN (cd sub && ls)', 'RUN if true; then cd /x; fi'],
  passes: ['RUN echo cd', 'WORKDIR /usr/src\nRUN make', 'RUN ls -la cd', 'RUN ["echo", "cd"]'],
});
