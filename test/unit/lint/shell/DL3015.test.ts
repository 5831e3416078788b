import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3015 apt-get install without --no-install-recommends', () => {
  it('fires without the option', () => {
    fires('DL3015', ['RUN apt-get install -y curl']);
    fires('DL3015', ['RUN ["apt-get", "install", "-y", "curl"]']);
    fires('DL3015', ['ONBUILD RUN apt-get install -y curl']);
    fires('DL3015', ['RUN apt-get install -y -o APT::Install-Recommends=true curl']);
  });
  it('is quiet with the option, the equivalent APT setting, or APT config written in the same RUN', () => {
    silent('DL3015', ['RUN apt-get install -y --no-install-recommends curl']);
    silent('DL3015', ['RUN apt-get --no-install-recommends -y install curl']);
    silent('DL3015', ['RUN apt-get install -y -o APT::Install-Recommends=false curl']);
    silent('DL3015', [`RUN echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/norec && apt-get install -y curl`]);
  });
  it('fix adds --no-install-recommends after install', () => {
    fixedAndQuiet('DL3015', ['RUN apt-get install -y curl'], ['RUN apt-get install --no-install-recommends -y curl']);
  });
});
