"""Answers on the meeting form (issue 11): an only child's review can say so instead of
recording that brothers and sisters were "not considered", and the arrow keys choose in a
Yes/No question."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QRadioButton
from pytestqt.qtbot import QtBot

from pace_desktop.forms import definition_for, to_meeting
from pace_desktop.gui.forms.form_view import FormView


def values_panel(view: FormView) -> dict[str, str]:
    panel = view.values().get("panel")
    return panel if isinstance(panel, dict) else {}


def test_an_only_child_is_not_recorded_as_not_considered_with_siblings(qtbot: QtBot) -> None:
    for kind in ("lac_review", "panel"):
        form = definition_for(kind)
        view = FormView(form, ["Gran"])
        qtbot.addWidget(view)
        siblings = view.findChild(QComboBox, "field_siblings_together")
        assert siblings is not None, kind
        index = siblings.findData("none")
        assert index >= 0 and "no brothers or sisters" in siblings.itemText(index)
        siblings.setCurrentIndex(index)
        values = {**view.values(), "date": "14/03/2025", "chair": "Morag Reid",
                  "attendees": [{"name": "Morag Reid", "role": "Chair", "present": True}],
                  "decisions": [{"text": "Stay with her carers", "milestone": "",
                                 "route": ""}],
                  "next_review": "14/09/2025",
                  "panel": {**values_panel(view), "question": "Is adoption right for her?"}}
        words = [d.text for d in to_meeting(form, values, "").decisions]
        assert "The child has no brothers or sisters." in words
        assert not any("not consider" in w for w in words), words


def test_arrow_keys_choose_in_a_yes_no_question(qtbot: QtBot) -> None:
    view = FormView(definition_for("adm"), [])
    qtbot.addWidget(view)
    view.show()
    yes = view.findChild(QRadioButton, "field_agrees_with_panel_yes")
    no = view.findChild(QRadioButton, "field_agrees_with_panel_no")
    assert yes is not None and no is not None
    yes.setFocus()
    qtbot.waitUntil(yes.hasFocus)
    assert view.values()["agrees_with_panel"] == ""
    qtbot.keyClick(yes, Qt.Key.Key_Right)
    assert view.values()["agrees_with_panel"] == "no" and no.hasFocus()
    qtbot.keyClick(no, Qt.Key.Key_Left)
    assert view.values()["agrees_with_panel"] == "yes" and yes.hasFocus()
    qtbot.keyClick(yes, Qt.Key.Key_Down)
    assert view.values()["agrees_with_panel"] == "no"
