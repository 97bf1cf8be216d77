#!/usr/bin/env bash
# Runs the whole Gherkin suite on the reference platform N times (default 20) and reports what is not stable:
# every scenario whose outcome differs between runs (or that is missing from some), every run that was not
# conformant, and every run after which something of the platform was left (namespace, link, process, temp dir).
# Ends with one summary line; exits 0 only when every run was conformant, no scenario was flaky and nothing was left.
#
#   bench/flake-check.sh [N]           N runs with the built product (builds it first when it is missing)
#   KR_FLAKE_KEEP=1 bench/flake-check.sh 5    keeps every run's whole report bundle (by default a conformant run
#                                              keeps only its summary and log; any other run keeps its bundle)
#
# A flaky scenario is a defect to fix at its cause; it is never retried into a pass.
set -uo pipefail

runs="${1:-20}"
case "$runs" in '' | *[!0-9]* | 0) echo "flake-check: N must be a whole number of runs, at least 1 (got '$runs')" >&2; exit 2 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="$root/src/KubeRaya.Conformance.Cli/bin/Release/net10.0/kuberaya-conformance.dll"
suite="$root/steps/bin/Release/net10.0/KubeRaya.Conformance.Steps.dll"
if [ ! -f "$cli" ] || [ ! -f "$suite" ]; then
    echo "flake-check: building the product (Release) first"
    dotnet build "$root/KubeRaya.Conformance.sln" -c Release -nologo -v quiet || { echo "flake-check: the build failed" >&2; exit 2; }
fi

# What a reference run may leave behind, one line each (empty when nothing): the platform's network namespaces and
# host links (kr-<8 hex>), its nginx and echo pod processes, its temporary directories, and Chromium.
leftovers() {
    ip netns list 2>/dev/null | grep -E '^kr-[0-9a-f]{8}( |$)' | sed 's/^/network namespace /'
    ip -o link show 2>/dev/null | grep -oE ' kr-[0-9a-f]{8}(@[^:]*)?:' | sed 's/^ /host link /; s/:$//'
    pgrep -af 'kuberaya-echo|kuberaya-ref-|/usr/lib/chromium/chromium' 2>/dev/null | sed 's/^/process /' | cut -c1-160
    find "${TMPDIR:-/tmp}" -maxdepth 1 \( -name 'kr-reference-*' -o -name 'kuberaya-ref-*' -o -name 'kr-run-*' -o -name 'kr-browser-home-*' \) \
        -newer "$work" 2>/dev/null | sed 's/^/temporary /'
}
leftover_runs=0

work="$(mktemp -d "${TMPDIR:-/tmp}/kr-flake-XXXXXX")"
outcomes="$work/scenarios.tsv"   # run <TAB> scenario <TAB> outcome
: > "$outcomes"
conformant=0
started=$(date +%s)
# Pods run the natively compiled echo backend when run-tests.ps1 built it, as in its runs (KR_ECHO_NATIVE= for the JIT build).
native="$root/artifacts/echo-native/kuberaya-echo"
if [[ -z "${KR_ECHO_NATIVE+set}" && -x "$native" ]]; then export KR_ECHO_NATIVE="$native"; fi
echo "flake-check: $runs run(s) of the reference suite ($([[ -n "${KR_ECHO_NATIVE:-}" ]] && echo native || echo JIT) echo backend); logs and summaries in $work"
for i in $(seq 1 "$runs"); do
    report="$work/run-$i"
    t0=$(date +%s)
    dotnet "$cli" run --target reference --report-dir "$report" > "$work/run-$i.log" 2>&1
    code=$?
    seconds=$(( $(date +%s) - t0 ))
    outcome="$(grep -m1 -o '"outcome": *"[a-z]*"' "$report/summary.json" 2>/dev/null | sed 's/.*"\([a-z]*\)"$/\1/')"
    grep -E '^  (Passed|Failed|Skipped) .* \[[^]]*\]$' "$work/run-$i.log" \
        | sed -E "s/^  (Passed|Failed|Skipped) (.*) \[[^]]*\]$/$i\t\2\t\1/" >> "$outcomes"
    scenarios=$(awk -F'\t' -v r="$i" '$1 == r' "$outcomes" | wc -l)
    echo "run $i/$runs: exit $code, outcome ${outcome:-none (no summary)}, $scenarios scenarios, ${seconds} s"
    if [ "$code" -eq 0 ] && [ "$outcome" = "conformant" ]; then
        conformant=$((conformant + 1))
    else
        grep -E '^  (FAILED|ERROR) |^kuberaya-conformance:' "$work/run-$i.log" | sed 's/^/    /' | cut -c1-400
    fi
    # Nothing of the platform may outlive the run: namespace, host link, process, temporary directory or key file.
    left="$(leftovers)"
    if [ -n "$left" ]; then
        leftover_runs=$((leftover_runs + 1))
        printf '%s\n' "$left" | sed 's/^/    left behind: /'
    fi
    # A conformant run keeps only its summary; any other keeps its whole bundle (evidence says what went wrong).
    if [ -z "${KR_FLAKE_KEEP:-}" ] && [ -d "$report" ] && [ "$outcome" = "conformant" ]; then
        find "$report" -mindepth 1 -maxdepth 1 ! -name summary.json -exec rm -rf {} +
    fi
done

# A scenario is flaky when it has more than one outcome across the runs, or is missing from a run that ran scenarios.
flaky="$(awk -F'\t' -v runs="$runs" '
    { seen[$2, $3]++; if (!(($2, $3) in first)) { first[$2, $3] = 1; kinds[$2] = kinds[$2] " " $3 }; count[$2]++; names[$2] = 1 }
    END {
        for (s in names) {
            n = split(kinds[s], k, " ");
            detail = "";
            for (j = 1; j <= n; j++) detail = detail (detail == "" ? "" : ", ") k[j] " " seen[s, k[j]] "x";
            if (n > 1 || count[s] != runs) printf "  FLAKY %s: %s of %d runs\n", s, detail, runs;
        }
    }' "$outcomes" | sort)"
total=$(cut -f2 "$outcomes" | sort -u | wc -l)
flakycount=$(printf '%s' "$flaky" | grep -c 'FLAKY' || true)
[ -n "$flaky" ] && printf '%s\n' "$flaky"
elapsed=$(( $(date +%s) - started ))
echo "flake-check: $runs runs, $conformant conformant, $((runs - conformant)) not conformant; $flakycount flaky of $total scenarios; $leftover_runs run(s) left something behind; ${elapsed} s"
[ "$conformant" -eq "$runs" ] && [ "$flakycount" -eq 0 ] && [ "$leftover_runs" -eq 0 ]
