"""Run by test_gui_meeting_draft in a child process: opens a real store through the worker,
types into a new meeting record, and prints "saved" each time the autosave has reached the
store, until the test kills it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.store_worker import StoreRunner

# The fuller parts a form may ask, typed into when the form has them: (Add button or None,
# control, text).
PARTS = (("field_views_add", "field_views_1_text", "Mum said she wants more family time."),
         (None, "field_assessment_needs", "Help with sleep."),
         ("field_siblings_add", "field_siblings_1_lives", "with Gran in Stornoway"),
         ("field_orders_add", "field_orders_1_residence", "with her foster carers"),
         (None, "field_panel_question", "Should she be adopted?"),
         ("field_decisions_add", "field_decisions_1_reasons", "She is settled."))


def main(path: str, passphrase: str, ref: str, views: str, day: str,
         kind: str = "lac_review") -> None:
    app = QApplication([])
    runner = StoreRunner()
    editors: list[MeetingEditor] = []

    def typed(editor: MeetingEditor) -> None:
        date_line = editor.findChild(QLineEdit, "field_date")
        views_text = editor.findChild(QPlainTextEdit, "field_child_views")
        assert date_line is not None and views_text is not None
        QTest.keyClicks(date_line, day)
        QTest.keyClicks(views_text, views)
        for add, name, text in PARTS:
            button = editor.findChild(QPushButton, add) if add else None
            if add and button is None:
                continue
            if button is not None:
                button.click()
            box = editor.findChild(QWidget, name)
            if box is not None:
                QTest.keyClicks(box, text)

    def start(_: object) -> None:
        editor = MeetingEditor(runner, ref, kind, None, "Writer")
        editor.ready.connect(lambda: typed(editor))
        # "saved" once a draft holding everything typed has landed: adding a row moves focus,
        # which autosaves at once, before the rest is typed (that draft is not the last).
        editor.draft_saved.connect(
            lambda _key: None if editor._dirty else print("saved", flush=True))
        editor.show()
        editors.append(editor)  # kept alive for as long as the process lives

    def failed(error: Exception) -> None:
        print(f"failed: {error}", flush=True)
        app.exit(1)

    runner.open(Path(path), passphrase, start, failed)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:7])
