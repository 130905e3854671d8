#!/usr/bin/env bash
# Peak memory and time of `coroner investigate` on hostile bundles, at the
# sizes that once took gigabytes: each case is the main example plus one
# hostile file (or 30,000 small logs). Prints one line a case:
#   case  seconds  peak RSS (MiB)  exit code
# Usage: scripts/bench/hostile-inputs.sh [WORK_DIR]   (default: a temporary directory)
# Needs GNU time (/usr/bin/time) and about 3 GB of free disk.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
coroner=$root/target/release/coroner

fresh() { # fresh NAME: a copy of the main example to make hostile
    rm -rf "${work:?}/$1"
    cp -r "$root/fixtures/bundles/main-incident" "$work/$1"
    echo "$work/$1"
}
fill() { # fill FILE HEAD MIB BYTE TAIL
    printf '%s' "$2" >"$1"
    head -c "$3M" /dev/zero | tr '\0' "$4" >>"$1"
    printf '%s' "$5" >>"$1"
}
measure() { # measure CASE BUNDLE
    local code=0
    /usr/bin/time -f '%e %M' "$coroner" investigate --bundle "$2" --output "$work/report.md" >/dev/null 2>"$work/stderr" || code=$?
    # GNU time writes its line last on standard error.
    read -r seconds kib < <(tail -n 1 "$work/stderr")
    printf '%-34s %7s s %7d MiB  exit %s\n' "$1" "$seconds" $((kib / 1024)) "$code"
}

b=$(fresh csv-field)
fill "$b/monitoring/huge-field.csv" $'time,url,ok,status_code,latency_ms,error\n2026-11-27 18:50:00,http://api/health,false,502,1.0,' 200 x $'\n'
measure "200 MB field in a CSV history" "$b"

b=$(fresh text-line)
fill "$b/monitoring/long-line.log" "2026-11-27 18:50:00 check http://api/health failed: " 400 y $'\n'
measure "400 MB line in a text monitor log" "$b"

b=$(fresh inspect)
fill "$b/docker/containers/huge.json" '[{"Id":"x","State":{},"HostConfig":{},"Pad":"' 1024 a '"}]'
measure "1 GB container inspect" "$b"

b=$(fresh meta)
printf '{"host":"' >"$b/bundle.json"
truncate -s 2G "$b/bundle.json"
measure "2 GB sparse bundle.json" "$b"

b=$(fresh events)
line=$(head -n 1 "$b/docker/events.jsonl")
# `yes` ends on the closed pipe; that is how this pipeline stops.
{ yes "$line" || true; } | head -c 418M >"$b/docker/events.jsonl"
measure "418 MB events file" "$b"

b=$(fresh many-logs)
python3 - "$b/logs" <<'PY'
import os, sys
d = sys.argv[1]
for i in range(30000):
    with open(os.path.join(d, f"svc{i}.log"), "w") as f:
        f.write(f"2026-11-27T18:57:05Z Traceback (most recent call last):\n2026-11-27T18:57:05Z ModuleNotFoundError: No module named 'mod{i}'\n")
PY
measure "30,000 logs, one error each" "$b"

[[ $# -gt 0 ]] || rm -rf "$work"
