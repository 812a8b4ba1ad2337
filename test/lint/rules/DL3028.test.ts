import { ruleTable } from '../helpers';

ruleTable('DL3028', {
  catches: ['RUN gem install bundler', 'RUN gem install aws_lambda_ric rake:13.2.1', 'RUN gem i bundler'],
  passes: ['RUN gem install bundler:2.5.22', 'RUN gem install bundler -v 2.5.22', 'RUN gem install --version 2.5.22 bundler', 'RUN bundle install'],
});
