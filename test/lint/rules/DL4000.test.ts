import { ruleTable } from '../helpers';

ruleTable('DL4000', {
  catches: [{ text: 'FROM a:1\nMAINTAINER me@example.com', lines: [2] }, { text: 'MAINTAINER x', lines: [1] }],
  passes: ['FROM a:1\nLABEL org.opencontainers.image.authors="me@example.com"'],
});
