#!/usr/bin/env bash
# Side by side with the peer tools, on the same workloads, in one command:
#   detectors  Antibody's streaming detectors (antibody bench detectors) vs River's, same series
#   amm        the AMM + arbitrageur model (antibody bench amm) vs the same model in radCAD
# Usage: benchmarks/peers/run.sh [detectors|amm|all] [size]
#   size: events for detectors (default 1,000,000); radCAD blocks for amm (default 100,000;
#   Antibody runs 100× as many blocks so its timing is not lost in noise).
# Prints rates and ratios. Creates the peers' venvs on first use (benchmarks/peers/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
which="${1:-all}"
size="${2:-}"
case "$which" in detectors | amm | all) ;; *)
    echo "usage: benchmarks/peers/run.sh [detectors|amm|all] [size]" >&2
    exit 2
    ;;
esac
swift build -c release --product antibody >/dev/null

if [ "$which" = detectors ] || [ "$which" = all ]; then
    n="${size:-1000000}"
    benchmarks/peers/setup.sh river >/dev/null
    ours=$(.build/release/antibody bench detectors --events "$n" --json)
    theirs=$(.venv-river/bin/python benchmarks/peers/river_detectors.py "$n")
    .venv-river/bin/python - "$ours" "$theirs" <<'PY'
import json, sys
ours = {r["name"]: r["eventsPerSecond"] for r in json.loads(sys.argv[1])}
theirs = json.loads(sys.argv[2])
print(f"{'detector':14s}{'Antibody ev/s':>16s}{'River ev/s':>14s}{'ratio':>10s}  River side")
for r in theirs:
    a = ours[r["name"]]
    print(f"{r['name']:14s}{a:16,.0f}{r['eventsPerSecond']:14,.0f}{a / r['eventsPerSecond']:9.0f}x  {r['what']}")
PY
fi

if [ "$which" = amm ] || [ "$which" = all ]; then
    n="${size:-100000}"
    benchmarks/peers/setup.sh radcad >/dev/null
    ours=$(.build/release/antibody bench amm --steps $((n * 100)) --json)
    theirs=$(.venv-radcad/bin/python benchmarks/peers/radcad_amm.py "$n")
    .venv-radcad/bin/python - "$ours" "$theirs" <<'PY'
import json, sys
a, r = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{'AMM + arbitrageur':20s}{'blocks':>12s}{'blocks/s':>14s}{'trades/block':>14s}")
print(f"{'Antibody':20s}{a['steps']:12,d}{a['stepsPerSecond']:14,.0f}{a['trades'] / a['steps']:14.4f}")
print(f"{'radCAD ' + r['radcad']:20s}{r['steps']:12,d}{r['stepsPerSecond']:14,.0f}{r['trades'] / r['steps']:14.4f}")
print(f"ratio: {a['stepsPerSecond'] / r['stepsPerSecond']:,.0f}x (same model and parameters; trades/block "
      "agree statistically, the normal generators differ)")
PY
fi
