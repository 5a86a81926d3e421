"""Start-up: from launching PACE Desktop to its unlock window on screen.

Times `pace-desktop gui --store S --exit-when-ready` (the app quits as soon as the unlock
window has been painted) as a whole process: the bundle from `make dist` when it is there,
and the source install beside it. Offscreen, so a display is not needed.
Run: .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import PASSPHRASE, report  # noqa: E402

from pace_desktop.store import CaseStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "pace-desktop" / "pace-desktop"


def launch(command: list[str], runs: int = 5) -> float:
    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home}
        store = Path(home) / "s.pacestore"
        CaseStore.create(store, PASSPHRASE, "Benchmark").close()
        subprocess.run([*command, "gui", "--store", str(store), "--exit-when-ready"],
                       env=env, check=True, capture_output=True)  # warm the file cache
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run([*command, "gui", "--store", str(store), "--exit-when-ready"],
                           env=env, check=True, capture_output=True)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    if BUNDLE.exists():
        report("bundle: launch to unlock window", launch([str(BUNDLE)]), 1500)
    else:
        print("(no bundle: run `make dist` first to time it)")
    report("source install: launch to unlock window",
           launch([sys.executable, "-m", "pace_desktop"]), 1500)


if __name__ == "__main__":
    main()
