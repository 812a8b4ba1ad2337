import { ruleTable } from '../helpers';

ruleTable('DL3029', {
  catches: [{ text: 'FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:22', lines: [1] }, { text: 'FROM --platform=linux/amd64 golang:1.23 AS build', lines: [1] }],
  passes: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM --platform=${TARGETPLATFORM} alpine:3.20', 'FROM alpine:3.20'],
});
