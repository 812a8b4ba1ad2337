import { ruleTable } from '../helpers';

ruleTable('DL3023', {
  catches: ['FROM a:1 AS build\nCOPY --from=build /x /y', 'FROM a:1 AS b\nCOPY --link --from=B /x /y'],
  passes: ['FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x', 'FROM a:1\nCOPY /x /y'],
});
