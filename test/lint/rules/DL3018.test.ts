import { ruleTable } from '../helpers';

ruleTable('DL3018', {
  catches: [{ text: 'RUN apk add --no-cache curl', lines: [1] }, { text: 'FROM alpine:3.20\nRUN apk add --virtual .build gcc=13.2.1-r0 musl-dev', lines: [2] }],
  passes: ['RUN apk add --no-cache curl=8.9.1-r1', 'RUN apk add --no-cache --virtual .deps curl=8.9.1-r1', 'RUN apk update', 'RUN apk add "python3>3.11"'],
});
