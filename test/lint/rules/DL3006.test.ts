import { ruleTable } from '../helpers';

ruleTable('DL3006', {
  catches: [{ text: 'FROM debian', lines: [1] }, { text: 'FROM public.ecr.aws/lambda/python', lines: [1] }, { text: 'FROM registry.example.com:5000/team/img AS x', lines: [1] }, { text: 'FROM node:22 AS build\nFROM alpine', line: 2, lines: [2] }],
  passes: [
    'FROM debian:12',
    'FROM scratch',
    'FROM debian@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'FROM golang:1.23 AS build\nFROM build',
    'ARG BASE\nFROM ${BASE}',
    'FROM registry.example.com:5000/team/img:1.0',
  ],
});
