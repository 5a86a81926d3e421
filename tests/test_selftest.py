"""The self-test that `make dist` runs inside the bundle also passes from source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "TMPDIR": str(tmp_path)}
    env.pop("PACE_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-m", "pace_desktop", "self-test"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert sum(line.strip().startswith("ok") for line in lines) == 5
    assert lines[-1] == "All steps passed."
    assert list(tmp_path.iterdir()) == [], "the self-test must leave nothing behind"
