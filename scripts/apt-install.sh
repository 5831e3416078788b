#!/usr/bin/env bash
# Installs the named Debian packages that are not installed yet (idempotent; needs root only when
# something is missing). One apt at a time: other sessions or scripts may be installing too.
#   scripts/apt-install.sh WHO PACKAGE...      (WHO names the caller in messages)
set -euo pipefail

who=$1; shift
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]})) || exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "$who: missing Debian packages (need root to install): ${missing[*]}" >&2
  exit 1
fi
echo "$who: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
flock /tmp/apt.lock apt-get update -qq
flock /tmp/apt.lock apt-get install -y -qq "${missing[@]}" >/dev/null
