import { fires, silent } from './helpers';

describe('DL3004 sudo', () => {
  it('fires on sudo anywhere in the script', () => {
    fires('DL3004', ['RUN sudo apt-get update']);
    fires('DL3004', ['RUN true && \\', '  sudo make install | tee log']);
    fires('DL3004', ['ONBUILD RUN sudo ls']);
    fires('DL3004', ['RUN <<EOF', 'sudo ls', 'EOF']);
  });
  it('is quiet when sudo is only an argument or quoted', () => {
    silent('DL3004', ['RUN apt-get install -y sudo=1.9']);
    silent('DL3004', [`RUN echo 'sudo ls'`]);
    silent('DL3004', ['SHELL ["cmd", "/S", "/C"]', 'RUN sudo x']);
  });
});
