"""Every window and dialog, walked offscreen as a screen reader would meet it (tests/a11y_checks):
every control named or labelled, every combo box labelled, labels heard as their words, and
no Alt+letter used twice in one window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.domain.chronology_page import ChronologyPage
from pace_desktop.forms import definitions
from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.child.dialogs import (
    AmendDialog,
    ChildDialog,
    EventDialog,
    LegalDialog,
    LivingDialog,
    PersonDialog,
)
from pace_desktop.gui.child.quick_dialogs import ContinueOrderDialog, VisitDialog
from pace_desktop.gui.child.withholding import NondisclosureDialog, items_for
from pace_desktop.gui.file_actions import PassphraseDialog, ProblemsDialog
from pace_desktop.gui.forms.list_fields import RowsEditor
from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.gui.printing import PrintDialog
from pace_desktop.gui.printing.chronology_page_dialog import ChronologyPageDialog
from pace_desktop.gui.printing.save_pdf import SaveWarningDialog
from pace_desktop.gui.settings_dialog import SettingsDialog
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.settings import Settings
from tests.a11y_checks import problems
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)


def assert_clean(window: QWidget, where: str) -> None:
    QApplication.processEvents()
    found = problems(window)
    assert not found, f"{where}:\n  " + "\n  ".join(found)


@pytest.fixture
def app_unlocked(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PaceApp, MainWindow]]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        yield app, unlock(qtbot, app)


def test_unlock_window_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    with running_app(None, tmp_path / "caseload.pacestore", first_run=True, demo=True) as app:
        window = app.unlock_window
        assert_clean(window, "first launch")
        window.show_unlock(tmp_path / "caseload.pacestore")
        assert_clean(window, "unlock")
        window.show_create(None)
        assert_clean(window, "create a store")
        window.create()  # every problem message shown at once
        assert_clean(window, "create a store, with its messages")


def test_caseload_record_and_its_dialogs(qtbot: QtBot,
                                         app_unlocked: tuple[PaceApp, MainWindow]) -> None:
    app, window = app_unlocked
    assert_clean(window, "caseload")
    window.caseload_tabs.setCurrentWidget(window.run_charts_tab)
    qtbot.waitUntil(lambda: window.run_charts is not None, timeout=WAIT_MS)
    assert_clean(window, "caseload, run charts")
    window.caseload_tabs.setCurrentIndex(0)
    window.open_child("C-001")
    qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
    record = window.record
    for i in range(record.tabs.count()):
        record.tabs.setCurrentIndex(i)
        if record.tabs.currentWidget() is record.timeline:
            qtbot.waitUntil(lambda: record.timeline.view is not None, timeout=WAIT_MS)
        assert_clean(window, f"record, {record.tabs.tabText(i)} tab")

    child = record.view.child  # type: ignore[union-attr]
    runner = app.runner
    dialogs: list[QDialog] = [
        ChildDialog(runner, None, window), ChildDialog(runner, child, window),
        PersonDialog(runner, "C-001", None, window),
        LivingDialog(runner, "C-001", None, child.living, window),
        LegalDialog(runner, "C-001", None, window),
        EventDialog(runner, "C-001", "Morag Test", window),
        AmendDialog(runner, "C-001", child.events[0], "Morag Test", window),
        VisitDialog(runner, "C-001", "Morag Test", window),
        ContinueOrderDialog(runner, "C-001", child.legal[0], window),
        SettingsDialog(Settings(), None, window),
        PassphraseDialog(runner, window),
        ProblemsDialog("The file has 2 problems.", ["children[0].ref: missing",
                                                    "children[1].dob: not a date"], window),
        SaveWarningDialog(window),
        NondisclosureDialog(runner, child, items_for(child, "entry", child.events[0]), window),
        ChronologyPageDialog(runner, "C-001", ChronologyPage(), window),
    ]
    for dialog in dialogs:
        dialog.show()
        assert_clean(dialog, dialog.windowTitle())
        if isinstance(dialog, SaveWarningDialog):
            dialog.use_password.setChecked(True)  # its password fields, then their message
            dialog.password.setText("short")
        # Save, empty: every message shown (the settings dialog saves a good file, so not it).
        press = {PassphraseDialog: "change", SaveWarningDialog: "_try_accept"}.get(
            type(dialog), "save" if not isinstance(dialog, SettingsDialog) else "")
        if press and callable(getattr(dialog, press, None)):
            getattr(dialog, press)()
        assert_clean(dialog, f"{dialog.windowTitle()}, after Save")
        dialog.reject()
        asked = QApplication.activeModalWidget()
        if asked is not None and asked is not dialog:  # "Discard what you typed?"
            assert_clean(asked, f"{dialog.windowTitle()}: the question on leaving")
            asked.close()
        QDialog.reject(dialog)  # gone, whatever was typed, so no window outlives the walk
    settle(qtbot, app)


@pytest.fixture
def runner(qtbot: QtBot, tmp_path: Path) -> Iterator[StoreRunner]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    runner = StoreRunner()
    opened: list[object] = []
    runner.open(path, PASSPHRASE, done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    yield runner
    runner.shutdown()


@pytest.mark.parametrize("document", ["chronology", "summary", "clocks_report"])
def test_print_dialog(qtbot: QtBot, runner: StoreRunner, document: str) -> None:
    dialog = PrintDialog(runner, document, "C-001", Settings(user_name="Morag Test"))
    qtbot.addWidget(dialog)  # closed and deleted with the test, not at exit
    dialog.show()
    try:
        if document != "clocks_report":
            assert_clean(dialog, f"print the {document}, before choosing who it is for")
            qtbot.waitUntil(lambda: dialog.recipient_combo.findData("panel") >= 0,
                            timeout=20_000)
            dialog.recipient_combo.setCurrentIndex(dialog.recipient_combo.findData("panel"))
        qtbot.waitUntil(lambda: not dialog.is_busy and dialog.pdf is not None,
                        timeout=20_000)
        assert_clean(dialog, f"print the {document}")
    finally:
        dialog.close_for_lock()


@pytest.mark.parametrize("kind", sorted(definitions()))
def test_meeting_form(qtbot: QtBot, runner: StoreRunner, kind: str) -> None:
    editor = MeetingEditor(runner, "C-001", kind, None, "Morag Test")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.ready, timeout=WAIT_MS):
        editor.show()
    assert editor.form_view is not None
    for field in editor.form_view.editors.values():
        if isinstance(field, RowsEditor):
            field.add_row()
    assert_clean(editor, f"the {kind} form")
    editor.save()  # empty: every "needed" message shown
    assert_clean(editor, f"the {kind} form, with its problems shown")
    editor.close_editor()


def test_a_final_meeting_record_and_its_amendment(qtbot: QtBot, runner: StoreRunner) -> None:
    from tests.test_gui_meeting_form import fill_lac_review

    editor = MeetingEditor(runner, "C-001", "lac_review", None, "Morag Test")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.ready, timeout=WAIT_MS):
        editor.show()
    fill_lac_review(qtbot, editor)
    editor.finalise()
    box = editor.confirm_box
    assert box is not None
    assert_clean(box, "finalise this record?")
    go = next(b for b in box.buttons() if b.text() == "Finalise the record")
    with qtbot.waitSignal(editor.finalised, timeout=WAIT_MS):
        go.click()
    assert_clean(editor, "the final record, ready for an amendment")
    editor.amend_author.clear()
    editor.add_amendment()  # both problems shown
    assert_clean(editor, "the final record, with the amendment's problems shown")


def test_meeting_kind_question(qtbot: QtBot, runner: StoreRunner) -> None:
    editor = MeetingEditor(runner, "C-001", None, None, "Morag Test")
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.ready, timeout=WAIT_MS):
        editor.show()
    assert_clean(editor, "which kind of meeting")
