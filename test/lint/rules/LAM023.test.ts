import { ruleTable } from '../helpers';

ruleTable('LAM023', {
  catches: [
    { text: "FROM alpine:3.20\nRUN cat << 'EOF' > /etc/x\nsetopt x\nEOF", line: 2, lines: [2] },
    { text: 'FROM alpine:3.20\nRUN cat <<- EOT > /etc/x\n\thello\n\tEOT', lines: [2] },
  ],
  passes: [
    "FROM alpine:3.20\nRUN cat <<'EOF' > /etc/x\nsetopt x\nEOF",
    'FROM alpine:3.20\nRUN echo $((1 << 2))',
    'FROM alpine:3.20\nRUN cat <<< "here string"',
    'FROM alpine:3.20\nRUN echo "a << b"',
  ],
});
