import { ruleTable } from '../helpers';

ruleTable('DL3045', {
  catches: [{ text: 'FROM a:1\nCOPY app.py .', lines: [2] }, { text: 'FROM a:1 AS x\nWORKDIR /app\nFROM b:1\nCOPY a b/', lines: [4] }, { text: 'COPY x y', lines: [1] }],
  passes: [
    'FROM a:1\nCOPY app.py /var/task/',
    'FROM a:1\nWORKDIR /app\nCOPY app.py .',
    'FROM a:1\nCOPY app.py ${LAMBDA_TASK_ROOT}',
    'FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY a .',
    'FROM a:1\nCOPY ["a", "/b/"]',
    'FROM a:1\nCOPY a "C:\\\\x"',
  ],
});
