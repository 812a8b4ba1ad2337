import { ruleTable } from '../helpers';

ruleTable('DL3042', {
  catches: [{ text: 'RUN pip install -r requirements.txt', lines: [1] }, { text: 'RUN python -m pip install requests==2.32.3', lines: [1] }, { text: 'FROM python:3.12 AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install x==1', lines: [4] }],
  passes: [
    'RUN pip install --no-cache-dir -r requirements.txt',
    'ENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=true\nRUN pip install x==1',
    'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install x==1',
    'RUN PIP_NO_CACHE_DIR=1 pip install x==1',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install x==1',
    'RUN pipx install black',
    'RUN pip freeze',
  ],
});
