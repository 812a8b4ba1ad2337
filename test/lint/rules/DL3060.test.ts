import { ruleTable } from '../helpers';

ruleTable('DL3060', {
  catches: ['RUN yarn install --frozen-lockfile', 'RUN cd app && yarn install'],
  passes: ['RUN yarn install --frozen-lockfile && yarn cache clean', 'RUN yarn build', 'RUN npm install'],
});
