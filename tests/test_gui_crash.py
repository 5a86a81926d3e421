"""An unexpected error in the app: a plain dialog, and a note that holds no case data."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from pace_desktop.gui import crash_dialog

SECRET = "Eòghann MacLeod lives at 12 Harbour Road"


def _a_bug_holding_case_data(name: str) -> None:
    raise ValueError(f"could not draw {name}")


def test_an_unexpected_error_shows_a_plain_dialog_and_a_clean_log(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    previous = crash_dialog.install()
    try:
        try:
            _a_bug_holding_case_data(SECRET)
        except ValueError:
            exc_type, exc, tb = sys.exc_info()
        assert exc is not None and SECRET in str(exc)  # the internal copy holds the secret
        sys.excepthook(exc_type, exc, tb)  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "unexpectedErrorDialog"]
    assert len(boxes) == 1 and boxes[0].isVisible()
    text = boxes[0].text()
    assert "did not expect" in text and SECRET not in text and "Traceback" not in text
    logs = list((tmp_path / "data").rglob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in text
    body = logs[0].read_text(encoding="utf-8")
    assert "builtins.ValueError" in body and "_a_bug_holding_case_data" in body
    assert "Eòghann" not in body and "Harbour" not in body
    assert stat.S_IMODE(logs[0].stat().st_mode) == 0o600
    boxes[0].close()
