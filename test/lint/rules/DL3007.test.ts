import { ruleTable } from '../helpers';

ruleTable('DL3007', {
  catches: [{ text: 'FROM debian:latest', lines: [1] }, { text: 'FROM public.ecr.aws/lambda/provided:latest AS x', lines: [1] }],
  passes: ['FROM debian:12', 'FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM debian'],
});
