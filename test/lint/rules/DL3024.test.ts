import { ruleTable } from '../helpers';

ruleTable('DL3024', {
  catches: [{ text: 'FROM a:1 AS build\nFROM b:1 AS build', line: 2, lines: [2] }, { text: 'FROM a:1 AS x\nFROM b:1 AS X', lines: [2] }],
  passes: ['FROM a:1 AS build\nFROM b:1 AS final', 'FROM a:1\nFROM b:1'],
});
