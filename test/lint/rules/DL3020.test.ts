import { ruleTable } from '../helpers';

ruleTable('DL3020', {
  catches: ['ADD app.py /var/task/', 'ADD "app.py" /x/', "ADD 'app.py' /x/", 'ADD $ARCHIVE /opt/', 'FROM a:1\nADD --chown=1:1 src/ /app/', 'ADD ["a b.txt", "/x/"]'],
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
