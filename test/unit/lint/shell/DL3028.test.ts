import { fires, silent } from './helpers';

describe('DL3028 unpinned gem install', () => {
  it('fires on names without a version', () => {
    fires('DL3028', ['RUN gem install bundler']);
    fires('DL3028', ['ONBUILD RUN gem install --no-document rails']);
  });
  it('is quiet with name:version, -v/--version, or local gems', () => {
    silent('DL3028', ['RUN gem install bundler:2.5.3 rails:7.1.0']);
    silent('DL3028', ['RUN gem install bundler -v 2.5.3']);
    silent('DL3028', ['RUN gem install --version=2.5.3 bundler']);
    silent('DL3028', ['RUN gem install ./pkg/x-1.0.gem']);
    silent('DL3028', ['RUN gem update --system']);
  });
  it('words after -- are build options, not gem names', () => {
    silent('DL3028', ['RUN gem install nokogiri:1.16.0 -- --use-system-libraries true']);
    fires('DL3028', ['RUN gem install nokogiri -- --use-system-libraries']);
  });
  it('a yes/no word after an unknown long option is its value, other words stay gem names', () => {
    silent('DL3028', ['RUN gem install pg:1.5.4 --with-pg-config false']);
    fires('DL3028', ['RUN gem install --no-document rails']);
    fires('DL3028', ['RUN gem install pg:1.5.4 --with-pg-config rake']);
  });
});
