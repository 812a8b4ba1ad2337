import { ruleTable } from '../helpers';

ruleTable('LAM024', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\n# hadolint ignore=DL3008,LAM001\nRUN echo', line: 2, level: 'info', lines: [2] },
    { text: 'FROM alpine:3.20\n# hadolint global ignore=LAM007', lines: [2] },
  ],
  passes: ['FROM alpine:3.20\n# hadolint ignore=DL3008,SC2086\nRUN echo', 'FROM alpine:3.20\n# lambda-lint ignore=LAM007\nRUN apt-get install -y x', 'FROM alpine:3.20\n# just a comment about hadolint'],
});
