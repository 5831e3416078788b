import * as assert from 'node:assert/strict';
import { fires, silent } from './helpers';

describe('DL3062 unpinned go install / get / run', () => {
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
  it('fires on a remote package without any version', () => {
    fires('DL3062', ['RUN go install example.invalid/cmd/x']);
    fires('DL3062', ['RUN go install tool gopls']);
  });
  it('fires on every unpinned go get, -tool included', () => {
    fires('DL3062', ['RUN go get example.invalid/pkg']);
    fires('DL3062', ['RUN go get -tool example.invalid/tool@latest']);
    silent('DL3062', ['RUN go get example.invalid/pkg@v1.2.3 && go get ./...']);
  });
  it('go run: the first operand is the package, the rest are its arguments', () => {
    fires('DL3062', ['RUN go run example.invalid/cmd/gen']);
    silent('DL3062', ['RUN go run example.invalid/cmd/gen@v1.2.3 --out x -v other']);
    silent('DL3062', ['RUN go run ./cmd/gen && go run main.go && go run .']);
  });
});
