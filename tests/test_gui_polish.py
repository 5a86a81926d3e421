"""Small things a new user meets (issue 11, polish): meeting windows say whose meeting they
are, the empty caseload says how to add a child, a confidential address shows no glyph that
needs an emoji font, headings sit over their left-aligned text, names are not cut while the
last column takes slack, the due date is whole, and filter lists are as wide as their
choices once the caseload has loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Person
from pace_desktop.gui.due_model import CHILD, DUE, STATUS
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, settle, unlock
from tests.test_gui_meeting_windows import a_child, start_meeting

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def test_a_meeting_window_is_titled_with_the_meeting_and_the_child(qtbot: QtBot,
                                                                   tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [a_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        editor = start_meeting(qtbot, window, "panel")
        assert editor.windowTitle() == "Permanence panel – Catriona Bain – PACE Desktop"
        settle(qtbot, app)


def test_the_empty_caseload_says_how_to_add_a_child(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        qtbot.waitUntil(lambda: window.empty_label.isVisible(), timeout=WAIT_MS)
        text = window.empty_label.text()
        assert "New child" in text and "Ctrl+N" in text and "Import" in text
        settle(qtbot, app)


def test_lists_read_well(qtbot: QtBot, tmp_path: Path) -> None:
    long_name = "Alexandria Montgomery-Fotheringham of Kirkcudbright"
    children = sample_children()
    first = children[0]
    from dataclasses import replace
    children[0] = replace(first, people=(
        Person(id="p1", role="carer", name=long_name, address="12 Harbour Road, Stromness",
               address_confidential=True),))
    path = make_store(tmp_path / "caseload.pacestore", children)
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.resize(1400, 900)
        for box in window.filter_boxes:
            assert box.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContents
        worker = window.worker_filter
        longest = max(worker.itemText(i) for i in range(worker.count()))
        assert worker.sizeHint().width() >= worker.fontMetrics().horizontalAdvance(longest)
        for table in (window.table, window.due_table):
            assert table.horizontalHeader().defaultAlignment() == LEFT
        due = window.due_table
        if window.due_model.rowCount():
            text = window.due_model.index(0, DUE).data()
            assert due.columnWidth(DUE) >= due.fontMetrics().horizontalAdvance(text)

        window.open_child("C-001")
        people = window.record.people
        qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=WAIT_MS)
        assert people.table.horizontalHeader().defaultAlignment() == LEFT
        name_width = people.table.fontMetrics().horizontalAdvance(long_name)
        assert people.table.columnWidth(0) >= name_width  # the name is not cut
        address = people.model.index(0, 3).data()
        assert address.startswith("Confidential: ")
        assert all(ord(ch) < 0x2000 for ch in address)  # no emoji that shows as a box
        settle(qtbot, app)


def test_a_clocks_hover_text_names_the_rules_legal_source(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [a_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-310")
        clocks = window.record.clocks
        qtbot.waitUntil(lambda: clocks.model.rowCount() > 0, timeout=WAIT_MS)
        tips = [clocks.model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole)
                for r in range(clocks.model.rowCount())]
        assert any("Source: Looked After Children (Scotland) Regulations 2009" in t
                   for t in tips), tips
        settle(qtbot, app)


def test_a_long_summary_value_wraps_rather_than_being_cut(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen at a display scale of 1.5: "Compulsory supervision order, away from home, since
    4 Feb 2026" ran off the window's edge."""
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.resize(760, 700)
        window.open_child("C-001")
        record = window.record
        qtbot.waitUntil(lambda: "Legal status" in record.summary_values, timeout=WAIT_MS)
        shown = record.summary_values["Legal status"]
        qtbot.waitUntil(lambda: bool(shown.text()), timeout=WAIT_MS)
        settle(qtbot, app)
        whole = shown.fontMetrics().horizontalAdvance(shown.text())
        assert whole > shown.width()  # too long for one line at this width...
        # ...so it goes on to a second line, and the row is tall enough to show it.
        assert shown.wordWrap() and shown.heightForWidth(shown.width()) <= shown.height()
        settle(qtbot, app)


def test_the_due_lists_columns_fit_what_they_show(qtbot: QtBot, tmp_path: Path) -> None:
    """At a display scale of 1.5 the status column, as wide as a lapsed order's words even
    when nothing had lapsed, pushed the due date out of sight."""
    nothing_lapsed = [c for c in sample_children() if c.ref != "C-001"]  # C-001's ICSO lapsed
    path = make_store(tmp_path / "caseload.pacestore", nothing_lapsed)
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        model, table = window.due_model, window.due_table
        assert model.rowCount() > 0
        assert not any(item.clock.status == "lapsed" for item in model.items())
        for column in (STATUS, CHILD):
            widest = max(table.fontMetrics().horizontalAdvance(model.text(row, column))
                         for row in range(model.rowCount()))
            assert widest <= table.columnWidth(column) <= window.due_widths[column]
        assert table.columnWidth(STATUS) < window.due_widths[STATUS]
        settle(qtbot, app)
