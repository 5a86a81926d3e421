"""The fuller decision records filled through the real meeting window over a real store:
a whole LAC review (each person's views, what the review considered, family time, brothers
and sisters, routes), a finalisation refused for missing reasons, a children's hearing that
continues a supervision order (the legal status changes and the cso_expiry clock restarts),
and a permanence panel's make-up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.domain import (
    Child,
)
from pace_desktop.forms import definition_for, definitions
from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.journey import judge_child, load_rules
from tests.form_filling import fill_form, full_meeting, isla
from tests.gui_helpers import PASSPHRASE, choose, make_store

WAIT_MS = 10_000
REF = "C-010"


@pytest.fixture
def runner(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreRunner]:
    path = make_store(tmp_path / "caseload.pacestore", [isla(REF)])
    runner = StoreRunner()
    opened: list[object] = []
    runner.open(path, PASSPHRASE, done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield runner
    runner.shutdown()


def child(qtbot: QtBot, runner: StoreRunner) -> Child:
    answers: list[object] = []
    runner.call(lambda store: store.child(REF), answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
    assert isinstance(answers[0], Child)
    return answers[0]


def open_editor(qtbot: QtBot, runner: StoreRunner, kind: str | None,
                meeting_id: str | None = None) -> MeetingEditor:
    editor = MeetingEditor(runner, REF, kind, meeting_id, "Morag Test")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.ready, timeout=WAIT_MS):
        editor.show()
    qtbot.waitExposed(editor)
    return editor


def control(editor: QWidget, name: str) -> QWidget:
    found = editor.findChild(QWidget, name)
    assert found is not None, name
    return found


def type_in(qtbot: QtBot, editor: QWidget, name: str, text: str) -> None:
    widget = control(editor, name)
    if isinstance(widget, QComboBox) and widget.isEditable():
        widget = widget.lineEdit()
    assert isinstance(widget, QLineEdit | QPlainTextEdit), name
    qtbot.keyClicks(widget, text)


def pick(editor: QWidget, name: str, code: str) -> None:
    combo = control(editor, name)
    assert isinstance(combo, QComboBox), name
    choose(combo, code)


def add(qtbot: QtBot, editor: QWidget, field: str) -> None:
    qtbot.mouseClick(control(editor, f"field_{field}_add"), Qt.MouseButton.LeftButton)


def fill_common(qtbot: QtBot, editor: MeetingEditor, day: str, next_review: str = "") -> None:
    type_in(qtbot, editor, "field_date", day)
    type_in(qtbot, editor, "field_chair", "Morag Reid")
    add(qtbot, editor, "attendees")
    type_in(qtbot, editor, "field_attendees_1_name", "Jean Baird")
    type_in(qtbot, editor, "field_attendees_1_role", "Foster carer")
    pick(editor, "field_attendees_1_how", "video")
    if next_review:
        type_in(qtbot, editor, "field_next_review", next_review)


def fill_full_review(qtbot: QtBot, editor: MeetingEditor, reasons: bool = True) -> None:
    fill_common(qtbot, editor, "14/03/2025", "12/06/2025")
    type_in(qtbot, editor, "field_child_views", "I like living with Jean.")
    pick(editor, "field_child_views_how", "in_person")
    add(qtbot, editor, "views")
    type_in(qtbot, editor, "field_views_1_person", "Kirsty Munro")
    pick(editor, "field_views_1_how", "phone")
    type_in(qtbot, editor, "field_views_1_text", "I want more time with Isla.")
    add(qtbot, editor, "views")
    type_in(qtbot, editor, "field_views_2_person", "Rory Munro")
    pick(editor, "field_views_2_how", "advocate")
    type_in(qtbot, editor, "field_views_2_text", "I miss my sister.")
    for key, text in (("needs", "Help with sleep"), ("development", "On track"),
                      ("education", "Settled at school"), ("health", "Dental check due"),
                      ("where_the_child_lives_suits", "Jean's home suits her well"),
                      ("visits", "Visited every six weeks")):
        type_in(qtbot, editor, f"field_assessment_{key}", text)
    add(qtbot, editor, "family_time")
    type_in(qtbot, editor, "field_family_time_1_with", "Kirsty Munro")
    type_in(qtbot, editor, "field_family_time_1_how_often", "Weekly")
    pick(editor, "field_family_time_1_supervised", "yes")
    add(qtbot, editor, "siblings")
    type_in(qtbot, editor, "field_siblings_1_person", "Rory Munro")
    type_in(qtbot, editor, "field_siblings_1_lives", "with Gran in Stornoway")
    pick(editor, "field_siblings_1_together", "no")
    type_in(qtbot, editor, "field_siblings_1_why_apart", "Gran has room for one child")
    type_in(qtbot, editor, "field_siblings_1_views", "Wants to see Isla every holiday")
    add(qtbot, editor, "routes_considered")
    pick(editor, "field_routes_considered_1_route", "home")
    pick(editor, "field_routes_considered_1_outcome", "ruled_out")
    type_in(qtbot, editor, "field_routes_considered_1_reasons", "Not yet safe at home")
    add(qtbot, editor, "routes_considered")
    pick(editor, "field_routes_considered_2_route", "po")
    pick(editor, "field_routes_considered_2_outcome", "chosen")
    type_in(qtbot, editor, "field_routes_considered_2_reasons", "Keeps links with Mum")
    add(qtbot, editor, "decisions")
    type_in(qtbot, editor, "field_decisions_1_text", "Plan for a permanence order.")
    pick(editor, "field_decisions_1_milestone", "permanence_recommendation")
    pick(editor, "field_decisions_1_route", "po")
    if reasons:
        type_in(qtbot, editor, "field_decisions_1_reasons", "Isla is settled with Jean.")


def finalise(qtbot: QtBot, editor: MeetingEditor) -> str:
    with qtbot.waitSignal(editor.finalised, timeout=WAIT_MS) as done:
        editor.finalise()
        box = editor.confirm_box
        assert box is not None
        text = box.text()
        next(b for b in box.buttons() if b.text() == "Finalise the record").click()
    assert isinstance(done.args[0], str)
    return text


def test_a_whole_lac_review_through_the_window(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, "lac_review")
    fill_full_review(qtbot, editor)
    finalise(qtbot, editor)
    (m,) = child(qtbot, runner).meetings
    assert m.is_final
    assert [(a.name, a.how) for a in m.attendees] == [("Jean Baird", "video")]
    assert [(v.person, v.how, v.text) for v in m.views] == [
        ("p-mum", "phone", "I want more time with Isla."),
        ("p-rory", "advocate", "I miss my sister.")]
    assert m.assessment is not None and m.assessment.visits == "Visited every six weeks"
    assert m.assessment.where_the_child_lives_suits == "Jean's home suits her well"
    assert [(f.with_, f.how_often, f.supervised) for f in m.family_time] == [
        ("p-mum", "Weekly", True)]
    assert [(s.person, s.together, s.why_apart) for s in m.siblings] == [
        ("p-rory", False, "Gran has room for one child")]
    assert [(r.route, r.outcome) for r in m.routes_considered] == [
        ("home", "ruled_out"), ("po", "chosen")]
    assert m.decisions[0].reasons == "Isla is settled with Jean."
    shown = editor.record_view.toPlainText()
    for words in ("Each person's views", "Kirsty Munro (by phone): I want more time",
                  "Brothers and sisters", "Rory Munro lives with Gran in Stornoway; lives apart",
                  "Family time", "With Kirsty Munro, Weekly, supervised",
                  "What the review considered", "Routes considered",
                  "Reasons: Isla is settled with Jean.", "Jean Baird (Foster carer), by video"):
        assert words in shown, words


def test_finalising_without_reasons_is_refused_in_the_window(qtbot: QtBot,
                                                             runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, "lac_review")
    fill_full_review(qtbot, editor, reasons=False)
    editor.finalise()
    assert editor.confirm_box is None  # never asked: the record is not ready
    problem = editor.form_view.problem_labels["decisions"]  # type: ignore[union-attr]
    assert "Decision 1: give the reasons for it" in problem.text()
    assert "cannot be finalised" in editor.status.text()
    assert editor.focusWidget() is not None
    assert child(qtbot, runner).meetings == ()  # nothing was written
    type_in(qtbot, editor, "field_decisions_1_reasons", "Isla is settled with Jean.")
    finalise(qtbot, editor)
    assert child(qtbot, runner).meetings[0].is_final


def test_a_hearing_that_continues_a_cso_updates_the_legal_status(qtbot: QtBot,
                                                                runner: StoreRunner) -> None:
    rules = load_rules()
    before = [c for c in judge_child(child(qtbot, runner), rules, date(2025, 3, 1))
              if c.rule == "cso_expiry"]
    assert before[-1].due == date(2025, 3, 31)
    editor = open_editor(qtbot, runner, "hearing")
    fill_common(qtbot, editor, "10/03/2025")
    pick(editor, "field_hearing_type", "review")
    add(qtbot, editor, "decisions")
    type_in(qtbot, editor, "field_decisions_1_text", "The order is continued.")
    add(qtbot, editor, "orders")
    pick(editor, "field_orders_1_status", "cso_away")
    pick(editor, "field_orders_1_action", "continued")
    type_in(qtbot, editor, "field_orders_1_expires", "09/03/2026")
    row = control(editor, "field_orders_1_measures")
    for code in ("residence", "non_disclosure_of_place"):
        box = row.findChild(QCheckBox, f"measure_{code}")
        assert box is not None
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    type_in(qtbot, editor, "field_orders_1_residence", "with her foster carers")
    asked = finalise(qtbot, editor)
    assert "Finalising also brings the legal status up to date" in asked
    assert ("Compulsory supervision order, away from home continued on 10/03/2025; "
            "Compulsory supervision order, away from home (from 01/04/2024) ends that day."
            in asked)
    record = child(qtbot, runner)
    (hearing,) = record.meetings
    (order,) = hearing.orders
    assert order.measures == ("residence", "non_disclosure_of_place")
    assert order.expires == date(2026, 3, 9)
    assert [(e.status, e.start, e.end) for e in record.legal] == [
        ("cso_away", date(2024, 4, 1), date(2025, 3, 10)),
        ("cso_away", date(2025, 3, 10), None)]
    after = [c for c in judge_child(record, rules, date(2025, 4, 1)) if c.rule == "cso_expiry"]
    assert after[-1].start == date(2025, 3, 10) and after[-1].due == date(2026, 3, 9)


def test_a_permanence_panel_records_its_make_up(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, "panel")
    fill_common(qtbot, editor, "02/04/2025")
    editor.save()  # the panel's make-up is needed
    assert "permanence panel's members" in editor.form_view.problem_labels[  # type: ignore[union-attr]
        "panel"].text()
    members = control(editor, "field_panel_members")
    for n, name in enumerate(("Ann Bell", "Cal Dow", "Eve Fox")):
        if n:
            qtbot.keyClick(members, Qt.Key.Key_Return)
        qtbot.keyClicks(members, name)
    pick(editor, "field_panel_quorate", "yes")
    type_in(qtbot, editor, "field_panel_medical_adviser", "Dr Iain Ross")
    type_in(qtbot, editor, "field_panel_legal_adviser", "Fiona Grant")
    type_in(qtbot, editor, "field_panel_question", "Should Isla be adopted?")
    type_in(qtbot, editor, "field_panel_dissent", "Cal Dow: a permanence order keeps Mum close")
    add(qtbot, editor, "decisions")
    type_in(qtbot, editor, "field_decisions_1_text", "Recommends adoption.")
    pick(editor, "field_decisions_1_milestone", "panel_recommendation")
    type_in(qtbot, editor, "field_decisions_1_reasons", "Isla needs a family for life.")
    finalise(qtbot, editor)
    (m,) = child(qtbot, runner).meetings
    assert m.panel is not None
    assert m.panel.members == ("Ann Bell", "Cal Dow", "Eve Fox") and m.panel.quorate is True
    assert (m.panel.medical_adviser, m.panel.legal_adviser) == ("Dr Iain Ross", "Fiona Grant")
    assert m.panel.dissent == "Cal Dow: a permanence order keeps Mum close"
    assert "The permanence panel was quorate" in editor.record_view.toPlainText()


def test_a_brother_or_sister_must_be_one_of_the_childs_people(qtbot: QtBot,
                                                             runner: StoreRunner) -> None:
    editor = open_editor(qtbot, runner, "two_week_planning")
    add(qtbot, editor, "siblings")
    type_in(qtbot, editor, "field_siblings_1_person", "Someone Else")
    editor.save()
    assert "is not among the people in this child's record" in editor.form_view.problem_labels[  # type: ignore[union-attr]
        "siblings"].text()


@pytest.mark.parametrize("kind", sorted(definitions()))
def test_every_form_saves_finalises_and_amends(qtbot: QtBot, runner: StoreRunner,
                                               kind: str) -> None:
    editor = open_editor(qtbot, runner, kind)
    fill_form(editor, full_meeting(kind))
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save()
    finalise(qtbot, editor)
    (m,) = child(qtbot, runner).meetings
    assert m.is_final and m.kind == kind
    asked = {f.id for f in definition_for(kind).fields}
    sample = full_meeting(kind)
    for part in ("views", "family_time", "siblings", "routes_considered", "orders"):
        assert getattr(m, part) == (getattr(sample, part) if part in asked else ()), part
    assert m.panel == (sample.panel if "panel" in asked else None)
    assert m.assessment == (sample.assessment if "assessment" in asked else None)
    editor.amend_text.setPlainText("The carer's name is spelt Jean, not Jeanne.")
    with qtbot.waitSignal(editor.amend_button.clicked, timeout=WAIT_MS):
        qtbot.mouseClick(editor.amend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(child(qtbot, runner).meetings[0].amendments), timeout=WAIT_MS)
    legal = child(qtbot, runner).legal
    # Only a hearing or a court changes the legal status when it is finalised.
    assert len(legal) == (2 if kind in ("hearing", "court") else 1)
