import * as assert from 'node:assert/strict';
import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3027 apt instead of apt-get', () => {
  it('fires on apt', () => {
    fires('DL3027', ['RUN apt update && apt install -y curl'], 2);
    fires('DL3027', ['ONBUILD RUN apt install x']);
  });
  it('is quiet for apt-get, apt-cache and apt as an argument', () => {
    silent('DL3027', ['RUN apt-get update && apt-cache policy curl']);
    silent('DL3027', ['RUN echo apt']);
  });
  it('fix turns apt into apt-get where apt-get has the same subcommand', () => {
    fixedAndQuiet('DL3027', ['RUN apt install -y curl=1'], ['RUN apt-get install -y curl=1']);
    fixedAndQuiet('DL3027', ['RUN /usr/bin/apt full-upgrade -y'], ['RUN /usr/bin/apt-get dist-upgrade -y']);
    const [f] = fires('DL3027', ['RUN apt search curl']);
    assert.equal(f.fixes, undefined);
  });
});
