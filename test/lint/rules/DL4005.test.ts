import { ruleTable } from '../helpers';

ruleTable('DL4005', {
  catches: [{ text: 'RUN ln -sf /bin/bash /bin/sh', lines: [1] }, { text: 'RUN rm /bin/sh && ln -s /bin/bash /bin/sh', lines: [1] }],
  passes: ['RUN ln -s /usr/bin/python3 /usr/bin/python', 'SHELL ["/bin/bash", "-c"]'],
});
