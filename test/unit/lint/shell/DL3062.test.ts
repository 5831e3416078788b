import * as assert from 'node:assert/strict';
import { fires, silent } from './helpers';

describe('DL3062 unpinned go install', () => {
  it('fires on @latest and names the package', () => {
    const [f] = fires('DL3062', ['RUN go install golang.org/x/tools/gopls@latest']);
    assert.match(f.message, /gopls@v1\.2\.3/);
    fires('DL3062', ['RUN go install -ldflags "-s -w" example.invalid/cmd/x@latest']);
    fires('DL3062', ['ONBUILD RUN go install example.invalid/x@latest']);
  });
  it('is quiet with a version, for local packages, and for flag values', () => {
    silent('DL3062', ['RUN go install golang.org/x/tools/gopls@v0.15.0']);
    silent('DL3062', ['RUN go install ./cmd/... && go install .']);
    silent('DL3062', ['RUN go install -tags latest ./cmd/x']);
    silent('DL3062', ['RUN go build -o /x@latest .']);
  });
});
