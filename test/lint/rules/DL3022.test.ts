import { ruleTable } from '../helpers';

ruleTable('DL3022', {
  catches: [{ text: 'FROM a:1\nCOPY --from=build /x /x', lines: [2] }, { text: 'FROM a:1 AS one\nCOPY --from=two /x /x\nFROM b:1 AS two', lines: [2] }, { text: 'FROM a:1\nCOPY --chmod=755 --from=builder /x /x', lines: [2] }, { text: 'FROM a:1\nCOPY --from=1 /x /y\nFROM b:1 AS c', lines: [2] }, { text: 'FROM a:1 AS b\nFROM c:1\nCOPY --from=5 /x /y', lines: [3] }],
  passes: [
    'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x',
    'FROM a:1 AS Build\nFROM b:1\nCOPY --from=build /x /x',
    'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x',
    'FROM a:1 AS b\nFROM c:1\nCOPY --from=1 /x /y',
    'FROM a:1\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx',
    'FROM a:1\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/',
  ],
});
