import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3064', () => {
  it('fires on secret-looking names', () => {
    assert.deepEqual(lines(findings('DL3064', ['FROM a:1', 'ARG AWS_SECRET_ACCESS_KEY', 'ENV db_password=x', 'ENV GITHUB_TOKEN=x'])), [2, 3, 4]);
  });
  it('does not fire on ordinary names or public keys', () => {
    assert.deepEqual(findings('DL3064', ['FROM a:1', 'ARG VERSION=1', 'ENV MONKEY=1 TOKENIZER=x', 'ENV PUBLIC_KEY=abc', 'ENV dbPassword=x api-key=y']), []);
  });
  it('exempts what BuildKit exempts: *_FILE paths and *_VERSION names', () => {
    assert.deepEqual(findings('DL3064', ['FROM a:1', 'ENV POSTGRES_PASSWORD_FILE=/run/secrets/pw', 'ARG TOKEN_VERSION=2', 'ARG KEY_FILE']), []);
  });
});
