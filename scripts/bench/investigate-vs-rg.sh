#!/usr/bin/env bash
# investigate-vs-rg.sh [SIZE_MB] [RUNS] - the end-to-end speed benchmark.
#
# Generates the busy-service bundle (a seeded `ledger-api` container log of
# SIZE_MB, default 1024, ending in a crash loop: examples/busy_bundle.rs),
# then runs, alternately and RUNS times (default 5), with the page cache warm:
#   coroner investigate --bundle B --format json   (every detector, the whole rule catalogue)
#   rg --no-mmap -c -f failure-patterns.txt LOG    (30 failure regexes), if rg is installed
# and prints each one's median wall time, the ratio, coroner's peak RSS and
# its diagnosis. Needs /usr/bin/time (Debian's `time` package).
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-1024}
runs=${2:-5}
here=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin coroner --example busy_bundle
coroner=$here/target/release/coroner
"$here/target/release/examples/busy_bundle" "$work/bundle" "$size" 42 >/dev/null
log=$work/bundle/docker/containers/ledger-api.log
patterns=$here/scripts/bench/failure-patterns.txt
cat "$log" >/dev/null # warm the page cache

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: >"$work/coroner.times"
: >"$work/rg.times"
: >"$work/coroner.rss"
for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/t" "$coroner" investigate --bundle "$work/bundle" \
        --format json --output "$work/report.json" >/dev/null 2>&1 || [ $? -eq 1 ]
    # time prefixes a line when the exit status is not 0 (1: a problem was found).
    read -r seconds rss < <(tail -n 1 "$work/t")
    echo "$seconds" >>"$work/coroner.times"
    echo "$rss" >>"$work/coroner.rss"
    if command -v rg >/dev/null; then
        /usr/bin/time -f '%e' -o "$work/t" rg --no-mmap -c -f "$patterns" "$log" >/dev/null || true
        tail -n 1 "$work/t" >>"$work/rg.times"
    fi
done

c=$(median <"$work/coroner.times")
rss=$(sort -n "$work/coroner.rss" | tail -1)
diagnosis=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); c=r["root_causes"][0]; print(r["verdict"], c["kind"], c["service"])' "$work/report.json")
printf 'log: %s MB, %s runs, %s cores\n' "$size" "$runs" "$(nproc)"
printf 'coroner investigate: median %s s, peak RSS %s MB, diagnosis: %s\n' "$c" "$((rss / 1024))" "$diagnosis"
if [ -s "$work/rg.times" ]; then
    r=$(median <"$work/rg.times")
    printf 'rg --no-mmap -c -f (30 patterns): median %s s\n' "$r"
    awk -v c="$c" -v r="$r" 'BEGIN { printf "coroner / rg: %.2f (below 1 is faster than rg)\n", c / r }'
fi
