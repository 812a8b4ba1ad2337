import { ruleTable } from '../helpers';

ruleTable('DL3009', {
  catches: [
    { text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl', lines: [2] },
    { text: 'FROM debian:12 AS base\nRUN apt-get update\nFROM base', lines: [2] },
    { text: 'RUN apt-get update', lines: [1] },
    { text: 'FROM debian:12\nRUN apt update', lines: [2] },
  ],
  passes: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /x /x',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl',
    'FROM debian:12\nRUN apt-get install -y curl',
  ],
});
