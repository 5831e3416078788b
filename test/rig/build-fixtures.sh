#!/usr/bin/env bash
# Builds the fixture images and containers described in test/rig/fixtures/README.md on the daemon
# at $DOCKER_HOST. FROM scratch + busybox-static: nothing is pulled. Idempotent: when every fixture
# carries the current FIXTURE_VERSION label it only makes sure the running container runs.
set -euo pipefail

: "${DOCKER_HOST:?build-fixtures.sh needs DOCKER_HOST (e.g. unix:///run/layerscope-test/docker.sock)}"
export DOCKER_HOST DOCKER_BUILDKIT=0 DOCKER_CLI_HINTS=false
# Bump when a Dockerfile or a container below changes: every fixture is then rebuilt.
FIXTURE_VERSION=3

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fixtures=$here/fixtures
busybox=/bin/busybox
# Fixture images have no libc, so busybox must be the static build (ldd fails on static binaries).
if [[ ! -x $busybox ]] || ldd "$busybox" >/dev/null 2>&1; then
  echo "build-fixtures.sh: $busybox is missing or not static; install busybox-static" >&2
  exit 1
fi

# One build at a time per daemon (several test runs may share it).
lock=/tmp/layerscope-fixtures-$(printf %s "$DOCKER_HOST" | md5sum | cut -c1-12).lock
exec 9>"$lock"
flock 9

IMAGES=(base:1 multi:1 multi:latest small:1 shared:1 dangling:1 hostile:1)
RUNNING=layerscope-fixture-running
EXITED=layerscope-fixture-exited

label_of() {  # label_of KIND REF -> fixture version label, '' when missing
  docker "$1" inspect -f '{{index .Config.Labels "layerscope.fixture.version"}}' "$2" 2>/dev/null || true
}

up_to_date() {
  local img
  for img in "${IMAGES[@]}"; do
    [[ $(label_of image "layerscope-fixture/$img") == "$FIXTURE_VERSION" ]] || return 1
  done
  # Exactly one dangling fixture image, of this version.
  [[ $(docker images -q --filter dangling=true --filter label=layerscope.fixture) == \
     $(docker images -q --filter dangling=true --filter "label=layerscope.fixture=dangling-old" \
        --filter "label=layerscope.fixture.version=$FIXTURE_VERSION") ]] || return 1
  [[ -n $(docker images -q --filter dangling=true --filter label=layerscope.fixture) ]] || return 1
  [[ $(label_of container "$RUNNING") == "$FIXTURE_VERSION" ]] || return 1
  [[ $(label_of container "$EXITED") == "$FIXTURE_VERSION" ]] || return 1
}

clean() {
  local ids=()
  mapfile -t ids < <(docker ps -aq --filter label=layerscope.fixture)
  ((${#ids[@]} == 0)) || docker rm -f "${ids[@]}" >/dev/null
  # Remove by name too: a container of an older fixture version may lack the label.
  docker rm -f "$RUNNING" "$EXITED" >/dev/null 2>&1 || true
  # A parent cannot go before its children: repeat until nothing labelled is left (or no progress).
  local before=-1 _
  for _ in 1 2 3 4 5; do
    mapfile -t ids < <(docker images -aq --filter label=layerscope.fixture | sort -u)
    ((${#ids[@]} > 0 && ${#ids[@]} != before)) || break
    before=${#ids[@]}
    docker rmi -f "${ids[@]}" >/dev/null 2>&1 || true
  done
}

build() {  # build NAME TAG [DOCKERFILE]
  local name=$1 tag=$2 dockerfile=${3:-Dockerfile} ctx
  ctx=$(mktemp -d)
  cp -a "$fixtures/$name/." "$ctx/"
  cp "$busybox" "$ctx/busybox"
  sed -i "s/@VERSION@/$FIXTURE_VERSION/g" "$ctx/$dockerfile"
  if ! out=$(docker build -q -f "$ctx/$dockerfile" -t "layerscope-fixture/$tag" "$ctx" 2>&1); then
    echo "build-fixtures.sh: building layerscope-fixture/$tag failed:" >&2
    echo "$out" >&2
    rm -rf "$ctx"
    exit 1
  fi
  rm -rf "$ctx"
}

ensure_running() {
  [[ $(docker inspect -f '{{.State.Running}}' "$RUNNING" 2>/dev/null) == true ]] || docker start "$RUNNING" >/dev/null
}

if up_to_date; then
  ensure_running
  exit 0
fi

echo "build-fixtures.sh: building fixture set v$FIXTURE_VERSION on $DOCKER_HOST" >&2
clean
build base base:1
build multi multi:1
docker tag layerscope-fixture/multi:1 layerscope-fixture/multi:latest
build small small:1
build shared shared:1
build dangling dangling:1 Dockerfile.old
build dangling dangling:1 Dockerfile
build hostile hostile:1

fixture_labels=(--label layerscope.fixture=container --label "layerscope.fixture.version=$FIXTURE_VERSION")
# unless-stopped: when a test restarts the daemon, this container comes back by itself.
docker run -d --network none --restart unless-stopped --name "$RUNNING" "${fixture_labels[@]}" \
  layerscope-fixture/multi:1 \
  sh -c 'trap "exit 0" TERM; echo fixture-stdout; echo fixture-stderr >&2; while true; do sleep 1; done' >/dev/null
docker run --network none --name "$EXITED" "${fixture_labels[@]}" \
  layerscope-fixture/multi:1 sh -c 'echo bye; exit 3' >/dev/null || true
[[ $(docker inspect -f '{{.State.ExitCode}}' "$EXITED") == 3 ]] \
  || { echo "build-fixtures.sh: $EXITED did not exit with 3" >&2; exit 1; }
ensure_running
up_to_date || { echo "build-fixtures.sh: fixture set incomplete after building" >&2; exit 1; }
echo "build-fixtures.sh: done" >&2
