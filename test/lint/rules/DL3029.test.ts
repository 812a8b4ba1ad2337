import { ruleTable } from '../helpers';

ruleTable('DL3029', {
  catches: ['FROM --platform=linux/arm64 public.ecr.aws/lambda/nodejs:22', 'FROM --platform=linux/amd64 golang:1.23 AS build'],
  passes: ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build', 'FROM --platform=${TARGETPLATFORM} alpine:3.20', 'FROM alpine:3.20'],
});
