"""The Timeline tab of the child record: drawn when first opened, cleared on lock, and a click
on the picture opens what was clicked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from pace_desktop.gui.child.record import CHRONOLOGY, TIMELINE
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, unlock


def test_timeline_tab_draws_the_child_and_opens_records(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        record = window.record
        window.open_child("C-001", TIMELINE)
        qtbot.waitUntil(lambda: record.timeline.view is not None, timeout=WAIT_MS)
        view = record.timeline.view
        assert view is not None and view.model.child_ref == "C-001"
        lanes = [lane.label for lane in view.model.lanes]
        assert "Where Ailsa lives" in lanes

        (referral,) = [m for m in view.model.markers if m.ref[0] == "event"]
        assert referral.date == date(2024, 3, 1)
        view.open_record.emit(*referral.ref)  # as a click on the marker does
        assert record.current_tab == CHRONOLOGY
        chosen = record.chronology.current()
        assert chosen is not None and chosen.title.startswith("Concern raised")

        app.lock()
        qtbot.waitUntil(lambda: app.main_window is None, timeout=WAIT_MS)
        assert record.timeline.view is None  # nothing of the record stays on screen
