import { ruleTable } from '../helpers';

ruleTable('DL3060', {
  catches: [{ text: 'RUN yarn install --frozen-lockfile', lines: [1] }, { text: 'RUN cd app && yarn install', lines: [1] }],
  passes: ['RUN yarn install --frozen-lockfile && yarn cache clean', 'RUN yarn build', 'RUN npm install'],
});
