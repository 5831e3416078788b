import { fires, silent } from './helpers';

describe('DL3001 interactive or host tools', () => {
  it('fires on each host tool, also in ONBUILD RUN and nested scripts', () => {
    fires('DL3001', ['RUN service nginx start && ps aux | grep x'], 2);
    fires('DL3001', ['ONBUILD RUN vim /etc/hosts']);
    fires('DL3001', [`RUN sh -c 'shutdown -h now'`]);
    fires('DL3001', ['RUN /usr/bin/ssh host', 'RUN top -b -n1'], 2);
  });
  it('is quiet for the same words as arguments or in quotes', () => {
    silent('DL3001', ['RUN echo "ps top kill" && apt-get install -y --no-install-recommends vim-tiny=1']);
    silent('DL3001', ['RUN --mount=type=cache,target=/x make']);
    silent('DL3001', ['RUN apt-get install -y openssh-client=1']);
  });
  it('is quiet in PowerShell stages', () => {
    silent('DL3001', ['SHELL ["pwsh", "-Command"]', 'RUN ps']);
  });
});
