#!/usr/bin/env bash
# Fuzzes coroner's parsers and its bundle-to-report pipeline (fuzz/, cargo-fuzz).
#
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
#   SECONDS_PER_TARGET  how long each target runs (default 60)
#   TARGET...           targets to run (default: every file of fuzz/fuzz_targets/)
#
# Seeds fuzz/corpus/<target>/ from the fixtures, builds every target once with
# `cargo +nightly fuzz build`, then runs the targets one after another in a
# single process each (no -jobs, no -fork: the machine is small and shared).
# Prints, per target, the executions, executions per second and whether it
# crashed; a crash's reproducer is kept in fuzz/artifacts/<target>/. Exits 1
# when any target crashed, 2 on a usage or build error.
#
# libFuzzer runs every seed once before it starts counting time, so a target
# whose seeds take longer than SECONDS_PER_TARGET (bundle_file: an analysis
# and three renders an input, about 0.4 s under ASan) runs until they are done.
#
# Needs the nightly toolchain; installs cargo-fuzz when it is missing.
# Environment: FUZZ_ARGS adds libFuzzer options to every run, e.g.
# FUZZ_ARGS=-only_ascii=1 to look past a known crash on non-ASCII input.

set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz="$root/fuzz"
corpus="$fuzz/corpus"
logs="$fuzz/target/fuzz-logs"
# Largest input libFuzzer makes (-max_len); seeds must fit too.
max_len=65536

usage() {
    sed -n '3,8s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

all_targets() {
    local f
    for f in "$fuzz"/fuzz_targets/*.rs; do
        basename "$f" .rs
    done
}

# ---------------------------------------------------------------- arguments

seconds=60
if [[ $# -gt 0 && ( $1 == -h || $1 == --help ) ]]; then
    usage
    exit 0
fi
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
    seconds=$1
    shift
fi
if [[ $seconds -lt 1 ]]; then
    echo "fuzz.sh: SECONDS_PER_TARGET must be at least 1" >&2
    exit 2
fi
known=$(all_targets)
if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    mapfile -t targets <<<"$known"
fi
for t in "${targets[@]}"; do
    if ! grep -qx -- "$t" <<<"$known"; then
        echo "fuzz.sh: unknown target '$t'; known targets: ${known//$'\n'/ }" >&2
        exit 2
    fi
done

# A target dir set in the environment would move the build out of fuzz/target.
unset CARGO_TARGET_DIR

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz.sh: the nightly toolchain is needed (rustup toolchain install nightly)" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install --locked cargo-fuzz
fi

# ---------------------------------------------------------------- seeds
#
# Seeds are named by the SHA-1 of their content, as libFuzzer names the
# inputs it adds, so reseeding is idempotent and duplicates collapse.

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# seed TARGET: stores standard input as a seed of TARGET, unless it is empty
# or longer than libFuzzer would ever make it.
seed() {
    local dir="$corpus/$1" tmp="$scratch/seed" size sum
    cat >"$tmp"
    size=$(stat -c %s "$tmp")
    if [[ $size -eq 0 || $size -gt $max_len ]]; then
        return 0
    fi
    sum=$(sha1sum "$tmp")
    mkdir -p "$dir"
    mv "$tmp" "$dir/${sum%% *}"
}

# selector N: the byte the two-part targets read first to choose a place or format.
selector() {
    # shellcheck disable=SC2059  # the format is built on purpose
    printf "\\$(printf '%03o' "$1")"
}

# fitting FILE [RESERVE]: FILE, cut at its last whole line that keeps it (plus
# RESERVE bytes of prefix) within max_len. Lines are whole records in every
# line-based format, so the cut file stays a valid example of its format. A
# JSON document is never cut (it would no longer parse): `seed` drops it
# when it is too long.
fitting() {
    local file=$1 limit=$((max_len - ${2:-0}))
    if [[ $file == *.json || $(stat -c %s "$file") -le $limit ]]; then
        cat "$file"
    else
        head -c "$limit" "$file" | sed '$d'
    fi
}

# each_line TARGET FILE: one seed per non-blank line (without its newline).
each_line() {
    local line
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        [[ -n ${line//[[:space:]]/} ]] || continue
        printf '%s' "$line" | seed "$1"
    done <"$2"
}

# Indexes into the target's tables (fuzz/fuzz_targets/bundle_file.rs PLACES,
# monitoring.rs FORMATS): keep them in step.
place_meta=0 place_inspect=1 place_docker_log=2 place_image=3 place_events=4
place_listeners=5 place_monitoring_csv=6 place_monitoring_jsonl=7
place_monitoring_log=8 place_probes=9 place_log=10 place_loose=11 place_forensics=12
format_json_lines=0 format_json_array=1 format_csv=2 format_plain=3
format_prometheus=4 format_gatus=5

# in_bundle PLACE FILE: FILE as a bundle_file input at PLACE.
in_bundle() {
    { selector "$1"; fitting "$2" 1; } | seed bundle_file
}

# as_history FORMAT FILE: FILE as a monitoring input read in FORMAT.
as_history() {
    { selector "$1"; fitting "$2" 1; } | seed monitoring
}

# time_seeds FILE: the first lines of a log, whose timestamps the time parsers read.
time_seeds() {
    head -n 3 "$1" | cut -c 1-200 >"$scratch/lines"
    each_line time "$scratch/lines"
    # The same real lines are what reports quote, so they seed the escaping.
    each_line escaping "$scratch/lines"
}

echo "seeding $corpus from fixtures/"
mkdir -p "$corpus"
shopt -s nullglob
for bundle in "$root"/fixtures/bundles/*/ "$root"/fixtures/public/*/bundle/; do
    while IFS= read -r -d '' file; do
        rel=${file#"$bundle"}
        case $rel in
        bundle.json)
            fitting "$file" | seed bundle_meta
            in_bundle $place_meta "$file"
            ;;
        docker/containers/*.json)
            fitting "$file" | seed container_inspect
            in_bundle $place_inspect "$file"
            # Copied loose, a file is classified by its content.
            in_bundle $place_loose "$file"
            ;;
        docker/containers/*.log)
            in_bundle $place_docker_log "$file"
            time_seeds "$file"
            ;;
        docker/images/*.json)
            fitting "$file" | seed image_inspect
            in_bundle $place_image "$file"
            ;;
        docker/events.jsonl)
            each_line events_line "$file"
            in_bundle $place_events "$file"
            in_bundle $place_loose "$file"
            ;;
        docker/forensics/*.json)
            fitting "$file" | seed forensics
            in_bundle $place_forensics "$file"
            ;;
        host/listeners.txt)
            each_line listeners_line "$file"
            in_bundle $place_listeners "$file"
            ;;
        monitoring/*.csv)
            as_history $format_csv "$file"
            in_bundle $place_monitoring_csv "$file"
            ;;
        monitoring/*.jsonl)
            as_history $format_json_lines "$file"
            in_bundle $place_monitoring_jsonl "$file"
            head -n 3 "$file" >"$scratch/lines"
            each_line probes "$scratch/lines"
            ;;
        monitoring/*)
            as_history $format_plain "$file"
            in_bundle $place_monitoring_log "$file"
            time_seeds "$file"
            ;;
        probes/*.jsonl)
            fitting "$file" | seed probes
            in_bundle $place_probes "$file"
            ;;
        logs/*)
            in_bundle $place_log "$file"
            in_bundle $place_loose "$file"
            time_seeds "$file"
            ;;
        *)
            in_bundle $place_loose "$file"
            ;;
        esac
    done < <(find "$bundle" -type f -print0)
done

# Formats no fixture has yet (the monitoring histories other than JSON lines
# and text, probes and forensics files) and the timestamp and zone forms the
# time parsers document, written out by hand.
handmade() { # handmade TARGET [SELECTOR]: a seed from standard input, with the selector byte
    if [[ $# -gt 1 ]]; then
        { selector "$2"; cat; } | seed "$1"
    else
        seed "$1"
    fi
}
csv='time,url,ok,status_code,latency_ms,error
2025-10-10 07:00:00,http://api.local/health,true,200,12.5,
2025-10-10 07:01:00,http://api.local/health,false,502,30.1,Bad Gateway
2025-10-10 07:02:00,http://api.local/health,1,200,9,
'
json_array='[{"time":"2025-10-10T07:00:00Z","monitor_id":3,"status":1,"ping":41,"msg":""},
 {"time":"2025-10-10T07:01:00Z","monitor_id":3,"status":0,"ping":null,"msg":"connect ECONNREFUSED 10.0.0.2:8080"}]'
prometheus='{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"probe_success","instance":"http://api.local/","job":"blackbox"},"values":[[1760079600,"1"],[1760079660,"0"],[1760079720,"0.5"]]},{"metric":{"__name__":"probe_http_status_code","instance":"http://api.local/"},"values":[[1760079600,"200"],[1760079660,"503"]]}]}}'
prometheus_error='{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\""}'
gatus='[{"name":"api","group":"core","key":"core_api","results":[{"status":200,"hostname":"api","duration":4000000,"conditionResults":[{"condition":"[STATUS] == 200","success":true}],"success":true,"timestamp":"2025-10-10T07:00:00Z"},{"status":0,"duration":1000,"errors":["dial tcp: connection refused"],"conditionResults":[{"condition":"[CONNECTED] == true","success":false}],"success":false,"timestamp":"2025-10-10T07:01:00Z"}]}]'
probe='{"url":"http://api.local/health","time":"2025-10-10T07:00:00Z","attempt":1,"ok":false,"status":502,"latency_ms":12.5,"class":"http-5xx","answer":"502 Bad Gateway","error":null}'
forensics_script='{"container":"api","command":"/entrypoint.sh","path":"/entrypoint.sh","searched":[],"exists":true,"file_type":"file","links":["/usr/local/bin/entrypoint.sh"],"mode":"0755","executable":true,"size":120,"format":"script","first_line":"#!/bin/sh\\r","crlf":true,"interpreter":{"from":"shebang","path":"/bin/sh","args":null,"exists":true},"env_program":null,"elf":null,"engine_arch":"amd64","notes":[]}'
forensics_elf='{"container":"worker","command":"app","path":"/usr/bin/app","searched":["/usr/local/bin/app","/usr/bin/app"],"exists":true,"file_type":"file","mode":"0644","executable":false,"format":"elf","interpreter":{"from":"elf","path":"/lib/ld-linux-aarch64.so.1","exists":false},"env_program":{"name":"python3","found_at":null,"searched":["/usr/bin/python3"]},"elf":{"bits":64,"machine":"AArch64","arch":"arm64"},"engine_arch":"amd64","notes":["cannot read /proc"]}'
printf '%s' "$csv" | handmade monitoring $format_csv
printf '%s' "$csv" | handmade bundle_file $place_monitoring_csv
printf '%s' "$json_array" | handmade monitoring $format_json_array
printf '%s' "$json_array" | handmade bundle_file $place_loose
printf '%s' "$prometheus" | handmade monitoring $format_prometheus
printf '%s' "$prometheus_error" | handmade monitoring $format_prometheus
printf '%s' "$prometheus" | handmade bundle_file $place_monitoring_jsonl
printf '%s' "$gatus" | handmade monitoring $format_gatus
printf '%s' "$gatus" | handmade bundle_file $place_loose
printf '%s' "$probe" | handmade probes
printf '%s' "$probe" | handmade bundle_file $place_probes
printf '%s' "$forensics_script" | handmade forensics
printf '%s' "$forensics_elf" | handmade forensics
printf '%s' "$forensics_script" | handmade bundle_file $place_forensics
printf '%s' "$forensics_elf" | handmade bundle_file $place_forensics
printf '%s' 'State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process' | handmade listeners_line
printf '%s' 'LISTEN 0      4096   [::ffff:127.0.0.1%lo]:5432  [::]:*  users:(("postgres",pid=7,fd=5),("postgres",pid=8,fd=5))' | handmade listeners_line
for t in '2026-11-27T17:24:21.557915478Z' '0001-01-01T00:00:00Z' '2025-10-10 07:01:02,345' \
    '2025-10-10 07:01:02.345+02:00' '2025-10-10 07:01:02 -0530' '2025/10/10 07:01:02 [error] 7#7: x' \
    '10/Oct/2025:07:01:02 +0000' '[2025-10-10 07:01:02 +0000] [1] [INFO] Booting' \
    'time="2025-10-10T07:01:02Z" level=info msg=x' '1760079600' '1760079600123.5' '2025-10-10' \
    'UTC' '+02:00' '-0530' '+2'; do
    printf '%s' "$t" | handmade time
done

for t in "${targets[@]}"; do
    printf '  %-18s %5d seeds\n' "$t" "$(find "$corpus/$t" -type f 2>/dev/null | wc -l)"
done

# ---------------------------------------------------------------- build

cd "$fuzz"
echo "building the fuzz targets (cargo +nightly fuzz build)"
if ! cargo +nightly fuzz build; then
    echo "fuzz.sh: the build failed" >&2
    exit 2
fi
# The runs start the binaries this build made rather than `cargo fuzz run`,
# which would rebuild first: with src/ being edited meanwhile, every target
# would cost a rebuild and the targets would not all fuzz the same code.
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin="$fuzz/target/$host/release"

# ---------------------------------------------------------------- runs

mkdir -p "$logs"
# Scratch directories a crashed run left in tmpfs (the targets remove their own otherwise).
rm_stale_scratch() {
    find /dev/shm -maxdepth 1 -name 'coroner-fuzz-*' -user "$(id -u)" -mmin +1 \
        -exec rm -rf {} + 2>/dev/null || true
}

# final_stat NAME LOG: a figure of libFuzzer's -print_final_stats=1 block.
final_stat() {
    sed -n "s/^stat::$1: *//p" "$2" | tail -n 1
}

crashed=()
summary=()
for t in "${targets[@]}"; do
    log="$logs/$t.log"
    echo "fuzzing $t for ${seconds}s (log: $log)"
    mkdir -p "$corpus/$t" "$fuzz/artifacts/$t"
    status=0
    # As `cargo fuzz run` runs them: ASan's ODR check misfires on Rust binaries.
    # shellcheck disable=SC2086  # FUZZ_ARGS is a list of options
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_odr_violation=0} RUST_BACKTRACE=1 \
        "$bin/$t" -artifact_prefix="$fuzz/artifacts/$t/" \
        -max_total_time="$seconds" -max_len=$max_len -rss_limit_mb=2048 -timeout=10 \
        -print_final_stats=1 ${FUZZ_ARGS:-} "$corpus/$t" >"$log" 2>&1 || status=$?
    rm_stale_scratch
    execs=$(final_stat number_of_executed_units "$log")
    rate=$(final_stat average_exec_per_sec "$log")
    rss=$(final_stat peak_rss_mb "$log")
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    if [[ $status -eq 0 ]]; then
        result="ok"
    else
        # The artifact's name says what failed: crash-, timeout-, oom-, leak-.
        kind=$(basename "${artifact:-failed-}")
        result="${kind%%-*} (exit $status)${artifact:+: $artifact}"
        crashed+=("$t")
        # The panic message and the first lines of the report, for a quick look.
        grep -m 1 -A 3 -E "panicked at|ERROR: libFuzzer|ERROR: AddressSanitizer" "$log" | sed 's/^/    /' || true
    fi
    # libFuzzer's warnings about slow inputs, worth a look even without a crash.
    grep -m 1 -E "Slowest unit|slow-unit" "$log" | sed 's/^/    /' || true
    summary+=("$(printf '%-18s %12s execs %8s exec/s %6s MB peak RSS  %s' \
        "$t" "${execs:-?}" "${rate:-?}" "${rss:-?}" "$result")")
    echo "  ${summary[-1]}"
done

echo
echo "summary (${seconds}s per target):"
printf '  %s\n' "${summary[@]}"
if [[ ${#crashed[@]} -gt 0 ]]; then
    echo "failed: ${crashed[*]} (reproducers under fuzz/artifacts/; replay one with" \
        "'cd fuzz && cargo +nightly fuzz run TARGET ARTIFACT')"
    exit 1
fi
