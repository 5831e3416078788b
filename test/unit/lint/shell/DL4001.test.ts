import { fires, silent } from './helpers';

describe('DL4001 both wget and curl', () => {
  it('fires on every RUN using either tool once the stage has used both', () => {
    fires('DL4001', ['RUN wget -q a', 'RUN curl b', 'RUN echo hi', 'RUN wget -q c'], 2);
    fires('DL4001', ['RUN wget -q a', 'RUN curl b', 'RUN echo hi'], 1);
  });
  it('fires once per RUN that uses both', () => {
    fires('DL4001', ['RUN wget -q https://example.invalid/a', 'RUN curl -fsSL https://example.invalid/b && curl -o x y']);
    fires('DL4001', ['RUN curl -q x | wget -qi -']);
    fires('DL4001', ['FROM debian:12', 'RUN wget -q a && curl b', 'FROM debian:12', 'RUN curl a && wget -q b'], 2);
  });
  it('is quiet when stages use one each, or the other is only a package name', () => {
    silent('DL4001', ['FROM debian:12', 'RUN wget -q a', 'FROM debian:12', 'RUN curl b']);
    silent('DL4001', ['RUN apt-get install -y wget=1 && curl x']);
  });
});
