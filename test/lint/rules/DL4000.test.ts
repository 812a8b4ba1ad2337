import { ruleTable } from '../helpers';

ruleTable('DL4000', {
  catches: ['FROM a:1\nMAINTAINER me@example.com', 'MAINTAINER x'],
  passes: ['FROM a:1\nLABEL org.opencontainers.image.authors="me@example.com"'],
});
