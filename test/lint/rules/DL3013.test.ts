import { ruleTable } from '../helpers';

ruleTable('DL3013', {
  catches: [
    'RUN pip install requests',
    'RUN pip3 install --no-cache-dir requests==2.32.3 boto3',
    'RUN python -m pip install flask',
    'RUN python3.12 -m pip install --upgrade pip',
    'RUN pip install git+https://github.com/x/y.git',
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
