import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3047 wget without progress setting', () => {
  it('fires without a progress or quiet option', () => {
    fires('DL3047', ['RUN wget https://example.invalid/x.tgz']);
    fires('DL3047', ['RUN wget -O /tmp/x https://example.invalid/x']);
    fires('DL3047', ['ONBUILD RUN wget -c https://example.invalid/x']);
  });
  it('is quiet with --progress, -q, -nv, or output to a log file', () => {
    silent('DL3047', ['RUN wget --progress=dot:giga https://example.invalid/x']);
    silent('DL3047', ['RUN wget -qO- https://example.invalid/x | tar x']);
    silent('DL3047', ['RUN wget -nv https://example.invalid/x']);
    silent('DL3047', ['RUN wget --no-verbose https://example.invalid/x']);
    silent('DL3047', ['RUN wget -o /tmp/log https://example.invalid/x']);
    silent('DL3047', ['RUN echo wget']);
  });
  it('fix adds --progress=dot:giga after wget', () => {
    fixedAndQuiet('DL3047', ['RUN wget -O /tmp/x https://example.invalid/x'], ['RUN wget --progress=dot:giga -O /tmp/x https://example.invalid/x']);
  });
});
