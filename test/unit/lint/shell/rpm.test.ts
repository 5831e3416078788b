import { fires, silent } from './helpers';

const FROM = 'FROM fedora:40';

describe('DL3030 / DL3038 yum and dnf install without -y', () => {
  it('fires without -y', () => {
    fires('DL3030', [FROM, 'RUN yum install httpd-2.4.6']);
    fires('DL3038', [FROM, 'RUN dnf install httpd-2.4.6']);
    fires('DL3038', [FROM, 'ONBUILD RUN dnf install httpd-2.4.6']);
  });
  it('is quiet with -y / --assumeyes anywhere and for other subcommands', () => {
    silent('DL3030', [FROM, 'RUN yum -y install httpd']);
    silent('DL3030', [FROM, 'RUN yum install --assumeyes httpd']);
    silent('DL3038', [FROM, 'RUN dnf install -qy httpd']);
    silent('DL3038', [FROM, 'RUN dnf clean all && dnf makecache']);
  });
  it('checks microdnf too, and the dnf aliases of install', () => {
    fires('DL3038', [FROM, 'RUN microdnf install httpd-2.4.6']);
    silent('DL3038', [FROM, 'RUN microdnf install -y httpd-2.4.6']);
    for (const sub of ['in', 'reinstall', 'rei', 'upgrade', 'up', 'upgrade-minimal', 'up-min']) fires('DL3038', [FROM, `RUN dnf ${sub} httpd-2.4.6`]);
  });
});

describe('DL3032 / DL3040 clean all missing', () => {
  it('fires when the installing RUN does not clean', () => {
    fires('DL3032', [FROM, 'RUN yum install -y httpd-2.4.6']);
    fires('DL3032', [FROM, 'RUN yum install -y httpd-2.4.6', 'RUN yum clean all']);
    fires('DL3040', [FROM, 'RUN dnf install -y httpd-2.4.6']);
    fires('DL3040', [FROM, 'RUN microdnf install httpd-2.4.6']);
  });
  it('is quiet with clean all, removing the cache, a cache mount, or in an unused stage', () => {
    silent('DL3032', [FROM, 'RUN yum install -y httpd && yum clean all']);
    silent('DL3032', [FROM, 'RUN yum install -y httpd && rm -rf /var/cache/yum']);
    silent('DL3040', [FROM, 'RUN dnf install -y httpd && dnf clean all']);
    silent('DL3040', [FROM, 'RUN microdnf install httpd && microdnf clean all']);
    silent('DL3040', [FROM, 'RUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd']);
    silent('DL3040', ['FROM fedora:40 AS unused', 'RUN dnf install -y httpd', FROM, 'RUN true']);
    silent('DL3040', [FROM, 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd']);
    silent('DL3040', [FROM, 'RUN --mount=type=tmpfs,target=/var/cache/libdnf5 dnf install -y httpd']);
  });
  it('one tool cleaning does not empty the other tool\'s cache', () => {
    fires('DL3040', [FROM, 'RUN dnf install -y httpd-2.4.6 && microdnf clean all']);
    fires('DL3040', [FROM, 'RUN microdnf install -y jq-1.6 && dnf clean all']);
    fires('DL3040', [FROM, 'RUN dnf install -y a-1 && microdnf install -y b-2 && dnf clean all']);
    silent('DL3040', [FROM, 'RUN dnf install -y a-1 && microdnf install -y b-2 && dnf clean all && microdnf clean all']);
  });
  it('a clean before the install does not count; aliases install too', () => {
    fires('DL3040', [FROM, 'RUN dnf clean all && dnf install -y httpd-2.4.6']);
    fires('DL3032', [FROM, 'RUN rm -rf /var/cache/yum && yum install -y httpd-2.4.6']);
    fires('DL3040', [FROM, 'RUN dnf in -y httpd-2.4.6']);
  });
});

describe('DL3033 / DL3041 unpinned yum and dnf install', () => {
  it('fires on names without a version', () => {
    fires('DL3033', [FROM, 'RUN yum install -y httpd']);
    fires('DL3041', [FROM, 'RUN dnf install -y httpd-2.4.6 nginx']);
    fires('DL3041', [FROM, 'RUN microdnf install python3']);
  });
  it('is quiet for name-version, .rpm files, URLs and groups', () => {
    silent('DL3033', [FROM, 'RUN yum install -y httpd-2.4.6-99.el7 mod_ssl-1:2.4.6']);
    silent('DL3033', [FROM, 'RUN yum install -y /tmp/x.rpm https://example.invalid/y.rpm']);
    silent('DL3041', [FROM, 'RUN dnf install -y @development-tools "python3 >= 3.11"']);
    silent('DL3041', [FROM, 'RUN dnf install -y --setopt=tsflags=nodocs --enablerepo crb httpd-2.4.6']);
  });
  it('dnf module install needs a :stream', () => {
    fires('DL3041', [FROM, 'RUN dnf module install -y nodejs']);
    silent('DL3041', [FROM, 'RUN dnf module install -y nodejs:18']);
    silent('DL3041', [FROM, 'RUN dnf module enable -y nodejs']);
  });
  it('a ${version} no ARG/ENV of this stage defines is no pin', () => {
    fires('DL3041', ['FROM fedora:40 AS a', 'ARG version=2.4.6', 'FROM fedora:40', 'RUN dnf install -y httpd-${version}']);
    fires('DL3033', ['FROM centos:7 AS tools', 'ENV REL=3.1', 'FROM centos:7', 'RUN yum install -y nginx-$REL']);
    silent('DL3041', [FROM, 'ARG version=2.4.6', 'RUN dnf install -y httpd-${version}']);
    silent('DL3033', ['FROM centos:7 AS tools', 'ENV REL=3.1', 'FROM tools', 'RUN yum install -y nginx-${REL}']);
    silent('DL3041', [FROM, 'RUN dnf install -y httpd-$(cat /v)']);
  });
  it('a variable the file never sets may come from the base image: it counts as a version', () => {
    silent('DL3041', [FROM, 'RUN dnf install -y "nginx-${NGINX_REL}"']);
    silent('DL3033', [FROM, 'RUN yum install -y curl-$CURL_REL && yum clean all']);
    silent('DL3041', [FROM, 'RUN microdnf install -y "jq-${JQ_REL}"']);
  });
  it('dnf aliases install unpinned packages too', () => {
    fires('DL3041', [FROM, 'RUN dnf in -y httpd']);
    fires('DL3041', [FROM, 'RUN dnf up -y httpd']);
  });
});
