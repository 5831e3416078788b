#!/usr/bin/env bash
# Installs what is missing (idempotent; apt needs root), then the repo's npm dependencies from
# package-lock.json when node_modules is missing or disagrees with the lock.
#   scripts/install-deps.sh          everything the tests need (npm test, .ci/run)
#   scripts/install-deps.sh --start  only what `npm start` needs: an engine and VS Code (code-server)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# `npm start`: the fallback test dockerd and its FROM-scratch fixtures (docker.io, busybox-static,
# curl, openssl), and code-server, whose native modules compile on first install (a C toolchain,
# python3 for node-gyp, Kerberos headers) and which searches files with ripgrep.
start_packages=(docker.io busybox-static curl openssl build-essential python3 pkg-config libkrb5-dev ripgrep)
# The tests also need: Chromium to drive the real VS Code, skopeo and zstd for OCI-layout fixtures,
# ShellCheck for the linter's SC rules, podman as a second real engine, and the headers of RIG.md's
# code-server recipe.
test_packages=(chromium skopeo zstd shellcheck podman libx11-dev libxkbfile-dev libsecret-1-dev)

packages=("${start_packages[@]}")
[[ ${1:-} == --start ]] || packages+=("${test_packages[@]}")

bash "$repo/scripts/apt-install.sh" install-deps "${packages[@]}"

# npm dependencies: `npm ci` in a fresh clone; when node_modules exists but disagrees with the lock
# (a teammate added a package), `npm install` brings it in line without wiping the folder.
stale_packages() {
  node -e '
    const fs = require("fs"), path = require("path");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    const stale = Object.entries(lock.packages).filter(([where, meta]) => {
      if (!where || meta.link || meta.optional) return false;
      try { return JSON.parse(fs.readFileSync(path.join(where, "package.json"), "utf8")).version !== meta.version; }
      catch { return true; }
    }).map(([where]) => where);
    console.log(stale.slice(0, 5).join(" "));
  '
}
cd "$repo"
if [[ ! -d node_modules ]]; then
  echo "install-deps: npm ci" >&2
  flock /tmp/npm.lock npm ci --no-audit --no-fund --loglevel=error
elif [[ -n "$(stale_packages)" ]]; then
  echo "install-deps: node_modules disagrees with package-lock.json ($(stale_packages)…): npm install" >&2
  flock /tmp/npm.lock npm install --no-audit --no-fund --loglevel=error
fi
