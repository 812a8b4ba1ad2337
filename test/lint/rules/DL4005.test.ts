import { ruleTable } from '../helpers';

ruleTable('DL4005', {
  catches: ['RUN ln -sf /bin/bash /bin/sh', 'RUN rm /bin/sh && ln -s /bin/bash /bin/sh'],
  passes: ['RUN ln -s /usr/bin/python3 /usr/bin/python', 'SHELL ["/bin/bash", "-c"]'],
});
