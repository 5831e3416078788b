#!/usr/bin/env bash
# A private test dockerd: its own socket, data-root and exec-root, no bridge network, so it never
# disturbs a daemon a person already runs and several named daemons can run side by side.
#
#   test/rig/dockerd.sh start|stop|status NAME      (NAME defaults to $LAYERSCOPE_DOCKERD_NAME or "test")
#
# Installs Debian docker.io + busybox-static (+ curl, openssl) when missing and we are root.
# LAYERSCOPE_DOCKERD_ARGS adds dockerd options (e.g. a TLS tcp:// listener for a test).
# Prints the socket address (unix:///run/layerscope-NAME/docker.sock) on start/status.
set -euo pipefail

cmd=${1:-}
name=${2:-${LAYERSCOPE_DOCKERD_NAME:-test}}
[[ $name =~ ^[a-z0-9_-]+$ ]] || { echo "dockerd.sh: bad daemon name '$name' (use [a-z0-9_-])" >&2; exit 2; }

run_dir=/run/layerscope-$name
sock=$run_dir/docker.sock
pidfile=$run_dir/dockerd.pid
data_root=/var/lib/layerscope-$name
log=/tmp/layerscope-$name-dockerd.log
start_timeout=${LAYERSCOPE_DOCKERD_TIMEOUT:-60}

ping() {
  [[ -S $sock ]] && curl -sf --max-time 2 --unix-socket "$sock" http://localhost/_ping >/dev/null 2>&1
}

# Alive means: exists, is not a zombie (a killed daemon whose parent has not reaped it yet), and is
# this daemon (its command line names our pidfile), not a recycled pid.
alive() {
  local stat state
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  state=${stat##*) }
  [[ ${state%% *} != Z ]] || return 1
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "--pidfile $pidfile"
}

daemon_pid() {
  [[ -f $pidfile ]] || return 1
  local pid; pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && echo "$pid"
}

install_if_missing() {
  # busybox must be the static build: fixture images have no libc. (ldd fails on static binaries.)
  # A dockerd from elsewhere (docker-ce) is used as it is.
  if command -v dockerd >/dev/null && [[ -x /bin/busybox ]] && ! ldd /bin/busybox >/dev/null 2>&1 \
     && command -v curl >/dev/null && command -v openssl >/dev/null; then
    return 0
  fi
  bash "$(dirname "${BASH_SOURCE[0]}")/../../scripts/apt-install.sh" dockerd.sh docker.io busybox-static curl openssl
}

fail_with_log() {
  echo "dockerd.sh: $1" >&2
  echo "---- last lines of $log ----" >&2
  tail -n 30 "$log" >&2 || true
  exit 1
}

start() {
  if ping; then echo "unix://$sock"; return 0; fi
  # Two callers starting the same daemon at once must not both launch one.
  exec 9>"/tmp/layerscope-$name-dockerd.lock"
  flock 9
  if ping; then echo "unix://$sock"; return 0; fi
  install_if_missing
  local pid
  if pid=$(daemon_pid); then
    echo "dockerd.sh: daemon '$name' (pid $pid) is running but not answering yet; waiting" >&2
  else
    mkdir -p "$run_dir/exec" "$data_root"
    rm -f "$sock" "$pidfile"
    local extra=()
    read -ra extra <<<"${LAYERSCOPE_DOCKERD_ARGS:-}"
    # setsid: the daemon must outlive this script and not receive the caller's terminal signals.
    setsid dockerd \
      --bridge=none --iptables=false --ip6tables=false --shutdown-timeout 5 \
      --data-root "$data_root" \
      --exec-root "$run_dir/exec" \
      --pidfile "$pidfile" \
      -H "unix://$sock" \
      "${extra[@]}" \
      >"$log" 2>&1 </dev/null 8>&- 9>&- &
    pid=$!
  fi
  local deadline=$((SECONDS + start_timeout))
  until ping; do
    # Exited already? No point waiting for the timeout. (If setsid had to fork, $! is gone at once
    # and the daemon's own pid shows up in the pidfile instead.)
    if ! alive "$pid"; then
      sleep 1
      pid=$(daemon_pid) || fail_with_log "daemon '$name' exited during start-up"
    fi
    (( SECONDS < deadline )) || fail_with_log "daemon '$name' did not answer GET /_ping on $sock within ${start_timeout}s"
    sleep 0.1
  done
  echo "unix://$sock"
}

stop() {
  local pid
  if ! pid=$(daemon_pid); then rm -f "$pidfile"; return 0; fi
  kill -TERM "$pid"
  # dockerd stops its containers (--shutdown-timeout 5, in parallel) and its containerd; allow for that.
  local deadline=$((SECONDS + 40))
  while alive "$pid"; do
    if (( SECONDS >= deadline )); then
      echo "dockerd.sh: daemon '$name' (pid $pid) ignored SIGTERM; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
}

status() {
  if ping; then echo "running unix://$sock"; return 0; fi
  if pid=$(daemon_pid); then echo "starting (pid $pid, not answering)"; return 1; fi
  echo "stopped"; return 3
}

case $cmd in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status [NAME]" >&2; exit 2 ;;
esac
