import { ruleTable } from '../helpers';

ruleTable('DL3013', {
  catches: [
    { text: 'RUN pip install requests', lines: [1] },
    { text: 'RUN pip3 install --no-cache-dir requests==2.32.3 boto3', lines: [1] },
    { text: 'RUN python -m pip install flask', lines: [1] },
    { text: 'RUN python3.12 -m pip install --upgrade pip', lines: [1] },
    { text: 'RUN pip install git+https://github.com/x/y.git', lines: [1] },
  ],
  passes: [
    'RUN pip install requests==2.32.3',
    'RUN pip install "requests>=2,<3"',
    'RUN pip install -r requirements.txt',
    'RUN pip install --requirement requirements.txt',
    'RUN pip install -c constraints.txt requests',
    'RUN pip install .',
    'RUN pip install ./dist/pkg-1.0-py3-none-any.whl',
    'RUN pip install git+https://github.com/x/y.git@v1.0',
    'RUN pip install --target /asset -r requirements.txt',
    'RUN pip download requests',
  ],
});
