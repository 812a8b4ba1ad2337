import { ruleTable } from '../helpers';

ruleTable('DL3060', {
  catches: [
    { text: 'RUN yarn install --frozen-lockfile', lines: [1] },
    { text: 'RUN cd app && yarn install', lines: [1] },
    { text: 'FROM node:22 AS base\nRUN yarn install\nFROM base\nRUN echo ok', lines: [2] },
    { text: 'FROM node:22 AS build\nRUN echo ok\nFROM node:22-slim\nRUN yarn install', lines: [4] },
  ],
  passes: [
    'RUN yarn install --frozen-lockfile && yarn cache clean',
    'RUN yarn build',
    'RUN npm install',
    // A build stage that only hands files to the final stage never ships its cache.
    'FROM node:22 AS build\nRUN yarn install --frozen-lockfile\nFROM node:22-slim\nCOPY --from=build /app /app',
  ],
});
