import * as assert from 'node:assert/strict';
import { fires, silent } from './helpers';

describe('DL3013 unpinned pip install', () => {
  it('fires on bare names, through pip3, python -m pip and bash -c', () => {
    const [f] = fires('DL3013', ['RUN pip install flask requests==2.31']);
    assert.match(f.message, /'flask'/);
    fires('DL3013', ['RUN pip3 install --user flask']);
    fires('DL3013', ['RUN python3 -m pip install flask']);
    fires('DL3013', [`RUN bash -c 'pip install flask'`]);
    fires('DL3013', ['ONBUILD RUN pip install flask']);
    fires('DL3013', ['RUN pip install -U setuptools']);
  });
  it('is quiet for versions, requirement files, editable/local paths, URLs and wheels', () => {
    silent('DL3013', ['RUN pip install flask==3.0 "requests>=2" numpy~=1.26']);
    silent('DL3013', ['RUN pip install -r requirements.txt']);
    silent('DL3013', ['RUN pip install --requirement=requirements.txt -c constraints.txt']);
    silent('DL3013', ['RUN pip install -e . && pip install .']);
    silent('DL3013', ['RUN pip install ./dist/app-1.0-py3-none-any.whl app.whl']);
    silent('DL3013', ['RUN pip install https://example.invalid/app.tar.gz "app @ git+https://example.invalid/app"']);
    silent('DL3013', ['RUN pip install --index-url http://mirror.invalid/simple app==1']);
    silent('DL3013', ['RUN pip install $PACKAGES']);
  });
  it('allows upgrading pip itself (a documented choice)', () => {
    silent('DL3013', ['RUN pip install --upgrade pip']);
    silent('DL3013', ['RUN python -m pip install -U pip']);
  });
  it('is quiet for other pip commands and quoted text', () => {
    silent('DL3013', ['RUN pip download flask && pip freeze']);
    silent('DL3013', ['RUN echo "pip install flask"']);
  });
  it('fires on VCS installs without @ref and on pipx install', () => {
    fires('DL3013', ['RUN pip install git+https://example.invalid/org/repo.git']);
    fires('DL3013', ['RUN pip install git+ssh://git@example.invalid/org/repo.git#egg=repo']);
    fires('DL3013', ['RUN pipx install black']);
    silent('DL3013', ['RUN pip install git+https://example.invalid/org/repo.git@v1.2.0#egg=repo']);
    silent('DL3013', ['RUN pipx install black==24.1.0']);
  });
  it('a constraints file pins; option values are not packages', () => {
    silent('DL3013', ['RUN pip install -c constraints.txt flask']);
    silent('DL3013', ['RUN pip install --constraint=constraints.txt flask']);
    silent('DL3013', ['RUN pip install --root-user-action ignore flask==3.0']);
  });
});
