import { fires, silent } from './helpers';

describe('DL3060 yarn install without yarn cache clean', () => {
  it('fires when the installing RUN keeps the cache', () => {
    fires('DL3060', ['RUN yarn install --frozen-lockfile']);
    fires('DL3060', ['RUN yarn']);
    fires('DL3060', ['ONBUILD RUN yarn install']);
    fires('DL3060', ['RUN yarn install', 'RUN yarn cache clean']);
  });
  it('is quiet with yarn cache clean in the same RUN, a cache mount, or an unused stage', () => {
    silent('DL3060', ['RUN yarn install && yarn cache clean']);
    silent('DL3060', ['RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install']);
    silent('DL3060', ['FROM node:20 AS deps', 'RUN yarn install', 'FROM node:20', 'RUN true']);
    silent('DL3060', ['RUN yarn build']);
  });
});
