"""The issue's main flow through the real window and a real store file: create a store, add
a child, add where the child lives, record a LAC review with a permanence recommendation,
finalise it; the chronology shows the decision and the due list changes.

Here the meeting is recorded through the store's worker; `test_gui_meeting_in_app` records
one by typing into the meeting form opened with Ctrl+M, and finalises it there.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Decision, Meeting
from pace_desktop.gui.child.dialogs import ChildDialog, LivingDialog
from pace_desktop.gui.child.record import CHRONOLOGY, LIVING
from pace_desktop.store import CaseStore
from pace_desktop.views.words import plain_date
from tests.gui_helpers import OWNER, PASSPHRASE, WAIT_MS, choose, running_app, settle, type_into


def test_create_add_child_home_meeting_and_the_due_list_follows(
        qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    moved_in = date.today() - timedelta(days=200)
    with running_app(wanted, wanted) as app:
        # Create the store.
        unlock = app.unlock_window
        qtbot.keyClicks(unlock.owner_edit, OWNER)
        qtbot.keyClicks(unlock.new_passphrase_edit, PASSPHRASE)
        qtbot.keyClicks(unlock.confirm_edit, PASSPHRASE)
        qtbot.keyClick(unlock.confirm_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.main_window is not None
                        and app.main_window.facts is not None, timeout=WAIT_MS)
        window = app.main_window
        assert window is not None
        assert "no children in this store yet" in window.empty_label.text()

        # Add a child (Record ▸ New child, Ctrl+N).
        window.action("newChildAction").trigger()
        dialog = window.child_dialog
        assert isinstance(dialog, ChildDialog)
        type_into(qtbot, dialog.ref, "C-100")
        type_into(qtbot, dialog.given, "Morven")
        type_into(qtbot, dialog.family, "Lennox")
        type_into(qtbot, dialog.born, "14/2/2019")
        type_into(qtbot, dialog.worker, "Jo Baird")
        qtbot.keyClick(dialog.born, Qt.Key.Key_Return)  # Enter saves, as the default button
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
        record = window.record
        qtbot.waitUntil(lambda: record.view is not None, timeout=WAIT_MS)
        assert record.current_tab == LIVING
        assert "Morven Lennox" in record.title.text()
        assert record.summary_values["Lives"].text() == "Not recorded yet"

        # Add where the child lives.
        qtbot.mouseClick(record.living.add_button, Qt.MouseButton.LeftButton)
        living = record.dialog
        assert isinstance(living, LivingDialog)
        choose(living.type, "foster")
        type_into(qtbot, living.start, plain_date(moved_in))
        type_into(qtbot, living.carer, "Mr and Mrs Reid")
        qtbot.mouseClick(living.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: record.living.model.rowCount() == 1, timeout=WAIT_MS)
        settle(qtbot, app)
        assert record.summary_values["Lives"].text() == (
            f"With foster carers, since {plain_date(moved_in)}")
        assert record.summary_values["Days away from home"].text().startswith("200 days")
        # The first review (6 weeks) and the direction of plan (6 months) are both overdue.
        qtbot.waitUntil(lambda: len(window.due_rows()) == 2, timeout=WAIT_MS)
        before = window.due_rows()
        assert before[0][0] == "▲ Overdue 158 days"  # 200 days − 42: most overdue first
        assert before[1][0].startswith("▲ Overdue")
        assert all(row[1] == "Morven Lennox (C-100)" for row in before)

        # A LAC review recommends adoption and is finalised (as the MeetingEditor would).
        held = date.today() - timedelta(days=3)

        def record_review(store: CaseStore) -> None:
            meeting = store.save_meeting("C-100", Meeting(
                "lac_review", held, chair="A. Reviewer", decisions=(
                    Decision("Plan for Morven to be adopted", "permanence_recommendation",
                             "adoption", "Morven cannot return home safely"),)))
            store.finalise_meeting("C-100", meeting.record)

        app.runner.call(record_review, lambda _: record._saved(None))
        settle(qtbot, app)
        qtbot.waitUntil(lambda: any("adopted" in e.title
                                    for e in record.chronology.model.items), timeout=WAIT_MS)
        record.show_tab(CHRONOLOGY)
        assert record.current_tab == CHRONOLOGY
        row = next(r for r, e in enumerate(record.chronology.model.items) if "adopted" in e.title)
        assert "Plan for Morven to be adopted" in record.chronology.model.index(row, 1).data()
        assert record.summary_values["Permanence route"].text() == "Adoption"
        assert record.meetings.model.index(0, 2).data() == "■ Final"

        # The two overdue clocks are met (late); the next ones are not yet due soon.
        qtbot.waitUntil(lambda: window.due_rows() != before, timeout=WAIT_MS)
        assert window.due_rows() == []
        assert "Nothing is overdue or due soon" in window.due_hint.text()
        window.choose_filter(window.route_filter, "adoption")
        assert window.shown_refs() == ["C-100"]
