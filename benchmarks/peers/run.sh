#!/usr/bin/env bash
# Side by side: Antibody's detectors (antibody bench detectors) and River's on the same series.
# Usage: benchmarks/peers/run.sh [events]   (default 1,000,000). Prints events/s and the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-1000000}"
benchmarks/peers/setup.sh >/dev/null
swift build -c release --product antibody >/dev/null
ours=$(.build/release/antibody bench detectors --events "$N" --json)
theirs=$(.venv-river/bin/python benchmarks/peers/river_detectors.py "$N")
.venv-river/bin/python - "$ours" "$theirs" <<'PY'
import json, sys
ours = {r["name"]: r["eventsPerSecond"] for r in json.loads(sys.argv[1])}
theirs = json.loads(sys.argv[2])
print(f"{'detector':14s}{'Antibody ev/s':>16s}{'River ev/s':>14s}{'ratio':>10s}  River side")
for r in theirs:
    a = ours[r["name"]]
    print(f"{r['name']:14s}{a:16,.0f}{r['eventsPerSecond']:14,.0f}{a / r['eventsPerSecond']:9.0f}x  {r['what']}")
PY
