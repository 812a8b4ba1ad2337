import { ruleTable } from '../helpers';

ruleTable('DL4006', {
  catches: [
    { text: 'FROM a:1\nRUN curl -fsSL https://x | sh', lines: [2] },
    { text: 'FROM a:1\nSHELL ["/bin/bash", "-c"]\nRUN a | b', lines: [3] },
    { text: 'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM b:1\nRUN a | b', lines: [4] },
  ],
  passes: [
    'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x | sh',
    'FROM a:1\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b',
    'FROM a:1\nSHELL ["pwsh", "-Command"]\nRUN a | b',
    'FROM a:1\nRUN a || b',
    'FROM a:1\nRUN echo "a | b"',
  ],
});
