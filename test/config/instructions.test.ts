import { describe, expect, it } from 'vitest';
import { instructionProblem } from '../../src/inputs/config';

describe('team instructions: exactly one single-line instruction of an allowed kind', () => {
  const ok = [
    'ENV TZ=UTC',
    'RUN echo "a && b" # comment',
    'ARG NPM_CONFIG_LOGLEVEL=warn',
    'LABEL com.example.team=payments',
    'COPY --chown=1000 config/ /etc/app/',
    'WORKDIR /var/task',
    'run echo lower-case keywords are fine',
    'ONBUILD RUN echo later',
    'RUN cat <<< "here-string, not a heredoc"',
  ];
  for (const text of ok) it(`accepts ${text}`, () => expect(instructionProblem(text)).toBeNull());

  const bad: [string, RegExp][] = [
    ['FROM alpine:3.20', /FROM is not allowed/],
    ['from alpine:3.20', /FROM is not allowed/],
    ['ENTRYPOINT ["/bin/sh"]', /ENTRYPOINT is not allowed/],
    ['CMD ["index.handler"]', /CMD is not allowed/],
    ['USER root', /USER is not allowed/],
    ['ONBUILD FROM alpine', /ONBUILD FROM is not allowed/],
    ['ONBUILD USER root', /ONBUILD USER is not allowed/],
    ['MAINTAINER me', /"MAINTAINER" is not an allowed Dockerfile instruction/],
    ['RUN a\nRUN b', /single line/],
    ['RUN a\r\n', /single line/],
    ['RUN echo a \\', /line continuation/],
    ['RUN <<EOF', /heredoc/],
    ['COPY <<-"EOT" /x', /heredoc/],
    ['# just a comment', /is not a Dockerfile instruction/],
    ['RUN', /needs arguments/],
  ];
  for (const [text, message] of bad) it(`refuses ${JSON.stringify(text)}`, () => expect(instructionProblem(text)).toMatch(message));
});
