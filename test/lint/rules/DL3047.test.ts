import { ruleTable } from '../helpers';

ruleTable('DL3047', {
  catches: [{ text: 'RUN wget https://example.com/x', lines: [1] }, { text: 'RUN wget -O /tmp/x https://example.com/x', lines: [1] }],
  passes: ['RUN wget -q https://example.com/x', 'RUN wget --progress=dot:giga https://x', 'RUN wget -nv https://x', 'RUN wget -qO- https://x | sh', 'RUN wget --no-verbose https://x', 'RUN curl -fsSL https://x'],
});
