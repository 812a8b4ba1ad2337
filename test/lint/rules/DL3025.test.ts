import { ruleTable } from '../helpers';

ruleTable('DL3025', {
  catches: ['CMD app.handler', 'ENTRYPOINT /usr/bin/app --flag', "CMD ['single', 'quotes']", 'CMD ["a",]', { text: 'FROM a:1\nHEALTHCHECK --interval=5m CMD curl -f localhost', line: 2 }],
  passes: ['CMD ["app.handler"]', 'ENTRYPOINT ["/usr/bin/app", "--flag"]', 'CMD [ "spaced" , "array" ]', 'HEALTHCHECK CMD ["curl", "-f", "localhost"]', 'HEALTHCHECK NONE'],
});
