#!/usr/bin/env bash
# Creates the peer tools' venvs at the repository root, from PyPI, for the side-by-side benchmarks:
#   .venv-river   River 0.26.1 (streaming detectors)        — benchmarks/peers/run.sh detectors
#   .venv-radcad  radCAD 0.14.0 (agent-based simulation)    — benchmarks/peers/run.sh amm
# Usage: benchmarks/peers/setup.sh [river|radcad|all]   (default all). Idempotent. Each tool has its
# own venv because their NumPy/pandas pins differ.
set -euo pipefail
cd "$(dirname "$0")/../.."
which="${1:-all}"

# make_venv <dir> <import name> <pip requirement…>
make_venv() {
    local venv=$1 module=$2
    shift 2
    if [ ! -x "$venv/bin/python" ]; then
        python3 -m venv "$venv"
    fi
    if ! "$venv/bin/python" -c "import $module" 2>/dev/null; then
        "$venv/bin/pip" install --quiet --upgrade pip
        "$venv/bin/pip" install --quiet "$@"
    fi
}

case "$which" in
river | all)
    make_venv .venv-river river "river==0.26.1"
    echo "setup: $(.venv-river/bin/python -c 'import river, sys; print("river", river.__version__, "python", sys.version.split()[0])')"
    ;;&
radcad | all)
    # radCAD 0.14.0 imports typing_extensions without declaring it.
    make_venv .venv-radcad radcad "radcad==0.14.0" "typing_extensions==4.16.0"
    echo "setup: $(.venv-radcad/bin/python -c 'import sys; from importlib.metadata import version; print("radcad", version("radcad"), "python", sys.version.split()[0])')"
    ;;
river) ;;
*)
    echo "usage: benchmarks/peers/setup.sh [river|radcad|all]" >&2
    exit 2
    ;;
esac
