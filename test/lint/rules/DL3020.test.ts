import { ruleTable } from '../helpers';

ruleTable('DL3020', {
  catches: [{ text: 'ADD app.py /var/task/', lines: [1] }, { text: 'ADD "app.py" /x/', lines: [1] }, { text: "ADD 'app.py' /x/", lines: [1] }, { text: 'ADD $ARCHIVE /opt/', lines: [1] }, { text: 'FROM a:1\nADD --chown=1:1 src/ /app/', lines: [2] }, { text: 'ADD ["a b.txt", "/x/"]', lines: [1] }],
  passes: [
    'ADD https://example.com/x.tar.gz /opt/',
    'ADD rootfs.tar.xz /',
    'ADD git@github.com:moby/buildkit.git /src',
    'COPY app.py /var/task/',
    "ADD 'app.tar.gz' /x/",
    'ADD "https://example.com/x.zip" /x/',
    'ADD ${NAME}.tar.gz /opt/',
  ],
});
