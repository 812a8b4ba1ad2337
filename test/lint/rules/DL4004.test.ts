import { ruleTable } from '../helpers';

ruleTable('DL4004', {
  catches: [{ text: 'FROM a:1\nENTRYPOINT ["/a"]\nENTRYPOINT ["/b"]', line: 3, level: 'error', lines: [3] }],
  passes: ['FROM a:1\nENTRYPOINT ["/a"]', 'FROM a:1 AS x\nENTRYPOINT ["/a"]\nFROM b:1\nENTRYPOINT ["/b"]'],
});
