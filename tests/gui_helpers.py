"""Shared pieces for the interface tests: real stores on disk and the app around them.

No conftest: these are plain functions and a context manager that each test file uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, Event, LegalEpisode, LivingEpisode
from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.store import CaseStore

PASSPHRASE = "correct horse battery"
OWNER = "Morag Test"


def sample_children() -> list[Child]:
    """Three made-up children: one in foster care, one in kinship care, one who went home."""
    return [
        Child(ref="C-001", given_name="Ailsa", family_name="Brodie",
              date_of_birth=date(2021, 6, 2),
              living=(LivingEpisode("foster", date(2024, 3, 3)),),
              legal=(LegalEpisode("icso", date(2024, 3, 3)),),
              events=(Event(date(2024, 3, 1), "Concern raised by the nursery about bruising",
                            kind="referral"),)),
        Child(ref="C-002", given_name="Callum", family_name="Dunbar",
              date_of_birth=date(2016, 11, 20), known_as="Cal",
              living=(LivingEpisode("kinship", date(2023, 1, 9)),),
              events=(Event(date(2023, 1, 5), "Grandmother offered a home", kind="note"),)),
        Child(ref="C-003", given_name="Eilidh", family_name="Fraser",
              date_of_birth=date(2012, 2, 29),
              living=(LivingEpisode("residential_la", date(2020, 5, 1), date(2022, 8, 31)),)),
    ]


def make_store(path: Path, children: Sequence[Child] = (),
               passphrase: str = PASSPHRASE) -> Path:
    store = CaseStore.create(path, passphrase, OWNER)
    try:
        if children:
            store.import_children(list(children))
    finally:
        store.close()
    return path


def make_demo(path: Path, passphrase: str) -> None:
    """What the command line hands the interface, in miniature."""
    make_store(path, sample_children()[:2], passphrase)


@contextmanager
def running_app(store_path: Path | None, default_path: Path, first_run: bool = False,
                demo: bool = False, settings_path: Path | None = None,
                idle_seconds: float | None = None) -> Iterator[PaceApp]:
    """The real app with its worker thread; always shut down, so no thread outlives a test.

    Settings come from `settings_path`, by default a file beside the default store (in the
    test's tmp_path), never the settings of the person running the tests.
    """
    app = PaceApp(store_path, default_path, make_demo if demo else None, first_run,
                  settings_path=settings_path or default_path.parent / "settings.toml",
                  idle_seconds=idle_seconds)
    try:
        app.start()
        yield app
    finally:
        app.shutdown()


WAIT_MS = 10_000


def unlock(qtbot: QtBot, app: PaceApp, passphrase: str = PASSPHRASE) -> MainWindow:
    """Type the passphrase and Enter; wait for the caseload and its clocks."""
    qtbot.keyClicks(app.unlock_window.passphrase_edit, passphrase)
    qtbot.keyClick(app.unlock_window.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.main_window is not None
                    and app.main_window.facts is not None, timeout=WAIT_MS)
    assert app.main_window is not None
    return app.main_window


def settle(qtbot: QtBot, app: PaceApp) -> None:
    """Wait until the worker has answered everything asked of it."""
    qtbot.waitUntil(lambda: not app.runner.busy, timeout=WAIT_MS)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what a box holds, typing as a person would."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, f"{code!r} is not offered"
    combo.setCurrentIndex(index)
