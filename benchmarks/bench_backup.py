"""Does the backup made at unlock hold the app's store operations? (issue 17)

Opens the real app (offscreen) on a 10,000-child store, with the unlock backup asked for at
once, and types searches while it is being made: prints each keystroke's wait (from the
keystroke to the list filtered) and how long the backup took. Before the backup had a
connection of its own, the first keystroke waited for the whole copy.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_backup.py [STORE]

STORE defaults to the cached benchmark store (benchmarks/common.py, built once); backups are
written beside it, in `backups/`, and removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import wait  # noqa: E402
from common import PASSPHRASE, big_store, report  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from pace_desktop.gui import backups as keeper  # noqa: E402
from pace_desktop.gui.app import PaceApp  # noqa: E402
from pace_desktop.store.backup import backup_folder, backups_of  # noqa: E402


def main() -> None:
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else big_store()[0]
    keeper.UNLOCK_DELAY_MS = 3_600_000  # asked for below, once the window has settled
    before = set(backups_of(path))
    with tempfile.TemporaryDirectory() as tmp:
        pace = PaceApp(path, path, settings_path=Path(tmp) / "settings.toml")
        pace.start()
        pace.unlock_window.passphrase_edit.setText(PASSPHRASE)
        pace.unlock_window.unlock()
        wait(qapp, lambda: pace.main_window is not None
             and pace.main_window.model.rowCount() > 0, 900)
        window = pace.main_window
        assert window is not None
        # the due list and run-chart data first (their reads are not the backup's)
        wait(qapp, lambda: window.facts is not None and not pace.runner.busy, 900)
        window.backups._unlock_backup()  # the unlock backup, as the timer would ask for it
        started = time.perf_counter()
        times = []
        for word in ("Mac", "Mitchell", "foster", "nursery"):
            for end in range(1, len(word) + 1):
                window.search_edit.setText(word[:end])
                t = time.perf_counter()
                window.search_now()
                wait(qapp, lambda: not pace.runner.busy, 900)
                times.append((time.perf_counter() - t) * 1000)
        report("search while the unlock backup is made, first keystroke", times[0], 50)
        report("search while the unlock backup is made, slowest keystroke", max(times), 50)
        report("search while the unlock backup is made, median keystroke",
               statistics.median(times), 50)
        wait(qapp, lambda: any(".unlock." in p.name for p in set(backups_of(path)) - before)
             and not getattr(window.backups, "copying", False), 900)
        backed_up = (time.perf_counter() - started) * 1000
        pace.shutdown()
    for made in set(backups_of(path)) - before:
        made.unlink()
    if not any(backup_folder(path).iterdir()):
        shutil.rmtree(backup_folder(path))
    report("unlock backup written (from the caseload listed)", backed_up)


if __name__ == "__main__":
    main()
