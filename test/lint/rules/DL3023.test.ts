import { ruleTable } from '../helpers';

ruleTable('DL3023', {
  catches: [{ text: 'FROM a:1 AS build\nCOPY --from=build /x /y', lines: [2] }, { text: 'FROM a:1 AS b\nCOPY --link --from=B /x /y', lines: [2] }],
  passes: ['FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x', 'FROM a:1\nCOPY /x /y'],
});
