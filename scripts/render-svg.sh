#!/usr/bin/env bash
# Renders SVG files to PNG with headless Chromium: scripts/render-svg.sh OUT_DIR FILE.svg...
# Used to look at the chart snapshots and to make the pictures in docs/.
set -euo pipefail
out=$1; shift
mkdir -p "$out"
for f in "$@"; do
  read -r w h < <(sed -n 's/^<svg width="\([0-9]*\)" height="\([0-9]*\)".*/\1 \2/p' "$f" | head -1)
  chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --no-first-run \
    --hide-scrollbars --force-device-scale-factor=1 --window-size="${w:-640},${h:-520}" \
    --screenshot="$out/$(basename "$f" .svg).png" "file://$(realpath "$f")" 2>/dev/null
done
