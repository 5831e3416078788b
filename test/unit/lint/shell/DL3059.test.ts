import { fires, silent } from './helpers';

describe('DL3059 consecutive RUNs', () => {
  it('fires on the second of two single-command RUNs, comments between them allowed', () => {
    fires('DL3059', ['RUN apt-get update', 'RUN apt-get install -y curl']);
    fires('DL3059', ['RUN a', '# why', 'RUN b', 'RUN c'], 2);
    fires('DL3059', ['RUN --mount=type=secret,id=x a', 'RUN --mount=type=secret,id=x b']);
    fires('DL3059', ['RUN sudo a', 'RUN env X=1 b']);
  });
  it('is quiet when something else sits between, flags differ, or a RUN chains commands', () => {
    silent('DL3059', ['RUN a', 'WORKDIR /x', 'RUN b']);
    silent('DL3059', ['RUN --mount=type=secret,id=x a', 'RUN b']);
    silent('DL3059', ['RUN a && b', 'RUN c']);
    silent('DL3059', ['RUN <<EOF', 'a', 'EOF', 'RUN b']);
    silent('DL3059', ['RUN a', 'FROM debian:12', 'RUN b']);
  });
});
