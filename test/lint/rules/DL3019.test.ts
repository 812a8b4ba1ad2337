import { ruleTable } from '../helpers';

ruleTable('DL3019', {
  catches: [{ text: 'RUN apk add curl=8.9.1-r1', lines: [1] }, { text: 'RUN apk update && apk add -U curl=1', lines: [1] }],
  passes: ['RUN apk add --no-cache curl=8.9.1-r1', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl=1', 'RUN apk del curl'],
});
