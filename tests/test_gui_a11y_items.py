"""Issue 18, "a reviewing officer who uses a screen reader can run the meeting": one test per
numbered finding, each driving the real windows with the keyboard where a person would, and
reading them through QAccessible as a screen reader does. (The timeline's, item 4, are in
test_gui_a11y_timeline.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.child.dialogs import ChildDialog
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.gui.printing import PrintDialog
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.settings import Settings
from tests.a11y_checks import accessible_name, buddies, mnemonic, plain
from tests.gui_helpers import (
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)
from tests.test_gui_meeting_form import fill_lac_review, open_editor, runner  # noqa: F401


class Heard:
    """Every announcement made while it listens (what a screen reader is told)."""

    def __init__(self) -> None:
        from pace_desktop.gui.announce import listen  # the module is this work

        self.texts: list[str] = []
        self.stop = listen(self.texts.append)

    def said(self, words: str) -> bool:
        return any(words in text for text in self.texts)


@pytest.fixture(autouse=True)
def _stop_listening() -> Iterator[None]:
    """No test hears another's announcements."""
    yield
    from pace_desktop.gui import announce

    announce._listeners.clear()


def role(widget: QWidget) -> QAccessible.Role:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return iface.role()


@pytest.fixture
def app_unlocked(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PaceApp, MainWindow]]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        yield app, unlock(qtbot, app)


def open_ailsa(qtbot: QtBot, window: MainWindow) -> None:
    window.open_child("C-001")
    qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)


# -- 1. the open child is named ---------------------------------------------------------------

def test_1_the_open_child_is_named_by_the_window_and_the_heading(
        qtbot: QtBot, app_unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = app_unlocked
    qtbot.keyClick(window.table, Qt.Key.Key_Home)
    window.table.setFocus()
    # Ailsa Brodie sorts first by name: Enter opens her record, as a person would.
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
    assert window.record.ref == "C-001"
    assert "Ailsa Brodie" in window.windowTitle()
    assert "Ailsa Brodie" in accessible_name(window)
    assert "Ailsa Brodie" in accessible_name(window.record.title)
    assert accessible_name(window.record.title) == window.record.title.text()
    qtbot.keyClick(window.record.back_button, Qt.Key.Key_Space)
    assert "Ailsa" not in accessible_name(window)


# -- 2. labels that carry words are heard as their words -------------------------------------

def heard_as_words(label: QLabel) -> bool:
    return accessible_name(label) == label.text() or (
        not label.accessibleName() and plain(label.text()) != "")


def test_2_labels_are_heard_as_their_words(qtbot: QtBot, tmp_path: Path) -> None:
    with running_app(None, tmp_path / "caseload.pacestore", first_run=True, demo=True) as app:
        window = app.unlock_window
        demo_hint = window.findChild(QLabel, "demoChoiceHint")
        assert demo_hint is not None and "made up children only" in demo_hint.text()
        assert heard_as_words(demo_hint)
        assert "made up children only" in accessible_name(demo_hint)
        qtbot.keyClick(window.demo_choice_button, Qt.Key.Key_Space)  # open the demo
        assert window.busy_label.text().startswith("Opening the demo")
        assert accessible_name(window.busy_label) == window.busy_label.text()
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)
        settle(qtbot, app)


def test_2_print_dialog_and_timeline_key_are_heard_as_their_words(
        qtbot: QtBot, runner: StoreRunner) -> None:  # noqa: F811
    dialog = PrintDialog(runner, "chronology", "C-001", Settings(user_name="Morag Test"))
    qtbot.addWidget(dialog)  # closed and deleted with the test, not at exit
    dialog.show()
    try:
        # A child's papers have no default reader (issue 15): say who this copy is for first.
        qtbot.waitUntil(lambda: dialog.recipient_combo.findData("panel") >= 0, timeout=20_000)
        dialog.recipient_combo.setCurrentIndex(dialog.recipient_combo.findData("panel"))
        qtbot.waitUntil(lambda: not dialog.is_busy and dialog.pdf is not None, timeout=20_000)
        for label in (dialog.about_label, dialog.status, dialog.preview.zoom_label):
            assert label.text(), label
            assert accessible_name(label) == label.text()
        assert dialog.about_label.text().startswith("Chronology for Ailsa Brodie")
        assert accessible_name(dialog.preview.zoom_label) == "100%"
    finally:
        dialog.close_for_lock()

    from pace_desktop.gui.timeline.timeline_view import TimelineView
    from pace_desktop.journey import load_rules

    view = TimelineView(sample_children()[0], load_rules(None))
    qtbot.addWidget(view)
    key = view.findChild(QLabel, "timelineLegend")
    assert key is not None
    assert "Overdue" in accessible_name(key) and "milestone" in accessible_name(key)


# -- 3. a wrong passphrase is announced and linked to the field --------------------------------

def test_3_a_wrong_passphrase_is_said_and_linked_to_the_field(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children()[:1])
    with running_app(path, path) as app:
        heard = Heard()
        window = app.unlock_window
        qtbot.keyClicks(window.passphrase_edit, "not the passphrase at all")
        qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.unlock_message.isVisibleTo(window), timeout=WAIT_MS)
        message = window.unlock_message.text()
        assert "passphrase" in message.lower()
        assert window.passphrase_edit.accessibleDescription() == message
        assert heard.said(message)
        assert QApplication.focusWidget() is window.passphrase_edit
        assert accessible_name(window.unlock_message) == message
        # Typing it again, rightly, takes the message away from the field too.
        qtbot.keyClicks(window.passphrase_edit, "correct horse battery")
        qtbot.keyClick(window.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)
        assert window.passphrase_edit.accessibleDescription() == ""
        settle(qtbot, app)


# -- 5. every combo box has a linked label -----------------------------------------------------

def test_5_combo_boxes_have_linked_labels(qtbot: QtBot,
                                         app_unlocked: tuple[PaceApp, MainWindow]) -> None:
    app, window = app_unlocked
    open_ailsa(qtbot, window)
    window.record.show_tab("Meetings")
    kind = window.record.meeting_kind
    label = buddies(window).get(id(kind))
    assert label is not None and plain(label.text()) == "Kind of meeting"
    # On Linux the combo box itself is heard as its value; the label says what it is.
    iface = QAccessible.queryAccessibleInterface(kind)
    assert iface is not None
    labelled_by = [i.text(QAccessible.Text.Name) for i, _ in
                   iface.relations(QAccessible.RelationFlag.Label)]
    assert "Kind of meeting" in [plain(t) for t in labelled_by]

    qtbot.keyClick(kind, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)  # Ctrl+M
    qtbot.waitUntil(lambda: bool(window.record.editors)
                    and window.record.editors[0].form_view is not None, timeout=WAIT_MS)
    editor = window.record.editors[0]
    qtbot.mouseClick(editor.findChild(QWidget, "field_attendees_add"),
                     Qt.MouseButton.LeftButton)
    came = editor.findChild(QWidget, "field_attendees_1_present")
    assert came is not None and accessible_name(came) in ("Came", "Person 1, came or sent "
                                                          "apologies")
    label = buddies(editor).get(id(came))
    assert label is not None and plain(label.text()) == "Came or sent apologies"
    editor.close_editor()
    settle(qtbot, app)


# -- 6. windows are windows, named ---------------------------------------------------------------

def test_6_meeting_form_and_unlock_window_are_named_windows(
        qtbot: QtBot, runner: StoreRunner, tmp_path: Path) -> None:  # noqa: F811
    editor = open_editor(qtbot, runner)
    assert role(editor) in (QAccessible.Role.Window, QAccessible.Role.Dialog)
    assert accessible_name(editor) == "Looked after child review for Ailsa Brodie"
    assert "Ailsa Brodie" in editor.windowTitle()

    path = make_store(tmp_path / "other.pacestore", sample_children()[:1])
    with running_app(path, path) as app:
        window = app.unlock_window
        assert role(window) in (QAccessible.Role.Window, QAccessible.Role.Dialog)
        assert accessible_name(window) == window.windowTitle() == "Unlock – PACE Desktop"


# -- 7. needed fields are marked for assistive technology ----------------------------------------

def test_7_needed_fields_say_so(qtbot: QtBot, runner: StoreRunner) -> None:  # noqa: F811
    editor = open_editor(qtbot, runner)
    view = editor.form_view
    assert view is not None
    needed = [f for f in view.form.fields if f.required]
    assert needed
    for field in view.form.fields:
        first = view.editors[field.id].focus_widgets()[0]
        name = accessible_name(first) or first.accessibleName()
        if field.required:
            assert first.accessibleName().endswith(", needed"), first.accessibleName()
        else:
            assert "needed" not in name, name

    dialog = ChildDialog(runner, None)
    qtbot.addWidget(dialog)
    assert dialog.given.accessibleName() == "Given name, needed"
    assert dialog.known_as.accessibleName() == "Known as"

    # Saving a dialog is said too (it closes, and focus goes back to the record); so is
    # how many things there are to put right, when there are some.
    heard = Heard()
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.ref, Qt.Key.Key_Return)
    assert heard.said("4 things to put right first")
    assert dialog.ref.accessibleDescription() == dialog.message("ref")
    for widget, words in ((dialog.ref, "C-099"), (dialog.given, "Iona"),
                          (dialog.family, "Muir"), (dialog.born, "2 Jun 2021")):
        widget.setFocus()
        qtbot.keyClicks(widget, words)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.born, Qt.Key.Key_Return)
    assert heard.said("Saved: add a child.")


# -- 8. changes are announced ------------------------------------------------------------------

def test_8_search_count_unlocking_and_locking_are_announced(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        heard = Heard()
        window = unlock(qtbot, app)
        assert heard.said("Unlocking the store")
        qtbot.keyClicks(window.search_edit, "Ailsa")
        qtbot.waitUntil(lambda: heard.said("match “Ailsa”"), timeout=WAIT_MS)
        assert heard.said("1 of 3 children match “Ailsa”")
        window.search_edit.clear()  # the box's clear button, or deleting the words
        qtbot.waitUntil(lambda: heard.texts[-1] == "3 children", timeout=WAIT_MS)
        qtbot.keyClick(window.search_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: app.main_window is None, timeout=WAIT_MS)
        assert heard.said("The store is locked")


def test_8_put_right_saved_and_finalised_are_announced(qtbot: QtBot,
                                                       runner: StoreRunner) -> None:  # noqa: F811
    heard = Heard()
    editor = open_editor(qtbot, runner)
    date = editor.findChild(QWidget, "field_date")
    assert date is not None
    qtbot.keyClick(date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S, empty
    assert heard.said("things to put right first")
    fill_lac_review(qtbot, editor)
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        qtbot.keyClick(date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert heard.said("Saved.")
    qtbot.keyClick(date, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = editor.confirm_box
    assert box is not None
    go = next(b for b in box.buttons() if b.text() == "Finalise the record")
    with qtbot.waitSignal(editor.finalised, timeout=WAIT_MS):
        qtbot.keyClick(go, Qt.Key.Key_Space)
    assert heard.said("The record is final")


# -- 9. focus order ----------------------------------------------------------------------------

def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def tab_from(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget]:
    activate(qtbot, start.window())
    start.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def test_9_record_summary_and_meetings_tab_in_screen_order(
        qtbot: QtBot, app_unlocked: tuple[PaceApp, MainWindow]) -> None:
    app, window = app_unlocked
    open_ailsa(qtbot, window)
    record = window.record
    values = list(record.summary_values.values())
    assert values and all(v.focusPolicy() & Qt.FocusPolicy.TabFocus for v in values)
    qtbot.waitUntil(lambda: all(v.isVisible() for v in values), timeout=WAIT_MS)
    reached = tab_from(qtbot, record.back_button, 2 + len(values))
    assert reached[0] is record.details_button
    assert reached[1:1 + len(values)] == values
    assert reached[-1] in (record.tabs, record.tabs.tabBar())
    assert accessible_name(values[0]) == values[0].text()

    record.show_tab("Meetings")
    (after_kind,) = tab_from(qtbot, record.meeting_kind, 1)
    assert after_kind is record.meetings.add_button
    settle(qtbot, app)


def test_9_a_date_box_is_one_tab_stop(qtbot: QtBot, runner: StoreRunner) -> None:  # noqa: F811
    dialog = PrintDialog(runner, "chronology", "C-001", Settings(user_name="Morag Test"))
    qtbot.addWidget(dialog)  # closed and deleted with the test, not at exit
    dialog.show()
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    try:
        qtbot.keyClick(dialog.from_check, Qt.Key.Key_Space)
        assert dialog.from_edit.isEnabled()
        reached = tab_from(qtbot, dialog.from_edit, 1)
        assert reached == [dialog.to_check]
    finally:
        dialog.close_for_lock()


def test_9_create_instead_comes_before_unlock(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children()[:1])
    with running_app(path, path) as app:
        window = app.unlock_window
        qtbot.waitExposed(window)
        create_instead = window.findChild(QWidget, "createModeButton")
        assert tab_from(qtbot, window.passphrase_edit, 2) == [create_instead,
                                                                window.unlock_button]


# -- 10. Alt+E, and the button named by its words ---------------------------------------------

def test_10_show_everyone_has_its_own_letter_and_is_named_by_its_words(
        qtbot: QtBot, app_unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = app_unlocked
    button = window.findChild(QWidget, "clearFiltersButton")
    assert button is not None
    assert accessible_name(button) == plain(button.text()) == "Show everyone"  # type: ignore[attr-defined]
    menus = [mnemonic(a.text()) for a in window.menuBar().actions()]
    assert mnemonic(button.text()) not in menus  # type: ignore[attr-defined]
    assert "e" in menus

    # Alt+ its letter clears the filters, from the keyboard.
    window.choose_filter(window.living_filter, "foster")
    assert window.shown_count == 1
    key = Qt.Key(ord(mnemonic(button.text()).upper()))  # type: ignore[arg-type,attr-defined,union-attr]
    qtbot.keyClick(window.search_edit, key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.shown_count == 3, timeout=WAIT_MS)  # an animated click
