"""A meeting recorded live, through the real window: the record, Ctrl+M, the form, finalise;
and locking in the middle of typing keeps what was typed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, LivingEpisode
from pace_desktop.gui.child.record import CHRONOLOGY, MEETINGS
from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from tests.gui_helpers import WAIT_MS, make_store, running_app, settle, unlock
from tests.test_gui_meeting_form import control, line

REF = "C-200"


def accommodated_child() -> Child:
    return Child(ref=REF, given_name="Seònaid", family_name="Flett",
                 date_of_birth=date(2019, 4, 4),
                 living=(LivingEpisode("foster", date.today() - timedelta(days=100)),))


def open_meeting_editor(qtbot: QtBot, window: object) -> MeetingEditor:
    record = window.record  # type: ignore[attr-defined]
    window.open_child(REF, MEETINGS)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: record.view is not None, timeout=WAIT_MS)
    kind = record.meeting_kind
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("lac_review"))
    qtbot.keyClick(record, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(record.editors), timeout=WAIT_MS)
    editor = record.editors[-1]
    qtbot.waitUntil(lambda: editor.form_view is not None, timeout=WAIT_MS)
    return editor


def test_record_and_finalise_a_lac_review_in_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [accommodated_child()])
    held = date.today() - timedelta(days=2)
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        qtbot.waitUntil(lambda: bool(window.due_rows()), timeout=WAIT_MS)
        before = window.due_rows()
        assert before[0][0] == "▲ Overdue 58 days"  # the first review: 100 days − 6 weeks
        editor = open_meeting_editor(qtbot, window)

        qtbot.keyClicks(line(editor, "field_date"), f"{held:%d/%m/%Y}")
        qtbot.keyClicks(line(editor, "field_chair"), "Ewan Rendall")
        qtbot.mouseClick(control(editor, "field_attendees_add"), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(line(editor, "field_attendees_1_name"), "Morag Reid")
        qtbot.keyClicks(line(editor, "field_attendees_1_role"), "Foster carer")
        qtbot.keyClicks(control(editor, "field_child_views"), "I like my school here.")
        how = control(editor, "field_child_views_how")
        assert isinstance(how, QComboBox)
        how.setCurrentIndex(how.findData("in_person"))
        qtbot.mouseClick(control(editor, "field_decisions_add"), Qt.MouseButton.LeftButton)
        qtbot.keyClicks(control(editor, "field_decisions_1_text"),
                        "She should stay with her foster carers for good.")  # QTest: ASCII only
        milestone = control(editor, "field_decisions_1_milestone")
        route = control(editor, "field_decisions_1_route")
        assert isinstance(milestone, QComboBox) and isinstance(route, QComboBox)
        milestone.setCurrentIndex(milestone.findData("permanence_recommendation"))
        route.setCurrentIndex(route.findData("po"))
        qtbot.keyClicks(control(editor, "field_decisions_1_reasons"),
                        "She is settled and her carers can keep her safe.")
        qtbot.keyClicks(line(editor, "field_next_review"),
                        f"{held + timedelta(days=80):%d/%m/%Y}")  # within 3 months

        qtbot.keyClick(line(editor, "field_chair"), Qt.Key.Key_F,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        box = editor.confirm_box
        assert box is not None, (editor.isActiveWindow(), editor.form_view.problems_shown())
        go = next(b for b in box.buttons() if b.text() == "Finalise the record")
        with qtbot.waitSignal(editor.finalised, timeout=WAIT_MS):
            qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
        settle(qtbot, app)

        record = window.record
        qtbot.waitUntil(lambda: any("for good" in e.title
                                    for e in record.chronology.model.items), timeout=WAIT_MS)
        record.show_tab(CHRONOLOGY)
        assert record.summary_values["Permanence route"].text() == "Permanence order"
        qtbot.waitUntil(lambda: window.due_rows() != before, timeout=WAIT_MS)
        assert not any(row[0] == "▲ Overdue 58 days" for row in window.due_rows())


def test_locking_mid_sentence_keeps_the_draft(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [accommodated_child()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        editor = open_meeting_editor(qtbot, window)
        qtbot.keyClicks(line(editor, "field_chair"), "Ewan Rendall")
        qtbot.keyClicks(control(editor, "field_family_views"), "Mum hopes for more time")
        app.lock()  # at once: before the typing pause that would save it anyway
        qtbot.waitUntil(lambda: app.main_window is None, timeout=WAIT_MS)
        settle(qtbot, app)
        assert not app.runner._holder.is_open

        again = unlock(qtbot, app)
        found: list[object] = []
        app.runner.call(lambda store: store.drafts(REF), found.append)
        settle(qtbot, app)
        (draft,) = found[0]  # type: ignore[misc]
        assert draft.body["values"]["chair"] == "Ewan Rendall"
        assert draft.body["values"]["family_views"] == "Mum hopes for more time"
        assert again is not None
