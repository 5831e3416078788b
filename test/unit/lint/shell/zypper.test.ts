import { fires, silent } from './helpers';

const FROM = 'FROM opensuse/leap:15.5';

describe('DL3034 zypper without non-interactive', () => {
  it('fires on changing subcommands without -n/-y', () => {
    fires('DL3034', [FROM, 'RUN zypper install curl=8']);
    fires('DL3034', [FROM, 'RUN zypper rm curl']);
    fires('DL3034', [FROM, 'ONBUILD RUN zypper in curl=8']);
  });
  it('is quiet with -n / --non-interactive before the subcommand or -y / --no-confirm after it', () => {
    silent('DL3034', [FROM, 'RUN zypper -n install curl=8']);
    silent('DL3034', [FROM, 'RUN zypper --non-interactive in curl=8']);
    silent('DL3034', [FROM, 'RUN zypper install -y curl=8']);
    silent('DL3034', [FROM, 'RUN zypper in --no-confirm curl=8']);
    silent('DL3034', [FROM, 'RUN zypper refresh && zypper search curl']);
  });
});

describe('DL3035 zypper dist-upgrade', () => {
  it('fires on dist-upgrade and dup', () => {
    fires('DL3035', [FROM, 'RUN zypper -n dist-upgrade']);
    fires('DL3035', [FROM, 'RUN zypper dup -y']);
  });
  it('is quiet otherwise', () => {
    silent('DL3035', [FROM, 'RUN zypper -n patch && echo dup']);
  });
});

describe('DL3036 zypper clean missing', () => {
  it('fires when the installing RUN does not clean', () => {
    fires('DL3036', [FROM, 'RUN zypper -n install curl=8']);
  });
  it('is quiet with zypper clean / cc, removing the cache, or a cache mount', () => {
    silent('DL3036', [FROM, 'RUN zypper -n install curl=8 && zypper clean --all']);
    silent('DL3036', [FROM, 'RUN zypper -n in curl=8 && zypper cc -a']);
    silent('DL3036', [FROM, 'RUN zypper -n in curl=8 && rm -rf /var/cache/zypp/*']);
    silent('DL3036', [FROM, 'RUN --mount=type=cache,target=/var/cache/zypp zypper -n in curl=8']);
  });
});

describe('DL3037 unpinned zypper install', () => {
  it('fires on names without a version', () => {
    fires('DL3037', [FROM, 'RUN zypper -n install curl']);
  });
  it('is quiet for versions, ranges, rpm files and option values', () => {
    silent('DL3037', [FROM, 'RUN zypper -n install curl=8.0 "git>=2.40" ./x.rpm']);
    silent('DL3037', [FROM, 'RUN zypper -n install -t pattern devel_basis=1']);
    silent('DL3037', [FROM, 'RUN zypper -n install --from repo-oss curl=8.0']);
  });
});
