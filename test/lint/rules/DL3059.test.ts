import { ruleTable } from '../helpers';

ruleTable('DL3059', {
  catches: [{ text: 'FROM a:1\nRUN echo a\nRUN echo b', line: 3, lines: [3] }, { text: 'FROM a:1\nRUN echo a\n# comment\nRUN echo b', lines: [4] }],
  passes: [
    'FROM a:1\nRUN echo a\nCOPY x /x\nRUN echo b',
    'FROM a:1\nRUN echo a && echo b && echo c\nRUN echo d',
    'FROM a:1\nRUN yarn global add serverless\nRUN yarn install && yarn cache clean',
    'FROM a:1\nRUN echo a && echo b\nRUN echo c',
    'FROM a:1\nRUN --mount=type=cache,target=/x echo a\nRUN echo b',
  ],
});
