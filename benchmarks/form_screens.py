"""Put one decision form on screen, filled in, for screenshots (docs/screenshots/take.sh).

    python benchmarks/form_screens.py KIND [FIELD] DIR

Makes (once) a store in DIR holding one made-up child with her family, opens a new record of
meeting KIND in the real meeting window, fills it with a made-up meeting through the form's
own values, and scrolls FIELD (a field id, say `orders`) into view.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pace_desktop.gui.app import _apply_looks
from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore

# The form is filled the way the tests fill it (tests/form_filling.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.form_filling import fill_form, full_meeting, isla  # noqa: E402

PASSPHRASE = "screenshots passphrase"
REF = "SC-1"


def main() -> int:
    kind = sys.argv[1]
    field = sys.argv[2] if len(sys.argv) > 3 else ""
    folder = Path(sys.argv[-1])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "forms.pacestore"
    if not path.exists():
        with CaseStore.create(path, PASSPHRASE, "Screenshots") as store:
            store.import_children([isla(REF)])
    app = QApplication(sys.argv[:1])
    _apply_looks(app)
    runner = StoreRunner()
    editors: list[MeetingEditor] = []

    def opened(_: object) -> None:
        editor = MeetingEditor(runner, REF, kind, None, "Morag Reid")
        editors.append(editor)
        editor.ready.connect(lambda: fill(editor))
        editor.resize(1100, 880)
        editor.show()

    def fill(editor: MeetingEditor) -> None:
        fill_form(editor, full_meeting(kind))
        assert editor.form_view is not None
        if field:
            # The field's block at the top of the window, once the form is laid out.
            block = editor.form_view.findChild(QWidget, f"block_{field}")
            assert block is not None, field
            QTimer.singleShot(500, lambda: editor.scroll.verticalScrollBar().setValue(
                block.mapTo(editor.form_view, block.rect().topLeft()).y()))

    runner.open(path, PASSPHRASE, opened, lambda error: print(error))
    app.aboutToQuit.connect(runner.shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
