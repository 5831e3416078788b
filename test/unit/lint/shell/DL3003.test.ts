import * as assert from 'node:assert/strict';
import { covered, dockerfile, fires, silent } from './helpers';

describe('DL3003 cd instead of WORKDIR', () => {
  it('fires on cd and points at it', () => {
    const lines = ['RUN cd /usr/src/app && \\', '    make'];
    const [f] = fires('DL3003', lines);
    assert.equal(covered(dockerfile(...lines), f), 'cd /usr/src/app');
    fires('DL3003', ['ONBUILD RUN cd /x; make']);
    fires('DL3003', ['RUN ["sh", "-c", "cd /x && make"]']);
  });
  it('is quiet for cd scoped in a subshell or substitution, and for the word in quotes', () => {
    silent('DL3003', ['RUN (cd /x && make) && echo ok']);
    silent('DL3003', ['RUN echo "$(cd /x && pwd)"']);
    silent('DL3003', ['RUN echo "cd /x"']);
    silent('DL3003', ['WORKDIR /x', 'RUN make']);
  });
});
