import { ruleTable } from '../helpers';

ruleTable('DL4003', {
  catches: [{ text: 'FROM a:1\nCMD ["a"]\nCMD ["b"]', line: 3, lines: [3] }],
  passes: ['FROM a:1\nCMD ["a"]', 'FROM a:1 AS x\nCMD ["a"]\nFROM b:1\nCMD ["b"]'],
});
