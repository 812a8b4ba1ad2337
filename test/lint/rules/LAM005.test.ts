import { ruleTable } from '../helpers';

ruleTable('LAM005', {
  catches: [
    { text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022', lines: [1] },
    { text: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022', lines: [1] },
    { text: 'FROM --platform=windows/amd64 python:3.12', lines: [1] },
    { text: 'FROM python:3.12-windowsservercore-ltsc2022', lines: [1] },
    { text: 'FROM python:3.12\nSHELL ["powershell", "-Command"]', lines: [2] },
  ],
  passes: ['FROM public.ecr.aws/lambda/provided:al2023', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS tools\nFROM public.ecr.aws/lambda/provided:al2023'],
});
