#!/usr/bin/env bash
# Writes reports/screenshots/main-incident-desktop.png and
# main-incident-phone.png: the whole HTML report of the main example
# (fixtures/bundles/main-incident), as headless Chromium draws it 1280 and
# 390 pixels wide. Run it after a change to templates/report.html.tera.
#
#   scripts/screenshots.sh
#
# Needs Debian's `chromium` and `pngquant` (which makes the pictures a third
# of the size), and builds coroner with cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in chromium pngquant cargo; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "screenshots.sh: $tool is not installed (apt-get install $tool)" >&2
        exit 2
    }
done

cargo build --quiet
coroner="${CARGO_TARGET_DIR:-target}/debug/coroner"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# coroner exits 1 when it finds a problem, as it does in the main example.
status=0
"$coroner" investigate --bundle fixtures/bundles/main-incident \
    --format html --output "$work/report.html" >"$work/coroner.log" 2>&1 || status=$?
if [ "$status" -gt 1 ]; then
    cat "$work/coroner.log" >&2
    exit "$status"
fi

# Chromium offline: a report needs nothing from the network.
browse() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$work/profile" --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --disable-extensions \
        --host-resolver-rules='MAP * ~NOTFOUND' --virtual-time-budget=10000 "$@" 2>/dev/null
}

# The page's height is learnt by a copy of it that tells its own to the
# page around it; the report itself carries no script.
sed 's|</body>|<script>addEventListener("load", () => parent.postMessage(String(document.documentElement.scrollHeight), "*"))</script></body>|' \
    "$work/report.html" >"$work/measured.html"

mkdir -p reports/screenshots
for shot in desktop:1280 phone:390; do
    name=${shot%%:*}
    width=${shot##*:}
    # A frame of the width, because Chromium's window is never narrower
    # than 500 pixels: the report is laid out at the frame's width.
    cat >"$work/height.html" <<EOF
<!DOCTYPE html><html><body style="margin: 0"><iframe src="measured.html" style="border: 0; width: ${width}px; height: 900px"></iframe>
<pre id="height"></pre><script>addEventListener("message", event => { document.getElementById("height").textContent = event.data; });</script></body></html>
EOF
    height=$(browse --window-size="$width,900" --dump-dom "file://$work/height.html" |
        sed -n 's|.*<pre id="height">\([0-9]*\)</pre>.*|\1|p')
    [ -n "$height" ] || { echo "screenshots.sh: the page's height at $width px was not measured" >&2; exit 1; }
    cat >"$work/frame.html" <<EOF
<!DOCTYPE html><html><body style="margin: 0; overflow: hidden"><iframe src="report.html" style="display: block; border: 0; width: ${width}px; height: ${height}px"></iframe></body></html>
EOF
    browse --window-size="$width,$height" --screenshot="$work/$name.png" "file://$work/frame.html"
    out="reports/screenshots/main-incident-$name.png"
    pngquant --speed 1 --strip --force --output "$out" "$work/$name.png"
    echo "$out: ${width}x${height} px, $(($(stat -c %s "$out") / 1024)) KiB"
done
