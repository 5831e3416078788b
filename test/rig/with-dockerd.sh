#!/usr/bin/env bash
# Runs a command against the test dockerd with the fixtures built:
#
#   test/rig/with-dockerd.sh CMD [ARGS...]
#
# Daemon name: $LAYERSCOPE_DOCKERD_NAME (default "test"). A daemon that already runs is reused and
# left running; one started here is stopped on exit, unless another with-dockerd.sh still uses it.
# CMD sees DOCKER_HOST=unix:///run/layerscope-NAME/docker.sock and LAYERSCOPE_DOCKERD_NAME.
set -euo pipefail

[[ $# -gt 0 ]] || { echo "usage: $0 CMD [ARGS...]" >&2; exit 2; }
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LAYERSCOPE_DOCKERD_NAME=${LAYERSCOPE_DOCKERD_NAME:-test}
name=$LAYERSCOPE_DOCKERD_NAME
users_lock=/tmp/layerscope-$name-users.lock

started_here=false
if ! bash "$here/dockerd.sh" status "$name" >/dev/null; then
  started_here=true
fi
DOCKER_HOST=$(bash "$here/dockerd.sh" start "$name")
export DOCKER_HOST

# Every user holds a shared lock while it runs; the starter stops the daemon only if it can then
# take the lock exclusively, i.e. nobody else is still using the daemon.
exec 8>"$users_lock"
flock -s 8

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local rc=$?
  if $started_here; then
    flock -u 8
    if flock -xn 8; then
      bash "$here/dockerd.sh" stop "$name" || true
    else
      echo "with-dockerd.sh: daemon '$name' still used by another run; leaving it running" >&2
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bash "$here/build-fixtures.sh"

set +e
"$@"
rc=$?
set -e
exit "$rc"
