#!/usr/bin/env bash
# Measures whole runs on the embedded reference platform: wall time and CPU time (user + system, the run and all
# its children: test host, reference platform, nginx, echo pods, Chromium), and, with --calibrate, the wall time of
# a whole calibration (baseline and every fault of fixtures/calibration).
#
# CPU time matters because calibration runs several reference runs at once on 2 cores and is bound by it.
# Builds nothing: it expects the Release build (dotnet build KubeRaya.Conformance.sln -c Release). Run as root
# (the reference platform makes network namespaces). Reports go to one temp directory removed on every exit path.
#
# Usage: bench/reference-benchmark.sh [RUNS] [--calibrate]     (RUNS defaults to 3)
set -euo pipefail

runs=3
calibrate=0
for argument in "$@"; do
  case "$argument" in
    --calibrate) calibrate=1 ;;
    ''|*[!0-9]*) echo "reference-benchmark: '$argument' is neither a number of runs nor --calibrate: give e.g. 3 --calibrate" >&2; exit 2 ;;
    *) runs="$argument" ;;
  esac
done
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="$root/src/KubeRaya.Conformance.Cli/bin/Release/net10.0/kuberaya-conformance.dll"
[[ -f "$cli" ]] || { echo "reference-benchmark: $cli is missing: run 'dotnet build KubeRaya.Conformance.sln -c Release' first" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "reference-benchmark: /usr/bin/time is missing: apt-get install time" >&2; exit 2; }

# Pods run the natively compiled echo backend when run-tests.ps1 built it (artifacts/echo-native), as in its runs;
# KR_ECHO_NATIVE= (empty) measures the JIT build instead.
native="$root/artifacts/echo-native/kuberaya-echo"
if [[ -z "${KR_ECHO_NATIVE+set}" && -x "$native" ]]; then export KR_ECHO_NATIVE="$native"; fi
echo_kind="JIT echo backend"; [[ -n "${KR_ECHO_NATIVE:-}" ]] && echo_kind="native echo backend"

work="$(mktemp -d /tmp/kr-refbench-XXXXXX)"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

echo "reference-benchmark: $runs run(s) of the whole suite on the reference platform, $(nproc) cores, $echo_kind"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$work/time" dotnet "$cli" run --target reference --report-dir "$work/run$i" > "$work/run$i.log" 2>&1 || true
  read -r wall user system < "$work/time"
  echo "  run $i: $(tail -n 1 "$work/run$i.log" | cut -d';' -f1); wall ${wall} s, CPU $(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }') s (user ${user}, system ${system})"
done

if [[ "$calibrate" == 1 ]]; then
  /usr/bin/time -f "%e %U %S" -o "$work/time" dotnet "$cli" calibrate --report-dir "$work/calibration" > "$work/calibration.log" 2>&1 || true
  read -r wall user system < "$work/time"
  echo "  calibration: $(tail -n 1 "$work/calibration.log" | cut -d';' -f1); wall ${wall} s, CPU $(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }') s"
fi
