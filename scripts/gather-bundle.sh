#!/usr/bin/env bash
# gather-bundle.sh - collect an "evidence bundle" from a Docker host for coroner.
#
# Runs on the server that had the incident; coroner itself does not need to be
# installed there.  It only uses the docker CLI (and `ss`, `date`, `sed`, `awk`,
# `grep`, `sort` if present) and never changes anything on the host.
#
# Usage:
#   scripts/gather-bundle.sh OUTDIR [options] [CONTAINER...]
#
# Options:
#   --since WHEN     start of the incident window: a duration back from now
#                    (90s, 30m, 6h, 2d), an RFC3339 time (2025-10-10T07:00:00Z)
#                    or a unix timestamp.  Default: 24h.
#   --until WHEN     end of the window (same formats).  Default: now.
#   --filter F       docker filter applied to the container list and to
#                    `docker events` (repeatable), e.g.
#                    --filter label=com.docker.compose.project=shop
#   --add SRC=DEST   copy a host file into the bundle at DEST, a relative path
#                    under logs/, monitoring/ or host/ (repeatable), e.g.
#                    --add /var/log/nginx/error.log=logs/nginx/error.log
#                    --add /srv/monitor/uptime.log=monitoring/uptime.log
#   --no-listeners   do not record host listeners (host/listeners.txt)
#   -h, --help       show this help
#
# CONTAINER...       names (or ids) of the containers to collect.  Without
#                    names, every container matching the filters (or every
#                    container on the host, running or not) is collected.
#
# Output (OUTDIR must not exist yet, or be empty):
#   docker/containers/<name>.json   docker container inspect <name>
#   docker/containers/<name>.log    docker logs --timestamps <name> (stdout+stderr)
#   docker/images/<ref>.json        docker image inspect <ref>  ('/' and ':' -> '_')
#   docker/events.jsonl             docker events --since --until --format '{{json .}}'
#                                   (filtered like the containers; network events
#                                   of the collected containers are kept too)
#   swarm/services.json, tasks.json, nodes.json, logs/<service>.log
#                                   on a Swarm manager: docker service/node inspect,
#                                   docker inspect of every task, docker service logs
#   host/listeners.txt              ss -ltnpH (run as root to see the processes)
#   logs/..., monitoring/...        files given with --add
#   bundle.json                     host, engine/API version, window, collection
#                                   time and the list of what was NOT collected
#
# Notes:
#   * The Docker daemon keeps only its last 256 events in memory; older events
#     in the window cannot be read back.  When the window seems to reach past
#     that buffer, bundle.json says so under "not_collected".
#   * Container logs are collected in full, whatever the window.
#   * Environment variables in the inspect output are NOT masked here: coroner
#     masks secrets when it writes its report.  Treat the bundle as sensitive.
set -euo pipefail

PROG=${0##*/}

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

die() {
    printf '%s: %s\n' "$PROG" "$*" >&2
    exit 1
}

warn() {
    printf '%s: warning: %s\n' "$PROG" "$*" >&2
}

# ---------------------------------------------------------------- arguments
OUTDIR=""
SINCE="24h"
UNTIL=""
FILTERS=()
ADDS=()
LISTENERS=1
NAMES=()

while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --since) [ $# -ge 2 ] || die "--since needs a value"; SINCE=$2; shift 2 ;;
        --since=*) SINCE=${1#*=}; shift ;;
        --until) [ $# -ge 2 ] || die "--until needs a value"; UNTIL=$2; shift 2 ;;
        --until=*) UNTIL=${1#*=}; shift ;;
        --filter) [ $# -ge 2 ] || die "--filter needs a value"; FILTERS+=("$2"); shift 2 ;;
        --filter=*) FILTERS+=("${1#*=}"); shift ;;
        --add) [ $# -ge 2 ] || die "--add needs SRC=DEST"; ADDS+=("$2"); shift 2 ;;
        --add=*) ADDS+=("${1#*=}"); shift ;;
        --no-listeners) LISTENERS=0; shift ;;
        --) shift; while [ $# -gt 0 ]; do NAMES+=("$1"); shift; done ;;
        -*) die "unknown option: $1 (see --help)" ;;
        *)
            if [ -z "$OUTDIR" ]; then OUTDIR=$1; else NAMES+=("$1"); fi
            shift ;;
    esac
done

[ -n "$OUTDIR" ] || { usage >&2; exit 2; }
if [ -e "$OUTDIR" ] && [ -n "$(ls -A "$OUTDIR" 2>/dev/null)" ]; then
    die "$OUTDIR exists and is not empty"
fi
command -v docker >/dev/null 2>&1 || die "docker CLI not found in PATH"

# ---------------------------------------------------------------- time helpers
NOW=$(date -u +%s)
# sub-second "now" so that events of the last second are not cut off
NOW_FINE=$(date -u +%s.%N 2>/dev/null || true)
case "$NOW_FINE" in (*[!0-9.]*|'') NOW_FINE=$((NOW + 1)) ;; esac

# to_epoch WHEN -> unix seconds (durations count back from NOW)
to_epoch() {
    local v=$1 n
    case "$v" in
        *[0-9]s|*[0-9]m|*[0-9]h|*[0-9]d)
            n=${v%?}
            case "$n" in (''|*[!0-9]*) ;; (*)
                case "$v" in
                    *s) echo $((NOW - n)) ;;
                    *m) echo $((NOW - n * 60)) ;;
                    *h) echo $((NOW - n * 3600)) ;;
                    *d) echo $((NOW - n * 86400)) ;;
                esac
                return 0 ;;
            esac ;;
    esac
    case "$v" in
        (*[!0-9.]*|'') ;;
        (*) echo "${v%%.*}"; return 0 ;;
    esac
    # RFC3339 / anything GNU date understands
    date -u -d "$v" +%s 2>/dev/null && return 0
    # busybox date
    date -u -D '%Y-%m-%dT%H:%M:%SZ' -d "$v" +%s 2>/dev/null && return 0
    return 1
}

rfc3339() {
    date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -r "$1" +%Y-%m-%dT%H:%M:%SZ
}

SINCE_EPOCH=$(to_epoch "$SINCE") || die "cannot understand --since '$SINCE'"
if [ -n "$UNTIL" ]; then
    UNTIL_EPOCH=$(to_epoch "$UNTIL") || die "cannot understand --until '$UNTIL'"
    UNTIL_ARG=$UNTIL_EPOCH
else
    UNTIL_EPOCH=$NOW
    UNTIL_ARG=$NOW_FINE
fi
[ "$SINCE_EPOCH" -le "$UNTIL_EPOCH" ] || die "--since is after --until"

# ---------------------------------------------------------------- bookkeeping
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/gather-bundle.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
: > "$TMP/not_collected"

# not_collected WHAT WHY
not_collected() {
    printf '%s\t%s\n' "$1" "$2" >> "$TMP/not_collected"
    warn "not collected: $1: $2"
}

# json_str TEXT -> a JSON string literal
json_str() {
    printf '%s' "$1" | LC_ALL=C awk '
        BEGIN { ORS = ""; print "\"" }
        NR > 1 { print "\\n" }
        {
            s = $0
            gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s)
            gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
            print s
        }
        END { print "\"" }'
}

# first line of a file, for error messages
first_line() {
    sed -n '1{p;q;}' "$1" 2>/dev/null | cut -c1-300
}

# safe_name REF -> file name with '/' and ':' replaced by '_'
safe_name() {
    printf '%s' "$1" | tr '/:' '__'
}

FILTER_ARGS=()
for f in ${FILTERS[@]+"${FILTERS[@]}"}; do FILTER_ARGS+=(--filter "$f"); done

# ---------------------------------------------------------------- engine
if ! ENGINE_VERSION=$(docker version --format '{{.Server.Version}}' 2>"$TMP/err"); then
    die "cannot talk to the Docker daemon: $(first_line "$TMP/err")"
fi
API_VERSION=$(docker version --format '{{.Server.APIVersion}}' 2>/dev/null || echo "")
HOST=$(hostname 2>/dev/null || uname -n)

mkdir -p "$OUTDIR/docker/containers" "$OUTDIR/docker/images"

# A Swarm manager: its services are collected under swarm/, and the
# containers of their tasks are left to them (each is one attempt of its
# service, told by the task history), as `coroner collect` does.
SWARM_MANAGER=0
if [ "$(docker info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null)" = "true" ]; then
    SWARM_MANAGER=1
fi

# ---------------------------------------------------------------- containers
if [ ${#NAMES[@]} -eq 0 ]; then
    docker ps -a --no-trunc ${FILTER_ARGS[@]+"${FILTER_ARGS[@]}"} --format '{{.Names}}' \
        > "$TMP/names" 2>"$TMP/err" || die "docker ps failed: $(first_line "$TMP/err")"
else
    printf '%s\n' "${NAMES[@]}" > "$TMP/names"
fi

: > "$TMP/images"
: > "$TMP/ids"
while IFS= read -r name; do
    [ -n "$name" ] || continue
    # a container with several names (legacy links) lists them comma-separated
    name=${name%%,*}
    if [ "$SWARM_MANAGER" -eq 1 ] && [ -n "$(docker container inspect \
            --format '{{index .Config.Labels "com.docker.swarm.service.id"}}' "$name" 2>/dev/null)" ]; then
        continue
    fi
    if ! docker container inspect "$name" > "$TMP/inspect" 2>"$TMP/err"; then
        not_collected "container $name" "docker container inspect failed: $(first_line "$TMP/err")"
        continue
    fi
    # file name = the container's own name (without the leading '/')
    cname=$(docker container inspect --format '{{.Name}}' "$name" 2>/dev/null || echo "$name")
    cname=${cname#/}
    [ -n "$cname" ] || cname=$name
    mv "$TMP/inspect" "$OUTDIR/docker/containers/$cname.json"
    docker container inspect --format '{{.Id}}' "$name" >> "$TMP/ids" 2>/dev/null || true

    if ! docker logs --timestamps "$name" > "$OUTDIR/docker/containers/$cname.log" 2>&1; then
        not_collected "logs of container $cname" \
            "docker logs failed: $(first_line "$OUTDIR/docker/containers/$cname.log")"
    fi

    ref=$(docker container inspect --format '{{.Config.Image}}' "$name" 2>/dev/null || true)
    id=$(docker container inspect --format '{{.Image}}' "$name" 2>/dev/null || true)
    printf '%s\t%s\n' "$ref" "$id" >> "$TMP/images"
done < "$TMP/names"

if [ ! -s "$TMP/ids" ]; then
    warn "no container matched; collecting events and host data only"
fi

# ---------------------------------------------------------------- images
sort -u "$TMP/images" | while IFS="$(printf '\t')" read -r ref id; do
    [ -n "$ref$id" ] || continue
    [ -n "$ref" ] || ref=$id
    out="$OUTDIR/docker/images/$(safe_name "$ref").json"
    [ -e "$out" ] && continue
    if docker image inspect "$ref" > "$TMP/img" 2>"$TMP/err"; then
        # the tag may point to a newer image than the one the container runs
        if [ -n "$id" ] && ! grep -q "\"Id\": \"$id\"" "$TMP/img"; then
            if docker image inspect "$id" > "$TMP/img2" 2>/dev/null; then
                mv "$TMP/img2" "$TMP/img"
                warn "image $ref now points to another image; collected $id instead"
            fi
        fi
        mv "$TMP/img" "$out"
    elif [ -n "$id" ] && docker image inspect "$id" > "$TMP/img" 2>/dev/null; then
        mv "$TMP/img" "$out"
    else
        not_collected "image $ref" "docker image inspect failed: $(first_line "$TMP/err")"
    fi
done

# ---------------------------------------------------------------- events
EVENTS="$OUTDIR/docker/events.jsonl"
if docker events --since "$SINCE_EPOCH" --until "$UNTIL_ARG" \
        ${FILTER_ARGS[@]+"${FILTER_ARGS[@]}"} --format '{{json .}}' \
        > "$TMP/events.main" 2>"$TMP/err"; then
    : > "$TMP/events.net"
    if [ ${#FILTER_ARGS[@]} -gt 0 ] || [ ${#NAMES[@]} -gt 0 ]; then
        if [ ${#FILTER_ARGS[@]} -eq 0 ]; then
            # explicit container names: keep only their events
            args=()
            while IFS= read -r n; do [ -n "$n" ] && args+=(--filter "container=$n"); done < "$TMP/names"
            docker events --since "$SINCE_EPOCH" --until "$UNTIL_ARG" "${args[@]}" \
                --format '{{json .}}' > "$TMP/events.main" 2>/dev/null || true
        fi
        # network events carry no container labels: keep connect/disconnect of
        # the containers seen above, and create/destroy of their networks
        grep -o '"Type":"container","Action":"[^"]*","Actor":{"ID":"[0-9a-f]*"' "$TMP/events.main" 2>/dev/null \
            | sed 's/.*"ID":"//; s/"$//' > "$TMP/cids" || true
        cat "$TMP/ids" >> "$TMP/cids"
        if docker events --since "$SINCE_EPOCH" --until "$UNTIL_ARG" --filter type=network \
                --format '{{json .}}' > "$TMP/events.allnet" 2>/dev/null; then
            awk '
                NR == FNR { if ($0 != "") ours[$0] = 1; next }
                {
                    line = $0; c = ""; nid = ""
                    if (match(line, /"container":"[0-9a-f]+"/)) c = substr(line, RSTART + 13, RLENGTH - 14)
                    if (match(line, /"Actor":\{"ID":"[0-9a-f]+"/)) nid = substr(line, RSTART + 15, RLENGTH - 16)
                    n++; lines[n] = line; cont[n] = c; net[n] = nid
                    if (c != "" && (c in ours)) nets[nid] = 1
                }
                END {
                    for (i = 1; i <= n; i++)
                        if ((cont[i] != "" && (cont[i] in ours)) || (cont[i] == "" && (net[i] in nets)))
                            print lines[i]
                }' "$TMP/cids" "$TMP/events.allnet" > "$TMP/events.net"
        fi
    fi
    # merge and order by timeNano
    cat "$TMP/events.main" "$TMP/events.net" | awk '
        match($0, /"timeNano":[0-9]+/) { printf "%s\t%s\n", substr($0, RSTART + 11, RLENGTH - 11), $0 }' \
        | sort -s -n -k1,1 | cut -f2- | awk '!seen[$0]++' > "$EVENTS"

    # the daemon only buffers its last 256 events
    total=$(docker events --since "$SINCE_EPOCH" --until "$UNTIL_ARG" --format '{{.TimeNano}}' 2>/dev/null | wc -l)
    if [ "$total" -ge 256 ]; then
        oldest=$(docker events --since "$SINCE_EPOCH" --until "$UNTIL_ARG" --format '{{.Time}}' 2>/dev/null | sed -n 1p)
        not_collected "docker events before $(rfc3339 "${oldest:-$SINCE_EPOCH}")" \
            "the daemon keeps only its last 256 events in memory; older events of the window were already discarded"
    fi
else
    : > "$EVENTS"
    not_collected "docker events" "docker events failed: $(first_line "$TMP/err")"
fi

# ---------------------------------------------------------------- swarm
if [ "$SWARM_MANAGER" -eq 1 ]; then
    mkdir -p "$OUTDIR/swarm/logs"
    if docker service ls -q > "$TMP/services" 2>"$TMP/err"; then
        if [ -s "$TMP/services" ]; then
            # shellcheck disable=SC2046 # one id a word
            docker service inspect $(cat "$TMP/services") > "$OUTDIR/swarm/services.json"
            : > "$TMP/tasks"
            while IFS= read -r sid; do
                docker service ps -q --no-trunc "$sid" >> "$TMP/tasks" 2>/dev/null || true
                sname=$(docker service inspect --format '{{.Spec.Name}}' "$sid" 2>/dev/null || echo "$sid")
                # The service's stderr comes out on the CLI's stderr: both are its log.
                slog="$OUTDIR/swarm/logs/$(safe_name "$sname").log"
                if ! docker service logs --raw --timestamps --since "$SINCE_EPOCH" "$sid" > "$slog" 2>&1; then
                    not_collected "logs of service $sname" "docker service logs failed: $(first_line "$slog")"
                fi
            done < "$TMP/services"
            if [ -s "$TMP/tasks" ]; then
                # shellcheck disable=SC2046
                docker inspect $(sort -u "$TMP/tasks") > "$OUTDIR/swarm/tasks.json" 2>"$TMP/err" \
                    || not_collected "swarm/tasks.json" "docker inspect of the tasks failed: $(first_line "$TMP/err")"
            else
                echo '[]' > "$OUTDIR/swarm/tasks.json"
            fi
        else
            echo '[]' > "$OUTDIR/swarm/services.json"
            echo '[]' > "$OUTDIR/swarm/tasks.json"
        fi
    else
        not_collected "swarm/services.json" "docker service ls failed: $(first_line "$TMP/err")"
    fi
    # shellcheck disable=SC2046
    docker node inspect $(docker node ls -q) > "$OUTDIR/swarm/nodes.json" 2>"$TMP/err" \
        || not_collected "swarm/nodes.json" "docker node inspect failed: $(first_line "$TMP/err")"
    rmdir "$OUTDIR/swarm/logs" 2>/dev/null || true
fi

# ---------------------------------------------------------------- host listeners
if [ "$LISTENERS" -eq 1 ]; then
    mkdir -p "$OUTDIR/host"
    if command -v ss >/dev/null 2>&1; then
        if ss -ltnpH > "$OUTDIR/host/listeners.txt" 2>"$TMP/err"; then
            if [ "$(id -u)" -ne 0 ]; then
                not_collected "owning processes of host listeners" \
                    "ss -p shows other users' processes only when run as root"
            fi
        else
            rm -f "$OUTDIR/host/listeners.txt"
            not_collected "host/listeners.txt" "ss -ltnpH failed: $(first_line "$TMP/err")"
        fi
    else
        not_collected "host/listeners.txt" "ss (iproute2) is not installed"
    fi
    rmdir "$OUTDIR/host" 2>/dev/null || true
else
    not_collected "host/listeners.txt" "skipped (--no-listeners)"
fi

# ---------------------------------------------------------------- extra files
for spec in ${ADDS[@]+"${ADDS[@]}"}; do
    src=${spec%%=*}
    dest=${spec#*=}
    if [ "$src" = "$spec" ] || [ -z "$dest" ]; then
        not_collected "$spec" "--add expects SRC=DEST"
        continue
    fi
    case "$dest" in
        /*|*../*|..*) not_collected "$src" "destination $dest must be relative, without '..'"; continue ;;
        logs/*|monitoring/*|host/*) ;;
        *) not_collected "$src" "destination $dest must be under logs/, monitoring/ or host/"; continue ;;
    esac
    if [ -r "$src" ] && [ -f "$src" ]; then
        mkdir -p "$OUTDIR/$(dirname "$dest")"
        cp "$src" "$OUTDIR/$dest"
    else
        not_collected "$src" "not a readable file"
    fi
done

# ---------------------------------------------------------------- bundle.json
COLLECTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
{
    printf '{\n'
    printf '  "host": %s,\n' "$(json_str "$HOST")"
    printf '  "engine_version": %s,\n' "$(json_str "$ENGINE_VERSION")"
    printf '  "api_version": %s,\n' "$(json_str "$API_VERSION")"
    printf '  "window": {"since": %s, "until": %s},\n' \
        "$(json_str "$(rfc3339 "$SINCE_EPOCH")")" "$(json_str "$(rfc3339 "$UNTIL_EPOCH")")"
    printf '  "collected_at": %s,\n' "$(json_str "$COLLECTED_AT")"
    printf '  "collector": "scripts/gather-bundle.sh",\n'
    printf '  "not_collected": ['
    sep=""
    while IFS="$(printf '\t')" read -r what why; do
        printf '%s\n    {"what": %s, "why": %s}' "$sep" "$(json_str "$what")" "$(json_str "$why")"
        sep=","
    done < "$TMP/not_collected"
    if [ -n "$sep" ]; then printf '\n  ]\n'; else printf ']\n'; fi
    printf '}\n'
} > "$OUTDIR/bundle.json"

ncont=0
for f in "$OUTDIR"/docker/containers/*.json; do [ -e "$f" ] && ncont=$((ncont + 1)); done
nev=$(wc -l < "$EVENTS")
printf '%s: wrote %s (%s containers, %s events)\n' "$PROG" "$OUTDIR" "$ncont" "$nev" >&2
