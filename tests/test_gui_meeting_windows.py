"""Meeting windows in the real app: Close closes, the close box lets the record open again,
and every kind of meeting offered opens a form (issue 11, defects 1 and 2)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from pace_desktop.domain import Child, LivingEpisode
from pace_desktop.domain.vocab import MEETING_KINDS
from pace_desktop.gui.child.record import MEETINGS
from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.main_window import MainWindow
from tests.gui_helpers import WAIT_MS, make_store, running_app, settle, unlock

REF = "C-310"


def a_child() -> Child:
    return Child(ref=REF, given_name="Catriona", family_name="Bain",
                 date_of_birth=date(2018, 5, 5),
                 living=(LivingEpisode("foster", date.today() - timedelta(days=60)),))


def start_meeting(qtbot: QtBot, window: MainWindow, kind: str) -> MeetingEditor:
    record = window.record
    if record.view is None:
        window.open_child(REF, MEETINGS)
        qtbot.waitUntil(lambda: record.view is not None, timeout=WAIT_MS)
    combo = record.meeting_kind
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(kind))
    before = list(record.editors)
    window.activateWindow()  # Ctrl+M belongs to the main window
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(record, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: record.editors != before, timeout=WAIT_MS)
    editor = record.editors[-1]
    qtbot.waitUntil(lambda: editor.form_view is not None, timeout=WAIT_MS)
    return editor


def test_the_close_button_closes_the_meeting_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [a_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        editor = start_meeting(qtbot, window, "lac_review")
        assert editor.isVisible()
        qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible(), timeout=WAIT_MS)
        assert window.record.editors == []
        settle(qtbot, app)


def test_the_close_box_lets_the_same_meeting_open_again(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [a_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        first = start_meeting(qtbot, window, "lac_review")
        first.close()  # what the window's own close box does
        qtbot.waitUntil(lambda: not isValid(first) or not first.isVisible(), timeout=WAIT_MS)
        assert window.record.editors == []
        again = start_meeting(qtbot, window, "lac_review")
        assert again is not first and again.isVisible()
        assert [e for e in window.record.editors if e.isVisible()] == [again]
        settle(qtbot, app)


def test_every_kind_offered_opens_a_form_with_its_buttons(qtbot: QtBot,
                                                          tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [a_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        offered = window.record.meeting_kind
        kinds = [offered.itemData(i) for i in range(offered.count())]
        assert set(kinds) == set(MEETING_KINDS)
        for kind in kinds:
            editor = start_meeting(qtbot, window, kind)
            assert editor.pages.currentWidget() is editor._edit_page, kind
            assert editor.save_button.isVisible() and editor.close_button.isVisible()
            assert "Opening" not in editor.heading.text()
            qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: window.record.editors == [], timeout=WAIT_MS)
        settle(qtbot, app)


def test_a_missing_form_is_a_plain_message_and_the_window_closes(qtbot: QtBot,
                                                                tmp_path: Path) -> None:

    path = make_store(tmp_path / "caseload.pacestore", [a_child()])
    with running_app(path, path) as app:
        unlock(qtbot, app)
        editor = MeetingEditor(app.runner, REF, "no_such_kind", None, "Morag Test")
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitUntil(lambda: "could not be opened" in editor.heading.text(), timeout=WAIT_MS)
        assert "There is no form for" in editor.status.text()
        assert "Traceback" not in editor.status.text()
        assert editor.opening_close.isVisible()
        with qtbot.waitSignal(editor.closed, timeout=WAIT_MS):
            qtbot.mouseClick(editor.opening_close, Qt.MouseButton.LeftButton)
        assert not isValid(editor) or not editor.isVisible()
        settle(qtbot, app)
