import * as assert from 'node:assert/strict';
import { covered, dockerfile, fires, silent } from './helpers';

describe('DL3008 unpinned apt-get install', () => {
  it('fires on unpinned packages and points at them', () => {
    const [f] = fires('DL3008', ['RUN apt-get update && apt-get install -y curl=7.88 git wget']);
    assert.equal(covered(dockerfile('RUN apt-get update && apt-get install -y curl=7.88 git wget'), f), 'git wget');
    assert.match(f.message, /'git', 'wget'/);
  });
  it('fires across continuations, in ONBUILD RUN and in exec form', () => {
    fires('DL3008', ['RUN apt-get install -y \\', '    # tools', '    curl']);
    fires('DL3008', ['ONBUILD RUN apt-get install -y curl']);
    fires('DL3008', ['RUN ["apt-get", "install", "-y", "curl"]']);
    fires('DL3008', ['RUN <<EOF', 'apt-get install -y curl', 'EOF']);
    fires('DL3008', ['RUN apt-get -y install -o Dpkg::Options::=--force-confold curl']);
  });
  it('treats names after -- as packages even when they look like flags', () => {
    fires('DL3008', ['RUN apt-get install -y -- -odd-name']);
  });
  it('is quiet for pinned packages, .deb files, paths and release pins', () => {
    silent('DL3008', ['RUN apt-get install -y curl=7.88.1-10 git=1:2.39']);
    silent('DL3008', ['RUN apt-get install -y ./pkg.deb /tmp/x.deb foo.deb']);
    silent('DL3008', ['RUN apt-get install -y curl/bookworm-backports']);
    silent('DL3008', ['RUN apt-get install -y curl=${CURL_VERSION}']);
    silent('DL3008', ['RUN apt-get install -y $PACKAGES']);
  });
  it('is quiet for other apt-get subcommands, quoted text and option values', () => {
    silent('DL3008', ['RUN apt-get update && apt-get upgrade -y']);
    silent('DL3008', ['RUN echo "apt-get install curl"']);
    silent('DL3008', ['RUN apt-get install -y -t bookworm-backports curl=1']);
  });
  it('is quiet in PowerShell stages', () => {
    silent('DL3008', ['SHELL ["powershell", "-Command"]', 'RUN apt-get install curl']);
  });
  it('honours hadolint ignore pragmas', () => {
    silent('DL3008', ['FROM debian:12', '# hadolint ignore=DL3008', 'RUN apt-get install -y curl']);
  });
});

describe('DL3008 through wrappers', () => {
  it('checks the command run by sudo, env or xargs', () => {
    fires('DL3008', ['RUN sudo apt-get install -y curl']);
    fires('DL3008', ['RUN env DEBIAN_FRONTEND=noninteractive apt-get install -y curl']);
    silent('DL3008', ['RUN env DEBIAN_FRONTEND=noninteractive apt-get install -y curl=1']);
  });
});
