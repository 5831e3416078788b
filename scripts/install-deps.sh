#!/usr/bin/env bash
# Installs what the build and the tests need, when missing (idempotent; apt needs root):
# Debian packages for the test daemon, code-server's native modules and the browser, then the
# repo's npm dependencies from package-lock.json when node_modules is missing or disagrees with the lock.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian packages: the test dockerd and FROM-scratch fixtures, code-server's native builds,
# Chromium for the real-VS-Code tests, skopeo for OCI-layout fixtures, shellcheck for our scripts,
# podman as a second real engine for the Engine tests.
packages=(docker.io busybox-static chromium build-essential pkg-config libkrb5-dev libx11-dev
  libxkbfile-dev libsecret-1-dev ripgrep skopeo shellcheck zstd curl openssl podman)

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
