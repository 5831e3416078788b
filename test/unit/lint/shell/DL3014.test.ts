import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3014 apt-get install without -y', () => {
  it('fires without a yes option', () => {
    fires('DL3014', ['RUN apt-get install curl=1']);
    fires('DL3014', ['RUN apt-get -q install curl=1']);
    fires('DL3014', ['ONBUILD RUN apt-get install curl=1']);
    fires('DL3014', ['RUN apt-get install -- -y']);
  });
  it('is quiet with -y, --yes, --assume-yes, combined flags, -qq and the config option', () => {
    silent('DL3014', ['RUN apt-get install -y curl']);
    silent('DL3014', ['RUN apt-get -qy install curl']);
    silent('DL3014', ['RUN apt-get install --yes curl']);
    silent('DL3014', ['RUN apt-get install --assume-yes curl']);
    silent('DL3014', ['RUN apt-get -qq install curl']);
    silent('DL3014', ['RUN apt-get -q -q install curl']);
    silent('DL3014', ['RUN apt-get --quiet=2 install curl']);
    silent('DL3014', ['RUN apt-get -o APT::Get::Assume-Yes=true install curl']);
    silent('DL3014', ['RUN apt-get update']);
  });
  it('fix adds -y after install', () => {
    fixedAndQuiet('DL3014', ['RUN apt-get update && apt-get install curl'], ['RUN apt-get update && apt-get install -y curl']);
    fixedAndQuiet('DL3014', ['RUN apt-get update && \\', '    apt-get install \\', '      curl'], ['RUN apt-get update && \\', '    apt-get install -y \\', '      curl']);
  });
  it('-qq and -q=2 imply yes', () => {
    silent('DL3014', ['RUN apt-get -qq install curl']);
    silent('DL3014', ['RUN apt-get -q=2 install curl']);
    silent('DL3014', ['RUN apt-get install --quiet=2 curl']);
    fires('DL3014', ['RUN apt-get -q=1 install curl']);
  });
  it('two separate quiet flags are quiet level 2 too', () => {
    silent('DL3014', ['RUN apt-get install --quiet --quiet curl']);
    silent('DL3014', ['RUN apt-get -q install --quiet curl']);
    fires('DL3014', ['RUN apt-get install --quiet curl']);
  });
});
