"""The Swift side deploys the bytecode committed in Sources/AntibodyChain/ContractArtifacts.swift;
this test keeps it equal to a fresh compile of contracts/*.vy by the pinned vyper."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_swift_artifacts_are_a_fresh_compile():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "contract_artifacts.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
