"""Run by test_gui_meeting_draft in a child process: opens a real store through the worker,
types into a new meeting record, and prints "saved" each time the autosave has reached the
store, until the test kills it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.store_worker import StoreRunner


def main(path: str, passphrase: str, ref: str, views: str, day: str) -> None:
    app = QApplication([])
    runner = StoreRunner()
    editors: list[MeetingEditor] = []

    def typed(editor: MeetingEditor) -> None:
        date_line = editor.findChild(QLineEdit, "field_date")
        views_text = editor.findChild(QPlainTextEdit, "field_child_views")
        assert date_line is not None and views_text is not None
        QTest.keyClicks(date_line, day)
        QTest.keyClicks(views_text, views)

    def start(_: object) -> None:
        editor = MeetingEditor(runner, ref, "lac_review", None, "Writer")
        editor.ready.connect(lambda: typed(editor))
        editor.draft_saved.connect(lambda _key: print("saved", flush=True))
        editor.show()
        editors.append(editor)  # kept alive for as long as the process lives

    def failed(error: Exception) -> None:
        print(f"failed: {error}", flush=True)
        app.exit(1)

    runner.open(Path(path), passphrase, start, failed)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:6])
