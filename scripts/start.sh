#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, picks an engine, and runs VS Code (code-server)
# with Layerscope loaded until Ctrl-C. Engine: DOCKER_HOST when set, else the local engine at
# /var/run/docker.sock when it answers, else the rig's test dockerd with the fixture images
# (started here and stopped on exit). Usage: npm start [-- FOLDER]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
bash scripts/install-deps.sh --start
bash test/rig/install-code-server.sh >/dev/null
npm run --silent build

serve=(node test/rig/launcher/serve.mjs "$@")
if [[ -n ${DOCKER_HOST:-} ]]; then
  echo "start: using DOCKER_HOST=$DOCKER_HOST"
  if [[ $DOCKER_HOST == unix://* ]] && ! curl -sf --max-time 2 --unix-socket "${DOCKER_HOST#unix://}" http://localhost/_ping >/dev/null 2>&1; then
    echo "start: warning: nothing answers at $DOCKER_HOST yet; Layerscope will say so and reconnect when it does"
  fi
  exec "${serve[@]}"
elif curl -sf --max-time 2 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; then
  echo "start: using the local engine at /var/run/docker.sock"
  exec "${serve[@]}"
else
  echo "start: no local engine answers; starting the rig's test dockerd with the fixture images"
  exec bash test/rig/with-dockerd.sh "${serve[@]}"
fi
