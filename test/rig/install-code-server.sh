#!/usr/bin/env bash
# Installs code-server (VS Code for the browser) from test/rig/package-lock.json into a cache folder
# outside the repo, doing by hand the steps its own install script would do with downloads
# (see shared notes RIG.md section 2). Idempotent: a stamp records what was installed.
# Prints the code-server folder's path as its last line of output.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version="$(node -p "require('$here/package.json').dependencies['code-server']")"
rig_dir="${LAYERSCOPE_RIG_DIR:-$HOME/.cache/layerscope-rig}"
tool_dir="$rig_dir/code-server-$version"
vscode_dir="$tool_dir/node_modules/code-server/lib/vscode"
stamp="$tool_dir/.layerscope-installed"

# Bump when the steps below change what gets installed: the next run then reinstalls. (Not a hash of
# this file: reinstalling pulls the files from under any code-server running from this folder.)
steps_version=1
# The stamp holds the lock's hash, the steps' version and the Node version (native modules depend on it).
want="$(sha256sum < "$here/package-lock.json" | cut -c1-16) steps-$steps_version node-$(node -v)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$vscode_dir/node_modules/@vscode/ripgrep/bin/rg" ]]; then
  echo "$tool_dir"
  exit 0
fi

# One install at a time (a test run and `npm start` may both get here); re-check once we hold it.
mkdir -p "$rig_dir"
exec 9>"$rig_dir/.install.lock"
flock 9
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  echo "$tool_dir"
  exit 0
fi

major="$(node -p 'process.versions.node.split(".")[0]')"
if [[ "$major" != 20 ]]; then
  echo "install-code-server: code-server $version needs Node 20; this is $(node -v)." >&2
  exit 1
fi
for tool in rg cc make python3; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing; run scripts/install-deps.sh first." >&2; exit 1; }
done

started=$(date +%s)
log() { echo "install-code-server: $* ($(( $(date +%s) - started ))s)" >&2; }
rm -f "$stamp"
mkdir -p "$tool_dir"
cp "$here/package.json" "$here/package-lock.json" "$tool_dir/"

# Quiet, lock-driven installs; --ignore-scripts because code-server's postinstall downloads ripgrep.
npm_quiet=(--no-audit --no-fund --loglevel=error)
(cd "$tool_dir" && npm ci --ignore-scripts "${npm_quiet[@]}") >&2
log "code-server $version unpacked"

cd "$vscode_dir"
# lib/vscode ships an npm-shrinkwrap.json, so this install is pinned as well.
npm install --omit=dev --ignore-scripts "${npm_quiet[@]}" >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "VS Code server modules installed"

# npm 11 leaves install scripts unapproved; naming the packages to rebuild runs their builds.
native=(node-pty @parcel/watcher kerberos @vscode/spdlog native-watchdog @vscode/deviceid)
npm_config_yes=true npm rebuild "${native[@]}" "${npm_quiet[@]}" >&2
for addon in node-pty/build/Release/pty.node @vscode/spdlog/build/Release/spdlog.node \
             kerberos/build/Release/kerberos.node native-watchdog/build/Release/watchdog.node \
             @vscode/deviceid/build/Release/windows.node; do
  [[ -f "node_modules/$addon" ]] || { echo "install-code-server: native build missing: $addon" >&2; exit 1; }
done
ls node_modules/@parcel/watcher-linux-x64-glibc/watcher.node >/dev/null
log "native modules built"

ln -sfn node_modules node_modules.asar
(cd extensions && npm install --omit=dev --ignore-scripts "${npm_quiet[@]}") >&2

cd "$tool_dir"
npm_config_yes=true npm rebuild argon2 "${npm_quiet[@]}" >&2
ls node_modules/argon2/lib/binding/napi-v3/argon2.node >/dev/null
log "done"

echo "$want" > "$stamp"
echo "$tool_dir"
