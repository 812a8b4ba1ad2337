import { ruleTable } from '../helpers';

const trusted = ['public.ecr.aws', '*.dkr.ecr.eu-west-1.amazonaws.com'];
ruleTable('DL3026', {
  catches: [
    { text: 'FROM debian:12', trustedRegistries: trusted, lines: [1] },
    { text: 'FROM ghcr.io/x/y:1', trustedRegistries: trusted, lines: [1] },
    { text: 'ARG REG=quay.io\nFROM ${REG}/x:1', trustedRegistries: trusted, lines: [2] },
  ],
  passes: [
    'FROM debian:12',
    { text: 'FROM public.ecr.aws/lambda/python:3.13', trustedRegistries: trusted },
    { text: 'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/x:1', trustedRegistries: trusted },
    { text: 'FROM debian:12', trustedRegistries: ['docker.io'] },
    { text: 'FROM scratch', trustedRegistries: trusted },
    { text: 'FROM public.ecr.aws/lambda/python:3.13 AS b\nFROM b', trustedRegistries: trusted },
  ],
});
