import * as assert from 'node:assert/strict';
import { covered, dockerfile, fires, silent } from './helpers';

describe('DL4006 pipe without pipefail', () => {
  it('fires on a pipe under the default shell and points at the pipeline', () => {
    const lines = ['RUN wget -qO- https://example.invalid/x | tar xz'];
    const [f] = fires('DL4006', lines);
    assert.equal(covered(dockerfile(...lines), f), 'wget -qO- https://example.invalid/x | tar xz');
    fires('DL4006', ['ONBUILD RUN a | b']);
    fires('DL4006', ['RUN <<EOF', 'a | b', 'EOF']);
    fires('DL4006', ['RUN ["sh", "-c", "a | b"]']);
    fires('DL4006', ['SHELL ["/bin/bash", "-c"]', 'RUN a | b']);
    fires('DL4006', ['RUN a | b; set -o pipefail']);
    fires('DL4006', ['SHELL ["/bin/sh", "-o", "pipefail", "-c"]', 'RUN a | b']);
  });
  it('is quiet for quoted pipes, logical or, and escaped bars', () => {
    silent('DL4006', ['RUN echo "a|b" && grep \'x|y\' f || true']);
    silent('DL4006', ['RUN echo a\\|b']);
  });
  it('is quiet when SHELL sets pipefail (bash, ash, busybox sh), carried through the stage', () => {
    silent('DL4006', ['SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'RUN a | b', 'RUN c | d']);
    silent('DL4006', ['FROM alpine:3.19', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'RUN a | b']);
    silent('DL4006', ['SHELL ["/bin/busybox", "sh", "-o", "pipefail", "-c"]', 'RUN a | b']);
  });
  it('is quiet when the script sets pipefail before the pipe, or the -c shell does', () => {
    silent('DL4006', ['RUN set -euo pipefail && a | b']);
    silent('DL4006', ['RUN set -o pipefail; a | b']);
    silent('DL4006', [`RUN bash -o pipefail -c 'a | b'`]);
    silent('DL4006', ['RUN ["bash", "-o", "pipefail", "-c", "a | b"]']);
  });
  it('is quiet in PowerShell and cmd stages', () => {
    silent('DL4006', ['SHELL ["powershell", "-Command"]', 'RUN Get-ChildItem | Select-Object Name']);
    silent('DL4006', ['FROM mcr.microsoft.com/windows/servercore:ltsc2022', 'RUN dir | more']);
  });
  it('a new stage starts again from the default shell', () => {
    fires('DL4006', ['FROM debian:12', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM debian:12', 'RUN a | b']);
  });
});
