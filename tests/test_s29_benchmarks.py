"""Session 29: benchmark scripts skip cleanly when the shared evaluation data is absent."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_rescue_ceiling_skips_without_polnear(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "attribution_rescue.py"),
                          "--eval", str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("skipped: no PolNeAR under")
