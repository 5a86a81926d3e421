"""The Print menu: each document opens the print dialog for the right child and meeting, and
locking closes print dialogs and drops what they hold."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pace_desktop.demo import generate_caseload
from pace_desktop.gui.child.record import MEETINGS
from tests.gui_helpers import WAIT_MS, make_store, running_app, unlock


def test_print_menu_opens_each_document_and_lock_closes_them(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    child = next(c for c in generate_caseload(12, seed=2) if c.meetings)
    path = make_store(tmp_path / "caseload.pacestore", [child])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        assert window.print_document("chronology") is None  # no child on screen yet
        assert "Open a child's record first" in window.statusBar().currentMessage()

        clocks = window.print_document("clocks_report")
        assert clocks is not None
        qtbot.waitUntil(lambda: clocks.preview.page_count > 0, timeout=WAIT_MS)

        window.open_child(child.ref, MEETINGS)
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        window.record.meetings.select(0)
        record = window.print_document("decision_record")
        assert record is not None and record.meeting_id == window.record.meetings.current().id
        chronology = window.action("printChronologyAction")
        chronology.trigger()
        opened = window.print_dialogs[-1]
        assert opened.document == "chronology" and opened.child_ref == child.ref
        # No default recipient: the person chooses.
        qtbot.waitUntil(lambda: opened.recipient_combo.findData("panel") >= 0, timeout=WAIT_MS)
        opened.recipient_combo.setCurrentIndex(opened.recipient_combo.findData("panel"))
        qtbot.waitUntil(lambda: opened.preview.page_count > 0, timeout=WAIT_MS)

        app.lock()
        qtbot.waitUntil(lambda: app.main_window is None, timeout=WAIT_MS)
        assert window.print_dialogs == []
        assert not opened.isVisible() and opened.pdf is None and opened.preview.page_count == 0
