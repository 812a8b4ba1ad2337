import { ruleTable } from '../helpers';

ruleTable('LAM007', {
  catches: [
    { text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN yum install -y gcc', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.11\nRUN dnf install -y gcc', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided:al2\nRUN microdnf install -y tar', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nRUN apt-get update', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/nodejs:22\nRUN apk add --no-cache git', level: 'error', lines: [2] },
    { text: 'FROM mirror.example.com/lambda/nodejs:22@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nRUN yum -y install git', level: 'error', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/provided\nRUN yum install -y jq', level: 'error', lines: [2] },
    { text: 'FROM amazonlinux:2\nRUN dnf install -y x', level: 'error', lines: [2] },
    { text: 'FROM alpine:3.20\nRUN apt-get install -y curl', level: 'warning', lines: [2] },
    { text: 'FROM python:3.12-alpine\nRUN apt-get install -y gcc', level: 'warning', lines: [2] },
    { text: 'FROM debian:12-slim\nRUN apk add gcc', level: 'warning', lines: [2] },
    { text: 'FROM python:3.12-slim\nRUN yum install -y gcc', level: 'warning', lines: [2] },
    { text: 'FROM ubuntu:24.04\nRUN dnf install -y gcc', level: 'warning', lines: [2] },
    { text: 'FROM fedora:41\nRUN apt-get install -y gcc', level: 'warning', lines: [2] },
    { text: 'FROM public.ecr.aws/lambda/python:3.13 AS base\nFROM base\nRUN yum install -y gcc', level: 'error', lines: [3] },
  ],
  passes: [
    'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y gcc && dnf clean all',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN microdnf install -y gcc',
    'FROM public.ecr.aws/lambda/python:3.11\nRUN yum install -y gcc && yum clean all',
    'FROM amazonlinux:2023\nRUN yum install -y gcc',
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM debian:12\nRUN apt-get install -y curl',
    'FROM python:3.12\nRUN apt-get install -y gcc',
    'FROM ghcr.io/acme/custom:1\nRUN yum install -y x',
    'FROM public.ecr.aws/lambda/python:3.13\nRUN echo yum',
    'ARG BASE\nFROM ${BASE}\nRUN apt-get install -y x',
  ],
});
