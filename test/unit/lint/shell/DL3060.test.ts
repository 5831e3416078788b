import { fires, silent } from './helpers';

describe('DL3060 yarn install without yarn cache clean', () => {
  it('fires when the installing RUN keeps the cache', () => {
    fires('DL3060', ['RUN yarn install --frozen-lockfile']);
    fires('DL3060', ['RUN yarn']);
    fires('DL3060', ['ONBUILD RUN yarn install']);
    fires('DL3060', ['RUN yarn install', 'RUN yarn cache clean']);
  });
  it('a clean before the install, or a mount elsewhere, leaves the cache in the layer', () => {
    fires('DL3060', ['RUN yarn cache clean && yarn install --frozen-lockfile']);
    fires('DL3060', ['RUN yarn install && yarn cache clean && yarn install --production']);
    fires('DL3060', ['RUN --mount=type=tmpfs,target=/tmp/scratch yarn install']);
    silent('DL3060', ['RUN yarn cache clean && yarn install && yarn cache clean']);
  });
  it('a tmpfs mount on the yarn cache keeps it out of the layer', () => {
    silent('DL3060', ['RUN --mount=type=tmpfs,target=/usr/local/share/.cache/yarn yarn install']);
  });
  it('is quiet with yarn cache clean in the same RUN, a cache mount, or an unused stage', () => {
    silent('DL3060', ['RUN yarn install && yarn cache clean']);
    silent('DL3060', ['RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install']);
    silent('DL3060', ['FROM node:20 AS deps', 'RUN yarn install', 'FROM node:20', 'RUN true']);
    silent('DL3060', ['RUN yarn build']);
  });
});
