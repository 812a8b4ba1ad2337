import { ruleTable } from '../helpers';

ruleTable('DL3007', {
  catches: ['FROM debian:latest', 'FROM public.ecr.aws/lambda/provided:latest AS x'],
  passes: ['FROM debian:12', 'FROM debian:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'FROM debian'],
});
