import { ruleTable } from '../helpers';

const lines = (n: number, base = 'public.ecr.aws/lambda/python:3.13'): string =>
  [`FROM ${base}`, ...Array.from({ length: n }, (_, i) => (i % 2 ? `COPY f${i} /var/task/` : `RUN echo ${i}`))].join('\n');

ruleTable('LAM015', {
  catches: [
    { text: lines(20), level: 'warning', line: 1, lines: [1] },
    { text: lines(26, 'debian:12'), level: 'warning', lines: [1] },
    { text: lines(101, 'debian:12'), level: 'error', lines: [1] },
    { text: lines(95), level: 'error', lines: [1] },
  ],
  passes: [lines(17), lines(25, 'debian:12'), `FROM debian:12 AS build\n${lines(60, 'debian:12').split('\n').slice(1).join('\n')}\nFROM public.ecr.aws/lambda/python:3.13\nCOPY --from=build /x /var/task/`],
});
