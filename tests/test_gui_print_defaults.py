"""Print defaults (issue 11): every print about one child starts as the panel's copy, each
recipient's copy gets its own suggested file name, and the save dialog opens in the person's
documents folder, not the folder the app was started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from pace_desktop.gui.printing.print_dialog import DEBOUNCE_MS, PrintDialog
from pace_desktop.gui.store_worker import StoreRunner
from tests.gui_helpers import WAIT_MS, choose
from tests.test_gui_print_dialog import (  # noqa: F401 (fixtures)
    Opener,
    demo_ref,
    open_dialog,
    runner,
    store_file,
    store_template,
    wait_ready,
)


def _chooser(dialog: PrintDialog, qtbot: QtBot) -> QFileDialog:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    warning = dialog.save_warning
    assert warning is not None
    qtbot.mouseClick(warning.save_button, Qt.MouseButton.LeftButton)
    chooser = dialog.file_chooser
    assert isinstance(chooser, QFileDialog)
    qtbot.waitUntil(chooser.isVisible, timeout=WAIT_MS)
    return chooser


def test_child_prints_have_no_default_recipient(open_dialog: Opener, demo_ref: str,  # noqa: F811
                                                runner: StoreRunner,  # noqa: F811
                                                qtbot: QtBot) -> None:
    """The print dialog asks who the copy is for; nothing is made until someone is chosen."""
    meetings: list[list[str]] = []
    runner.call(lambda store: [m.id for m in store.child(demo_ref).meetings], meetings.append)
    qtbot.waitUntil(lambda: bool(meetings), timeout=WAIT_MS)
    for document, meeting in (("chronology", None), ("decision_record", meetings[0][0]),
                              ("summary", None)):
        dialog = open_dialog(document, demo_ref, meeting_id=meeting, recipient=None,
                             wait=False)
        qtbot.waitUntil(lambda d=dialog: d.recipient_combo.findData("reporter") >= 0,
                        timeout=WAIT_MS)
        qtbot.wait(DEBOUNCE_MS * 2)
        assert dialog.recipient_combo.currentData() is None, document
        assert dialog.recipient_combo.currentText().startswith("Choose who this copy is for")
        assert dialog.pdf is None and dialog.preview.page_count == 0
        assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
        assert "Choose who this copy is for" in dialog.status.text()
        codes = [dialog.recipient_combo.itemData(i)
                 for i in range(dialog.recipient_combo.count())]
        for wanted in ("reporter", "panel", "child", "safeguarder", "curator", "court",
                       "internal"):
            assert wanted in codes
        assert any(str(c).startswith("person:") for c in codes)  # each parent by name
        choose(dialog.recipient_combo, "panel")
        wait_ready(qtbot, dialog)
        assert dialog.pdf is not None


def test_each_recipient_gets_its_own_file_name_in_the_documents_folder(
        open_dialog: Opener, qtbot: QtBot) -> None:  # noqa: F811
    dialog = open_dialog("chronology", "P-001")
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    chooser = _chooser(dialog, qtbot)
    assert Path(chooser.directory().absolutePath()) == expected
    first = chooser.selectedFiles()[0]
    assert first.endswith("chronology-P-001-for-panel.pdf")
    chooser.reject()

    choose(dialog.recipient_combo, "court")
    wait_ready(qtbot, dialog)
    chooser = _chooser(dialog, qtbot)
    second = chooser.selectedFiles()[0]
    assert second.endswith("chronology-P-001-for-court.pdf") and second != first
    chooser.reject()
