"""A meeting record begun and not saved (the app was killed, the battery went flat) is offered
after unlocking: named on the caseload, and with a button in the child's Meetings tab that
reopens it with everything typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.gui.child.record import MEETINGS
from pace_desktop.store import CaseStore
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)
from tests.test_gui_meeting_form import line


def test_an_unsaved_meeting_is_offered_after_unlocking(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with CaseStore.open(path, PASSPHRASE) as store:  # what a killed editor leaves behind
        store.save_draft("meeting:C-001:new:lac_review", "C-001", "lac_review",
                         {"kind": "lac_review", "meeting_id": None,
                          "values": {"chair": "Ewan Rendall", "date": "01/11/2026"}})
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        qtbot.waitUntil(lambda: window.drafts_label.isVisibleTo(window), timeout=WAIT_MS)
        assert "Ailsa Brodie (C-001): Looked after child review" in window.drafts_label.text()

        window.open_child("C-001", MEETINGS)
        record = window.record
        qtbot.waitUntil(lambda: bool(record.drafts_bar.buttons), timeout=WAIT_MS)
        (button,) = record.drafts_bar.buttons
        assert button.text().startswith("Go on with: Looked after child review")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(record.editors)
                        and record.editors[-1].form_view is not None, timeout=WAIT_MS)
        editor = record.editors[-1]
        qtbot.waitUntil(lambda: line(editor, "field_chair").text() == "Ewan Rendall",
                        timeout=WAIT_MS)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # again: the same window, not two
        assert len(record.editors) == 1
        settle(qtbot, app)
