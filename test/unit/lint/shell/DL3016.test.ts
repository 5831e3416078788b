import { fires, silent } from './helpers';

describe('DL3016 unpinned npm install', () => {
  it('fires on names without a version, or with @latest', () => {
    fires('DL3016', ['RUN npm install express']);
    fires('DL3016', ['RUN npm i -g typescript@latest']);
    fires('DL3016', ['RUN npm install @angular/cli']);
    fires('DL3016', ['ONBUILD RUN npm add lodash']);
  });
  it('is quiet for versions, tarballs, local paths and plain npm install / ci', () => {
    silent('DL3016', ['RUN npm install express@4.18.2 @angular/cli@17.0.0']);
    silent('DL3016', ['RUN npm install https://example.invalid/x-1.0.0.tgz']);
    silent('DL3016', ['RUN npm install ./local-pkg /abs/pkg ./x.tgz']);
    silent('DL3016', ['RUN npm install && npm ci']);
    silent('DL3016', ['RUN npm install --prefix /app']);
    silent('DL3016', ['RUN npm run build']);
  });
  it('fires on git dependencies without #commit, not with one', () => {
    fires('DL3016', ['RUN npm install git+https://example.invalid/org/repo.git']);
    fires('DL3016', ['RUN npm install github:org/repo']);
    fires('DL3016', ['RUN npm install org/repo']);
    silent('DL3016', ['RUN npm install git+https://example.invalid/org/repo.git#4f2a9c1 github:org/repo#v1.2.0 org/other#abc123']);
  });
});
