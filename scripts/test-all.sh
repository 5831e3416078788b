#!/usr/bin/env bash
# Every test, in order: type-check, lint (ESLint: the import boundaries and a small rule set), unit
# (pure modules), engine (real dockerd), integration (real VS Code in code-server + Chromium, on its
# own daemon "it"). Prints each suite's counts and then
# one closing line `N passed, N failed` over all of them; exits non-zero when any suite failed or ran
# no test.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo" || exit 1
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

bash scripts/install-deps.sh || { echo "test-all: installing dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
# code-server for the integration suite (minutes the first time, then a no-op).
rig_started=$SECONDS
bash test/rig/install-code-server.sh >/dev/null || { echo "test-all: installing code-server failed"; echo "0 passed, 1 failed"; exit 1; }
echo "test-all: code-server ready ($((SECONDS - rig_started))s)"

names=() passes=() fails=() secs=()
total_pass=0 total_fail=0 status=0

# count LOG REGEX N: the Nth number in the last text of LOG matching REGEX, else empty.
count() { grep -oE "$2" "$1" | tail -n 1 | grep -oE '[0-9]+' | sed -n "${3}p"; }

# run_suite NAME KIND CMD...: KIND says how to read its counts (mocha | plain | check).
run_suite() {
  local name=$1 kind=$2; shift 2
  local log="$logs/$name.log" started=$SECONDS rc pass fail
  echo
  echo "==== $name: $* ===="
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  case $kind in
    mocha)
      pass=$(count "$log" '^ *[0-9]+ passing' 1)
      fail=$(count "$log" '^ *[0-9]+ failing' 1) ;;
    plain)
      pass=$(count "$log" '[0-9]+ passed, [0-9]+ failed' 1)
      fail=$(count "$log" '[0-9]+ passed, [0-9]+ failed' 2) ;;
    check)
      if ((rc == 0)); then pass=1 fail=0; else pass=0 fail=1; fi ;;
  esac
  pass=${pass:-0} fail=${fail:-0}
  # A crash before the runner counted anything still counts as a failure.
  if ((rc != 0 && fail == 0)); then fail=1; fi
  if ((rc != 0 || fail > 0)); then status=1; fi
  if ((pass + fail == 0)); then
    echo "test-all: $name ran no test"
    status=1
  fi
  names+=("$name") passes+=("$pass") fails+=("$fail") secs+=($((SECONDS - started)))
  total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail))
}

run_suite typecheck check npm run --silent typecheck
run_suite lint check npm run --silent lint
run_suite unit mocha npm run --silent test:unit
run_suite engine mocha npm run --silent test:engine
run_suite integration plain env LAYERSCOPE_DOCKERD_NAME=it npm run --silent test:integration

echo
echo "==== summary ===="
for i in "${!names[@]}"; do
  printf '%-12s %4d passed, %d failed  (%ds)\n' "${names[$i]}:" "${passes[$i]}" "${fails[$i]}" "${secs[$i]}"
done
echo "total time: ${SECONDS}s"
echo "$total_pass passed, $total_fail failed"
exit "$status"
