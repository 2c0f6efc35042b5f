#!/usr/bin/env bash
# Creates .venv-river at the repository root with River (PyPI) for the side-by-side detector
# benchmark. Idempotent; River needs its own venv (its numpy pin differs from other tools').
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.venv-river
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import river" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --upgrade pip
    "$VENV/bin/pip" install --quiet "river==0.26.1"
fi
echo "setup: $("$VENV/bin/python" -c 'import river, sys; print("river", river.__version__, "python", sys.version.split()[0])')"
