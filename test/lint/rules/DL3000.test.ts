import { ruleTable } from '../helpers';

ruleTable('DL3000', {
  catches: [{ text: 'FROM alpine:3.20\nWORKDIR app', lines: [2] }, { text: 'WORKDIR ./build', lines: [1] }, { text: 'FROM a:1\nWORKDIR "rel/dir"', lines: [2] }],
  passes: ['FROM alpine:3.20\nWORKDIR /app', 'WORKDIR $HOME/app', 'WORKDIR ${LAMBDA_TASK_ROOT}', 'WORKDIR C:\\\\app', 'WORKDIR "/quoted"'],
});
