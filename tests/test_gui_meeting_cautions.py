"""Questions before saving a meeting (issue 11): a meeting dated a year ahead, and a next
review later than the child's review clock allows, are asked about, not taken silently; a
person who says they are right can save them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.domain.dates import add_months
from pace_desktop.forms import definition_for
from pace_desktop.forms.cautions import cautions
from pace_desktop.gui.store_worker import StoreRunner
from tests.test_gui_meeting_form import (  # noqa: F401 (fixture)
    WAIT_MS,
    child,
    fill_lac_review,
    line,
    open_editor,
    runner,
)


def _retype(qtbot: QtBot, editor: object, name: str, text: str) -> None:
    box = line(editor, name)  # type: ignore[arg-type]
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClicks(box, text)


def test_a_year_ahead_is_asked_about_and_can_be_kept(qtbot: QtBot,
                                                    runner: StoreRunner) -> None:  # noqa: F811
    editor = open_editor(qtbot, runner)
    fill_lac_review(qtbot, editor)
    ahead = date.today() + timedelta(days=366)
    _retype(qtbot, editor, "field_date", f"{ahead:%d/%m/%Y}")
    _retype(qtbot, editor, "field_next_review", f"{ahead + timedelta(days=60):%d/%m/%Y}")
    _retype(qtbot, editor, "field_actions_1_due", f"{ahead + timedelta(days=30):%d/%m/%Y}")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    box = editor.caution_box
    assert box is not None and box.isVisible(), editor.form_view.problems_shown()  # type: ignore[union-attr]
    assert "more than a month from today" in box.text()
    assert child(qtbot, runner).meetings == ()  # nothing saved yet
    right = next(b for b in box.buttons() if b.text().startswith("Yes"))
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    assert child(qtbot, runner).meetings[0].date == ahead


def test_a_next_review_beyond_the_review_clock_is_asked_about(qtbot: QtBot,
                                                             runner: StoreRunner) -> None:  # noqa: F811
    editor = open_editor(qtbot, runner)
    fill_lac_review(qtbot, editor)  # the child's first review, 14 March 2025
    _retype(qtbot, editor, "field_next_review", "12/09/2025")  # six months: too late
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    box = editor.caution_box
    assert box is not None and box.isVisible()
    assert "at most 3 months after the first review" in box.text()
    back = next(b for b in box.buttons() if b.text().startswith("Go back"))
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert child(qtbot, runner).meetings == ()


def test_later_reviews_allow_six_months() -> None:
    form = definition_for("lac_review")
    held = date(2025, 3, 14)
    values = {"date": "14/03/2025", "next_review": f"{add_months(held, 6):%d/%m/%Y}"}
    assert cautions(form, values, held, [date(2024, 12, 1)]) == []
    assert [c.field_id for c in cautions(form, values, held, [])] == ["next_review"]
    panel = definition_for("panel")  # not a review: no review clock to keep to
    assert cautions(panel, values, held, []) == []
