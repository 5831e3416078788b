import { fires, silent } from './helpers';

describe('DL3016 unpinned npm install', () => {
  it('fires on names without a version, or with @latest', () => {
    fires('DL3016', ['RUN npm install express']);
    fires('DL3016', ['RUN npm i -g typescript@latest']);
    fires('DL3016', ['RUN npm install @angular/cli']);
    fires('DL3016', ['ONBUILD RUN npm add lodash']);
  });
  it('is quiet for versions, git URLs, tarballs, local paths and plain npm install / ci', () => {
    silent('DL3016', ['RUN npm install express@4.18.2 @angular/cli@17.0.0']);
    silent('DL3016', ['RUN npm install git+https://example.invalid/x.git github:user/repo user/repo']);
    silent('DL3016', ['RUN npm install ./local-pkg /abs/pkg ./x.tgz']);
    silent('DL3016', ['RUN npm install && npm ci']);
    silent('DL3016', ['RUN npm install --prefix /app']);
    silent('DL3016', ['RUN npm run build']);
  });
});
