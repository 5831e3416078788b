import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3042 pip install without --no-cache-dir', () => {
  it('fires without the option', () => {
    fires('DL3042', ['RUN pip install flask==3.0']);
    fires('DL3042', ['RUN python3 -m pip install -r requirements.txt']);
    fires('DL3042', ['ONBUILD RUN pip install -r requirements.txt']);
    fires('DL3042', ['ENV PIP_NO_CACHE_DIR=', 'RUN pip install x==1']);
    fires('DL3042', ['FROM python:3', 'ARG X', 'ENV PIP_NO_CACHE_DIR=${X}', 'RUN pip install x==1']);
  });
  it('is quiet with --no-cache-dir, PIP_NO_CACHE_DIR (ENV, inline, export) or a cache mount', () => {
    silent('DL3042', ['RUN pip install --no-cache-dir flask==3.0']);
    silent('DL3042', ['ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask==3.0']);
    silent('DL3042', ['ENV PIP_NO_CACHE_DIR=true', 'RUN pip install flask==3.0']);
    silent('DL3042', ['ENV PIP_NO_CACHE_DIR=off', 'RUN pip install flask==3.0']);
    silent('DL3042', ['ENV PIP_NO_CACHE_DIR=false', 'RUN pip install flask==3.0']);
    silent('DL3042', ['ENV PIP_NO_CACHE_DIR=0', 'RUN pip install flask==3.0']);
    silent('DL3042', ['RUN PIP_NO_CACHE_DIR=1 pip install flask==3.0']);
    silent('DL3042', ['RUN env PIP_NO_CACHE_DIR=1 pip install flask==3.0']);
    silent('DL3042', ['RUN export PIP_NO_CACHE_DIR=yes && pip install flask==3.0']);
    silent('DL3042', ['RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0']);
    silent('DL3042', ['RUN --mount=type=cache,target=/root/.cache pip install flask==3.0']);
  });
  it('inherits ENV from a parent stage, and skips stages nobody uses', () => {
    silent('DL3042', ['FROM python:3 AS base', 'ENV PIP_NO_CACHE_DIR=1', 'FROM base', 'RUN pip install x==1']);
    silent('DL3042', ['FROM python:3 AS unused', 'RUN pip install x==1', 'FROM python:3', 'RUN true']);
  });
  it('follows ENV PIP_NO_CACHE_DIR=${X} to an ARG default', () => {
    silent('DL3042', ['FROM python:3', 'ARG X=true', 'ENV PIP_NO_CACHE_DIR=${X}', 'RUN pip install flask==3.0']);
    silent('DL3042', ['FROM python:3', 'ARG X=1', 'ENV PIP_NO_CACHE_DIR=$X', 'RUN pip install flask==3.0']);
  });
  it('reads ENV in a file without FROM yet', () => {
    silent('DL3042', ['# no FROM yet', 'ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask==3.0']);
  });
  it('fix adds --no-cache-dir after install', () => {
    fixedAndQuiet('DL3042', ['RUN pip install flask==3.0'], ['RUN pip install --no-cache-dir flask==3.0']);
  });
});
