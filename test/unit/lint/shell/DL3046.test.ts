import { fires, silent } from './helpers';

describe('DL3046 useradd with a high UID and no -l', () => {
  it('fires with a long UID and no -l', () => {
    fires('DL3046', ['RUN useradd -u 123456 app']);
    fires('DL3046', ['RUN useradd --uid=1000000 -m app']);
    fires('DL3046', ['ONBUILD RUN useradd -mu 123456 app']);
  });
  it('is quiet with -l/--no-log-init (also combined), short UIDs, or none', () => {
    silent('DL3046', ['RUN useradd -l -u 123456 app']);
    silent('DL3046', ['RUN useradd -lmu 123456 app']);
    silent('DL3046', ['RUN useradd --no-log-init --uid 123456 app']);
    silent('DL3046', ['RUN useradd -u 12345 app && useradd app2']);
    silent('DL3046', ['RUN useradd -u "$APP_UID" app']);
  });
});
