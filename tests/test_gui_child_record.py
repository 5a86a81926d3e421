"""The child record: validation said next to the field, amendments, tabs and hooks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.child.dialogs import (
    AmendDialog,
    EventDialog,
    LegalDialog,
    LivingDialog,
    PersonDialog,
)
from pace_desktop.gui.child.record import CHRONOLOGY, ChildRecord
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.store import CaseStore
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    choose,
    make_store,
    running_app,
    sample_children,
    settle,
    type_into,
    unlock,
)


@pytest.fixture
def record(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PaceApp, MainWindow, ChildRecord]]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        yield app, window, window.record


def save(qtbot: QtBot, dialog: object) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def beside(dialog: object, field: str) -> QLabel:
    """The message label that sits directly under `field` in the dialog's form."""
    label = dialog.messages[field]  # type: ignore[attr-defined]
    widget = dialog.fields[field]  # type: ignore[attr-defined]
    assert label.parentWidget() is widget.parentWidget()  # next to the field, not elsewhere
    return label


def test_summary_reads_plainly(record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    _, _, rec = record
    values = {k: v.text() for k, v in rec.summary_values.items()}
    assert values["Date of birth"].startswith("2 Jun 2021 (age ")
    assert values["Lives"] == "With foster carers, since 3 Mar 2024"
    assert values["Legal status"].startswith("Interim compulsory supervision order")
    assert values["Permanence route"] == "No permanence recommendation yet"
    assert values["Next clock"]  # words and a shape, e.g. "… ▲ Overdue 300 days"
    assert [rec.tabs.tabText(i) for i in range(rec.tabs.count())] == [
        "People", "Where the child has lived", "Legal status", "Chronology", "Meetings",
        "Clocks", "Withheld", "Timeline"]


def test_living_dialog_says_what_is_wrong_next_to_each_field(
        qtbot: QtBot, record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    app, _, rec = record
    qtbot.mouseClick(rec.living.add_button, Qt.MouseButton.LeftButton)
    dialog = rec.dialog
    assert isinstance(dialog, LivingDialog)
    save(qtbot, dialog)
    assert beside(dialog, "type").text() == "Choose where the child lived."
    assert beside(dialog, "start").text() == "Type the date the child started living here."
    assert dialog.focusWidget() is dialog.type

    choose(dialog.type, "kinship")
    type_into(qtbot, dialog.start, "31/2/2024")
    save(qtbot, dialog)
    assert "There is no such date as 31/2/2024" in beside(dialog, "start").text()
    assert dialog.message("type") == ""

    type_into(qtbot, dialog.start, "1 May 2024")
    type_into(qtbot, dialog.end, "1 Apr 2024")
    save(qtbot, dialog)
    assert beside(dialog, "end").text() == (
        "The end date (1 Apr 2024) is before the start date (1 May 2024).")

    type_into(qtbot, dialog.end, "")
    save(qtbot, dialog)  # overlaps the foster placement from 3 Mar 2024, still going on
    assert "overlaps the time with foster carers, from 3 Mar 2024 and still going on" in (
        beside(dialog, "start").text())
    assert dialog.isVisible()

    type_into(qtbot, dialog.start, "1 Jan 2024")
    type_into(qtbot, dialog.end, "3 Mar 2024")  # the move day may be shared
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: rec.living.model.rowCount() == 2, timeout=WAIT_MS)
    settle(qtbot, app)
    assert rec.living.model.index(0, 2).data() == "With friends or relatives (kinship care)"


def test_editing_a_home_replaces_it(qtbot: QtBot,
                                    record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    app, window, rec = record
    rec.living.select(0)
    qtbot.mouseClick(rec.living.edit_button, Qt.MouseButton.LeftButton)
    dialog = rec.dialog
    assert isinstance(dialog, LivingDialog)
    assert dialog.start.text() == "3 Mar 2024"
    type_into(qtbot, dialog.end, "1 Jun 2024")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: rec.summary_values["Lives"].text()
                    == "With foster carers until 1 Jun 2024", timeout=WAIT_MS)
    settle(qtbot, app)
    assert rec.living.model.rowCount() == 1
    assert window.model.row_at(0).living_ended is not None  # the caseload was refreshed


def test_person_and_legal_dialogs_need_their_required_fields(
        qtbot: QtBot, record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    app, _, rec = record
    qtbot.mouseClick(rec.people.add_button, Qt.MouseButton.LeftButton)
    person = rec.dialog
    assert isinstance(person, PersonDialog)
    save(qtbot, person)
    assert beside(person, "name").text() == "Type the person's name."
    assert beside(person, "role").text() == "Choose who this person is to the child."
    type_into(qtbot, person.name, "Shona Brodie")
    assert person.message("name") == ""  # the message goes as the field is put right
    choose(person.role, "parent")
    save(qtbot, person)
    qtbot.waitUntil(lambda: rec.people.model.rowCount() == 1, timeout=WAIT_MS)
    settle(qtbot, app)

    qtbot.mouseClick(rec.legal.add_button, Qt.MouseButton.LeftButton)
    legal = rec.dialog
    assert isinstance(legal, LegalDialog)
    type_into(qtbot, legal.start, "5 May 2024")
    type_into(qtbot, legal.end, "4 May 2024")
    save(qtbot, legal)
    assert beside(legal, "status").text() == "Choose the legal status."
    assert beside(legal, "end").text().startswith("The end date (4 May 2024) is before")


def test_a_chronology_entry_is_added_then_amended_never_edited(
        qtbot: QtBot, record: tuple[PaceApp, MainWindow, ChildRecord], tmp_path: Path) -> None:
    app, _, rec = record
    rec.show_tab(CHRONOLOGY)
    qtbot.mouseClick(rec.chronology.add_button, Qt.MouseButton.LeftButton)
    entry = rec.dialog
    assert isinstance(entry, EventDialog)
    type_into(qtbot, entry.date, "")
    save(qtbot, entry)
    assert beside(entry, "date").text() == "Type the date it happened (approximate is fine)."
    assert beside(entry, "title").text() == "Say briefly what happened."
    type_into(qtbot, entry.date, "2024-04-02")
    type_into(qtbot, entry.title, "Ailsa started at the new nursery")
    save(qtbot, entry)
    qtbot.waitUntil(lambda: rec.chronology.model.rowCount() == 2, timeout=WAIT_MS)
    settle(qtbot, app)
    added = rec.chronology.model.items[1]
    assert rec.chronology.model.index(1, 5).data() == "★ Significant"

    rec.chronology.select(1)
    assert rec.chronology.edit_button is not None
    assert rec.chronology.edit_button.text() == "A&mend…"  # entries are final
    qtbot.mouseClick(rec.chronology.edit_button, Qt.MouseButton.LeftButton)
    amend = rec.dialog
    assert isinstance(amend, AmendDialog)
    type_into(qtbot, amend.author, "")
    save(qtbot, amend)
    assert beside(amend, "author").text() == "Type your name: an amendment is always signed."
    assert beside(amend, "text").text() == "Write what is corrected or added."
    type_into(qtbot, amend.author, "Morag Test")
    type_into(qtbot, amend.text, "It was the 3rd, not the 2nd.")
    save(qtbot, amend)
    qtbot.waitUntil(lambda: bool(rec.chronology.model.items[1].amendments),
                    timeout=WAIT_MS)
    settle(qtbot, app)
    shown = rec.chronology.model.items[1]
    assert shown.title == added.title  # the original stays as written
    assert rec.chronology.model.index(1, 5).data() == "★ Significant · ✎ Amended once"
    tip = rec.chronology.model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "by Morag Test: It was the 3rd, not the 2nd." in tip


def test_the_store_refusal_is_shown_plainly(
        qtbot: QtBot, record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    app, _, rec = record
    qtbot.mouseClick(rec.chronology.add_button, Qt.MouseButton.LeftButton)
    entry = rec.dialog
    assert isinstance(entry, EventDialog)
    type_into(qtbot, entry.title, "Something")
    app.runner.lock()  # the store closes under the open dialog
    save(qtbot, entry)
    qtbot.waitUntil(lambda: entry.store_message.isVisibleTo(entry), timeout=WAIT_MS)
    assert entry.store_message.text() == "The store is locked. Unlock it to continue."
    assert entry.isVisible() and entry.title.text() == "Something"


def test_add_tab_is_the_hook_for_other_views(
        qtbot: QtBot, record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    _, _, rec = record
    label = QLabel("a colleague's view")
    index = rec.add_tab(label, "Timeline")
    assert rec.tabs.tabText(index) == "Timeline"
    assert label.accessibleName() == "Timeline"


def test_ctrl_m_opens_the_meeting_editor_for_this_child(
        qtbot: QtBot, record: tuple[PaceApp, MainWindow, ChildRecord]) -> None:
    _, window, rec = record
    pytest.importorskip("pace_desktop.gui.forms.meeting_editor")
    choose(rec.meeting_kind, "lac_review")
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert len(rec.editors) == 1
    editor = rec.editors[0]
    assert editor.child_ref == "C-001" and editor.kind == "lac_review"
    assert editor.isWindow() and editor.isVisible()
    editor.closed.emit()
    assert rec.editors == []


def test_store_records_match_the_screen(tmp_path: Path) -> None:
    path = make_store(tmp_path / "c.pacestore", sample_children())
    with CaseStore.open(path, PASSPHRASE) as store:
        assert store.child("C-001").living[0].type == "foster"
