/**
 * The failures users report with Lambda container images, numbered as in our pitfall list: every
 * one a Dockerfile can show is flagged by some LAM rule. (#1 provenance attestations, #17 a Docker
 * Desktop regression and #20 re-deploying a moved tag live in the build command or the
 * deployment, not in the Dockerfile; #16 depends on the deployment tool.)
 */
import { describe, expect, it } from 'vitest';
import { lintAll } from './helpers';

const pitfalls: { n: number; symptom: string; text: string; code: string; arch?: 'x86_64' | 'arm64' }[] = [
  { n: 2, symptom: 'exec format error: arm64 image on an x86_64 function', code: 'LAM006', arch: 'x86_64', text: 'FROM public.ecr.aws/lambda/python:3.13-arm64\nCOPY app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]' },
  { n: 2, symptom: 'exec format error: FROM --platform for the other architecture', code: 'LAM006', arch: 'arm64', text: 'FROM --platform=linux/amd64 public.ecr.aws/lambda/nodejs:22\nCMD ["index.handler"]' },
  { n: 3, symptom: 'fork/exec /var/task/bootstrap: permission denied', code: 'LAM012', text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY --chmod=700 bootstrap /var/task/bootstrap\nENTRYPOINT ["/var/task/bootstrap"]' },
  { n: 4, symptom: "Couldn't find valid bootstrap(s): ENTRYPOINT empty", code: 'LAM001', text: 'FROM public.ecr.aws/lambda/python:3.13\nENTRYPOINT []\nCMD ["app.lambda_handler"]' },
  { n: 5, symptom: 'fork/exec /var/runtime/bootstrap: no such file or directory', code: 'LAM001', text: 'FROM public.ecr.aws/lambda/provided:al2023\nCOPY bootstrap ${LAMBDA_TASK_ROOT}/\nCMD ["function.handler"]' },
  { n: 6, symptom: 'entrypoint requires the handler name to be the first argument (2 args)', code: 'LAM004', text: 'FROM public.ecr.aws/lambda/python:3.13\nCMD ["app.handler", "--debug"]' },
  { n: 6, symptom: 'entrypoint requires the handler name to be the first argument (shell form)', code: 'LAM002', text: 'FROM public.ecr.aws/lambda/python:3.13\nCMD app.handler' },
  { n: 7, symptom: '[Errno 13] Permission denied: /var/task/app.py (0600 files)', code: 'LAM012', text: 'FROM public.ecr.aws/lambda/python:3.13\nCOPY --chmod=600 app.py ${LAMBDA_TASK_ROOT}/\nCMD ["app.handler"]' },
  { n: 7, symptom: 'EACCES /var/task/index.js (umask 007)', code: 'LAM012', text: 'FROM public.ecr.aws/lambda/nodejs:22\nRUN umask 007 && cp -r /src/. /var/task/\nCMD ["index.handler"]' },
  { n: 8, symptom: "npm ERR! code EROFS mkdir '/home/sbx_user1051'", code: 'LAM011', text: 'FROM node:22-bookworm-slim\nRUN npm install aws-lambda-ric@3.3.0\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]' },
  { n: 9, symptom: 'yum: command not found on python:3.12+', code: 'LAM007', text: 'FROM public.ecr.aws/lambda/python:3.12\nRUN yum install -y gcc\nCMD ["app.handler"]' },
  { n: 10, symptom: 'find: command not found on AL2023', code: 'LAM022', text: 'FROM public.ecr.aws/lambda/nodejs:22\nRUN find /var/task -name "*.map" -delete\nCMD ["index.handler"]' },
  { n: 11, symptom: 'Node RIC on Alpine: gyp ERR! find Python / execinfo.h', code: 'LAM025', text: 'FROM node:22-alpine\nRUN npm install aws-lambda-ric@3.3.0\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]' },
  { n: 12, symptom: 'aws-lambda-ric terminate … basic_string (run outside Lambda)', code: 'LAM028', text: 'FROM node:22-bookworm-slim\nENV NPM_CONFIG_CACHE=/tmp/.npm\nRUN npm install aws-lambda-ric@3.3.0\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]' },
  { n: 13, symptom: 'aws-lambda-ric 4.x: Cannot find module from /function', code: 'LAM025', text: 'FROM node:22-bookworm-slim\nWORKDIR /function\nRUN npm install aws-lambda-ric\nENTRYPOINT ["/usr/local/bin/npx", "aws-lambda-ric"]\nCMD ["index.handler"]' },
  { n: 14, symptom: 'Python RIC on Alpine: execinfo.h missing / libstdc++ at run time', code: 'LAM025', text: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir --target /fn awslambdaric==3.0.0\nENTRYPOINT ["/usr/local/bin/python", "-m", "awslambdaric"]' },
  { n: 15, symptom: 'GLIBC_2.34 not found for a Go binary', code: 'LAM026', text: 'FROM golang:1.23-bookworm AS build\nRUN go build -o /out/bootstrap .\nFROM public.ecr.aws/lambda/provided:al2\nCOPY --from=build /out/bootstrap /var/runtime/bootstrap' },
  { n: 18, symptom: 'microdnf cannot install a local .rpm', code: 'LAM027', text: 'FROM public.ecr.aws/lambda/provided:al2023\nRUN dnf install -y /tmp/tool.rpm' },
  { n: 18, symptom: 'no EPEL on AL2023', code: 'LAM027', text: 'FROM public.ecr.aws/lambda/python:3.13\nRUN dnf install -y epel-release' },
  { n: 19, symptom: 'Node 24 handler dir.handler: ERR_UNSUPPORTED_DIR_IMPORT', code: 'LAM004', text: 'FROM public.ecr.aws/lambda/nodejs:24\nCOPY handler/ ${LAMBDA_TASK_ROOT}/handler/\nCMD ["handler.handler"]' },
];

describe('known Lambda image pitfalls are flagged', () => {
  for (const p of pitfalls) {
    it(`#${p.n} ${p.symptom} → ${p.code}`, () => {
      const codes = lintAll(p.text, p.arch ? { arch: p.arch } : {}).map((f) => f.code);
      expect(codes).toContain(p.code);
    });
  }
  it('covers every Dockerfile-visible pitfall number', () => {
    expect([...new Set(pitfalls.map((p) => p.n))].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 18, 19]);
  });
});
