import { ruleTable } from '../helpers';

ruleTable('DL3025', {
  catches: [{ text: 'CMD app.handler', lines: [1] }, { text: 'ENTRYPOINT /usr/bin/app --flag', lines: [1] }, { text: "CMD ['single', 'quotes']", lines: [1] }, { text: 'CMD ["a",]', lines: [1] }, { text: 'FROM a:1\nHEALTHCHECK --interval=5m CMD curl -f localhost', line: 2, lines: [2] }],
  passes: ['CMD ["app.handler"]', 'ENTRYPOINT ["/usr/bin/app", "--flag"]', 'CMD [ "spaced" , "array" ]', 'HEALTHCHECK CMD ["curl", "-f", "localhost"]', 'HEALTHCHECK NONE'],
});
