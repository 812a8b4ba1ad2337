import { ruleTable } from '../helpers';

ruleTable('DL3028', {
  catches: [{ text: 'RUN gem install bundler', lines: [1] }, { text: 'RUN gem install aws_lambda_ric rake:13.2.1', lines: [1] }, { text: 'RUN gem i bundler', lines: [1] }],
  passes: ['RUN gem install bundler:2.5.22', 'RUN gem install bundler -v 2.5.22', 'RUN gem install --version 2.5.22 bundler', 'RUN bundle install'],
});
