import { ruleTable } from '../helpers';

ruleTable('DL3022', {
  catches: ['FROM a:1\nCOPY --from=build /x /x', 'FROM a:1 AS one\nCOPY --from=two /x /x\nFROM b:1 AS two', 'FROM a:1\nCOPY --chmod=755 --from=builder /x /x', 'FROM a:1\nCOPY --from=1 /x /y\nFROM b:1 AS c', 'FROM a:1 AS b\nFROM c:1\nCOPY --from=5 /x /y'],
  passes: [
    'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x',
    'FROM a:1 AS Build\nFROM b:1\nCOPY --from=build /x /x',
    'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x',
    'FROM a:1 AS b\nFROM c:1\nCOPY --from=1 /x /y',
    'FROM a:1\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx',
    'FROM a:1\nCOPY --from=public.ecr.aws/awsguru/aws-lambda-adapter:0.9.1 /lambda-adapter /opt/extensions/',
  ],
});
