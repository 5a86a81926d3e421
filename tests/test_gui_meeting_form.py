"""The generic form view and the meeting editor, driven as a person would, over a real store
opened by the real worker thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child
from pace_desktop.forms import definition_for, definitions
from pace_desktop.gui.forms.form_view import FormView
from pace_desktop.gui.forms.list_fields import DecisionList, RowsEditor
from pace_desktop.gui.forms.meeting_editor import CONFIRM_FINALISE, MeetingEditor
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore
from tests.gui_helpers import PASSPHRASE, make_store, sample_children

WAIT_MS = 10_000
REF = "C-001"


@pytest.fixture
def runner(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreRunner]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children()[:1])
    runner = StoreRunner()
    opened: list[object] = []
    runner.open(path, PASSPHRASE, done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield runner
    runner.shutdown()


def ask(qtbot: QtBot, runner: StoreRunner, job: object) -> object:
    """Run a job on the worker and wait for its answer (for checking what the store holds)."""
    answers: list[object] = []
    runner.call(job, answers.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    return answers[0]


def child(qtbot: QtBot, runner: StoreRunner) -> Child:
    found = ask(qtbot, runner, lambda store: store.child(REF))
    assert isinstance(found, Child)
    return found


def open_editor(qtbot: QtBot, runner: StoreRunner, kind: str | None = "lac_review",
                meeting_id: str | None = None) -> MeetingEditor:
    editor = MeetingEditor(runner, REF, kind, meeting_id, "Morag Test")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.ready, timeout=WAIT_MS):
        editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    return editor


def control(editor: MeetingEditor, name: str) -> QWidget:
    found = editor.findChild(QWidget, name)
    assert found is not None, name
    return found


def line(editor: MeetingEditor, name: str) -> QLineEdit:
    found = control(editor, name)
    if isinstance(found, QComboBox):
        edit = found.lineEdit()
        assert edit is not None
        return edit
    assert isinstance(found, QLineEdit), name
    return found


def focusable(root: QWidget) -> list[QWidget]:
    """Controls a person can reach with Tab (the line inside an editable combo is the combo)."""
    return [w for w in root.findChildren(QWidget)
            if w.isVisibleTo(root) and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(w.parentWidget(), QComboBox)]


@pytest.mark.parametrize("kind", sorted(definitions()))
def test_every_definition_renders(qtbot: QtBot, kind: str) -> None:
    form = definition_for(kind)
    view = FormView(form, ["Gran", "Sam Kerr"])
    qtbot.addWidget(view)
    for editor in view.editors.values():
        if isinstance(editor, RowsEditor):
            editor.add_row()
    view.show()
    assert list(view.editors) == [f.id for f in form.fields]
    for f in form.fields:
        label = view.findChild(QWidget, f"label_{f.id}")
        assert label is not None and f.label in label.text()  # type: ignore[attr-defined]
        assert not view.problem_labels[f.id].isVisible()
    assert view.values()["date"] == ""
    for w in focusable(view):
        assert w.accessibleName(), f"{kind}: {w.objectName()} has no accessible name"


def test_typing_into_fields_gives_their_values(qtbot: QtBot) -> None:
    view = FormView(definition_for("lac_review"), ["Gran"])
    qtbot.addWidget(view)
    view.show()
    changes: list[None] = []
    view.changed.connect(lambda: changes.append(None))
    qtbot.keyClicks(view.findChild(QLineEdit, "field_date"), "14/03/2025")
    chair = view.findChild(QComboBox, "field_chair")
    assert chair is not None and chair.lineEdit() is not None
    qtbot.keyClicks(chair.lineEdit(), "Morag Reid")
    qtbot.keyClicks(view.findChild(QPlainTextEdit, "field_child_views"), "I like my room")
    siblings = view.findChild(QComboBox, "field_siblings_together")
    assert siblings is not None
    siblings.setCurrentIndex(siblings.findData("no"))
    values = view.values()
    assert (values["date"], values["chair"], values["child_views"]) == (
        "14/03/2025", "Morag Reid", "I like my room")
    assert values["siblings_together"] == "no"
    assert changes
    view.set_values(values)  # showing values is not an edit
    count = len(changes)
    view.set_values({**values, "child_views": "changed"})
    assert len(changes) == count


def test_validation_messages_appear_next_to_their_fields(qtbot: QtBot,
                                                         runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner)
    qtbot.keyClicks(line(editor, "field_next_review"), "01/01/2020")
    qtbot.keyClicks(line(editor, "field_date"), "14/03/2025")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    view = editor.form_view
    assert view is not None
    shown = view.problems_shown()
    assert shown["chair"] == "⚠ Say who chaired the meeting"
    assert shown["next_review"] == "⚠ The next review must be after the meeting"
    assert "date" not in shown
    problem = view.problem_labels["chair"]
    assert problem.isVisible()
    # Under its own field, in the same block as the field's control, not in a list elsewhere.
    assert problem.parentWidget() is control(editor, "field_chair").parentWidget().parentWidget()
    assert control(editor, "field_chair").accessibleDescription() == "Say who chaired the meeting"
    assert "to put right" in editor.status.text()
    assert QApplication.focusWidget() is control(editor, "field_chair")  # the first problem
    # Putting it right and trying again clears the message.
    qtbot.keyClicks(line(editor, "field_chair"), "Morag Reid")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "chair" not in view.problems_shown()


def fill_lac_review(qtbot: QtBot, editor: MeetingEditor) -> None:
    qtbot.keyClicks(line(editor, "field_date"), "14/03/2025")
    qtbot.keyClicks(line(editor, "field_chair"), "Morag Reid")
    qtbot.mouseClick(control(editor, "field_attendees_add"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line(editor, "field_attendees_1_name"), "Gran")
    qtbot.keyClicks(line(editor, "field_attendees_1_role"), "Kinship carer")
    qtbot.keyClicks(control(editor, "field_child_views"), "I want to stay with Gran.")
    how = control(editor, "field_child_views_how")
    assert isinstance(how, QComboBox)
    how.setCurrentIndex(how.findData("in_person"))
    qtbot.mouseClick(control(editor, "field_decisions_add"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(control(editor, "field_decisions_1_text"),
                    "Ailsa should be cared for permanently by her foster carers.")
    milestone = control(editor, "field_decisions_1_milestone")
    route = control(editor, "field_decisions_1_route")
    assert isinstance(milestone, QComboBox) and isinstance(route, QComboBox)
    milestone.setCurrentIndex(milestone.findData("permanence_recommendation"))
    route.setCurrentIndex(route.findData("po"))
    qtbot.keyClicks(control(editor, "field_decisions_1_reasons"),
                    "She is settled and her carers can keep her safe as she grows up.")
    qtbot.mouseClick(control(editor, "field_actions_add"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line(editor, "field_actions_1_text"), "Prepare the panel report")
    qtbot.keyClicks(line(editor, "field_actions_1_owner"), "Sam Kerr")
    qtbot.keyClicks(line(editor, "field_actions_1_due"), "30/04/2025")
    qtbot.keyClicks(line(editor, "field_next_review"), "12/06/2025")  # within 3 months


def test_record_save_and_finalise_a_lac_review(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner)
    fill_lac_review(qtbot, editor)
    decisions = editor.form_view.editors["decisions"]  # type: ignore[union-attr]
    assert isinstance(decisions, DecisionList)
    badge = control(editor, "field_decisions_1_badge")
    assert badge.isVisible()
    assert badge.text() == "Records: Permanence recommended (Permanence order)"  # type: ignore[attr-defined]

    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(line(editor, "field_next_review"), Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    meeting_id = saved.args[0]
    (stored,) = child(qtbot, runner).meetings
    assert (stored.id, stored.status, stored.chair) == (meeting_id, "draft", "Morag Reid")
    assert ask(qtbot, runner, lambda store: store.drafts(REF)) == []

    qtbot.keyClick(line(editor, "field_chair"), Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = editor.confirm_box
    assert box is not None and box.isVisible() and box.text() == CONFIRM_FINALISE
    go = next(b for b in box.buttons() if b.text() == "Finalise the record")
    with qtbot.waitSignal(editor.finalised, timeout=WAIT_MS) as finalised:
        qtbot.mouseClick(go, Qt.MouseButton.LeftButton)
    assert finalised.args == [meeting_id]
    assert editor.is_read_only
    assert "permanently by her foster carers" in editor.record_view.toPlainText()
    assert "Records: Permanence recommended (Permanence order)" in (
        editor.record_view.toPlainText())

    record = child(qtbot, runner)
    (final,) = record.meetings
    assert final.is_final and final.id == meeting_id
    (decision,) = final.decisions
    assert (decision.milestone, decision.route) == ("permanence_recommendation", "po")
    assert "Decision: Ailsa should be cared for permanently by her foster carers." in [
        e.title for e in record.events]
    siblings = [d for d in final.decisions if "brothers" in d.text.lower()]
    assert siblings == []  # the question was not answered, so the record says nothing of it


def test_amending_a_final_record_shows_it_with_the_original(qtbot: QtBot,
                                                            runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner)
    fill_lac_review(qtbot, editor)
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS) as saved:
        editor.save()
    with qtbot.waitSignal(editor.finalised, timeout=WAIT_MS):
        editor.finalise()
        assert editor.confirm_box is not None
        editor.confirm_box.buttons()[0].click()
    editor.close()

    again = open_editor(qtbot, runner, None, saved.args[0])
    assert again.is_read_only
    assert again.amend_author.text() == "Morag Test"
    again.amend_author.clear()
    qtbot.mouseClick(again.amend_button, Qt.MouseButton.LeftButton)
    assert again.amend_author_problem.text() == "⚠ Say who is making the amendment"
    assert again.amend_text_problem.text() == "⚠ Write what needs correcting or adding"
    assert again.amend_author.accessibleDescription() == "Say who is making the amendment"

    qtbot.keyClicks(again.amend_author, "Morag Test")
    qtbot.keyClicks(again.amend_text, "Gran's name is spelt Morag, not Morage.")
    with qtbot.waitSignal(again.ready, timeout=WAIT_MS):
        qtbot.mouseClick(again.amend_button, Qt.MouseButton.LeftButton)
    shown = again.record_view.toPlainText()
    assert shown.index("permanently by her foster carers") < shown.index("Amendments")
    assert "Morag Test: Gran's name is spelt Morag, not Morage." in shown
    (final,) = child(qtbot, runner).meetings
    assert [(a.author, a.text) for a in final.amendments] == [
        ("Morag Test", "Gran's name is spelt Morag, not Morage.")]
    assert final.decisions[0].text.startswith("Ailsa should be cared for")  # unchanged


def test_tab_reaches_every_control_in_order(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, "permanence_planning")
    view = editor.form_view
    assert view is not None
    for fid in ("attendees", "decisions", "actions"):
        editor_ = view.editors[fid]
        assert isinstance(editor_, RowsEditor)
        editor_.add_row()
    first = view.focus_widgets()[0]
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    reached: list[QWidget] = [first]
    for _ in range(len(focusable(editor)) + 5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    expected = [w for w in view.focus_widgets() + view.trailing if not isinstance(w, QRadioButton)]
    missing = [w.objectName() or w.accessibleName() for w in expected if w not in reached]
    assert missing == []
    # in the order of the form: each control first reached after the one before it
    order = [reached.index(w) for w in expected]
    assert order == sorted(order)


def test_every_control_has_an_accessible_name(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, "hearing")
    view = editor.form_view
    assert view is not None
    for e in view.editors.values():
        if isinstance(e, RowsEditor):
            e.add_row()
    controls = focusable(editor)
    assert len(controls) > 20
    unnamed = [type(w).__name__ + ":" + w.objectName() for w in controls
               if not w.accessibleName()]
    assert unnamed == []
    buttons = [w for w in controls if isinstance(w, QAbstractButton)]
    assert all(b.accessibleName() for b in buttons)


def test_choosing_the_kind_of_a_new_meeting(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, None)
    assert editor.kind_combo.isVisible()
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("panel"))
    with qtbot.waitSignal(editor.ready, timeout=WAIT_MS):
        qtbot.keyClick(editor.kind_combo, Qt.Key.Key_Tab)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert editor.form_view is not None and editor.form_view.form.kind == "panel"


def test_a_stored_draft_record_opens_for_editing(qtbot: QtBot, runner: StoreRunner,
                                                 tmp_path: Path) -> None:
    editor = open_editor(qtbot, runner)
    fill_lac_review(qtbot, editor)
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS) as saved:
        editor.save()
    again = open_editor(qtbot, runner, None, saved.args[0])
    assert not again.is_read_only
    assert again.form_view is not None and editor.form_view is not None
    assert again.form_view.values() == editor.form_view.values()
    assert isinstance(CaseStore, type)
