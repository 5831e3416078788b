import { fires, silent } from './helpers';

describe('DL3027 apt instead of apt-get', () => {
  it('fires on apt', () => {
    fires('DL3027', ['RUN apt update && apt install -y curl'], 2);
    fires('DL3027', ['ONBUILD RUN apt install x']);
  });
  it('is quiet for apt-get, apt-cache and apt as an argument', () => {
    silent('DL3027', ['RUN apt-get update && apt-cache policy curl']);
    silent('DL3027', ['RUN echo apt']);
  });
});
