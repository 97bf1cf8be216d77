#!/usr/bin/env bash
# Static-audit benchmark: a synthetic estate of N applications (default 10 000), each an Ingress with TLS, its
# ClusterIP Service and its kubernetes.io/tls Secret (a few shared generated certificate chains; tls.key holds
# random bytes, never a key), written into a private temporary directory, then audited once by the audit library
# through bench/AuditBench. Prints wall time and peak memory from /usr/bin/time -v. Target: under 5 s and 500 MB
# on 2 cores. The temporary directory is deleted on exit.
#
#   bench/audit-benchmark.sh [applications] [namespaces]
set -euo pipefail

applications="${1:-10000}"
namespaces="${2:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/bench/AuditBench/bin/Release/net10.0/AuditBench.dll"

if [[ ! -x /usr/bin/time ]]; then
    echo "audit-benchmark: /usr/bin/time is missing (apt-get install time)" >&2
    exit 2
fi

dotnet build "$root/bench/AuditBench" -c Release -nologo -v quiet >/dev/null

estate="$(mktemp -d -t kr-audit-bench.XXXXXX)"
trap 'rm -rf "$estate" "${measure:-}"' EXIT
dotnet "$bench" generate "$estate" "$applications" "$namespaces"
echo "estate: $(find "$estate" -type f | wc -l) files, $(du -sh "$estate" | cut -f1)"

measure="$(mktemp -t kr-audit-bench-time.XXXXXX)"
set +e
/usr/bin/time -v -o "$measure" dotnet "$bench" audit "$estate"
status=$?
set -e
wall="$(grep 'Elapsed (wall clock)' "$measure" | sed 's/.*: //')"
peak_kb="$(grep 'Maximum resident set size' "$measure" | sed 's/.*: //')"
user="$(grep 'User time' "$measure" | sed 's/.*: //')"
system="$(grep 'System time' "$measure" | sed 's/.*: //')"
rm -f "$measure"
echo "wall time: $wall (user ${user} s, system ${system} s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "peak memory: $((peak_kb / 1024)) MB"
# The estate is clean: any failed or undecided verdict is a defect of the audit, not of the estate.
exit "$status"
