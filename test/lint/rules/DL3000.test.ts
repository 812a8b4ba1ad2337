import { ruleTable } from '../helpers';

ruleTable('DL3000', {
  catches: ['FROM alpine:3.20\nWORKDIR app', 'WORKDIR ./build', 'FROM a:1\nWORKDIR "rel/dir"'],
  passes: ['FROM alpine:3.20\nWORKDIR /app', 'WORKDIR $HOME/app', 'WORKDIR ${LAMBDA_TASK_ROOT}', 'WORKDIR C:\\\\app', 'WORKDIR "/quoted"'],
});
