import { ruleTable } from '../helpers';

ruleTable('DL3025', {
  catches: ['CMD app.handler', 'ENTRYPOINT /usr/bin/app --flag', "CMD ['single', 'quotes']", 'CMD ["a",]'],
  passes: ['CMD ["app.handler"]', 'ENTRYPOINT ["/usr/bin/app", "--flag"]', 'CMD [ "spaced" , "array" ]'],
});
