"""The File and Edit menus through the real window: import (with every problem listed),
export's warning, backup, change passphrase, settings; and keyboard reach."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.exchange import write_interchange_file
from pace_desktop.gui.file_actions import PassphraseDialog, ProblemsDialog
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.gui.settings_dialog import SettingsDialog
from pace_desktop.settings import load_settings
from pace_desktop.store import CaseStore
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    type_into,
    unlock,
)


def pick_file(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    dialog = window.files.file_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def test_import_lists_every_problem_of_a_broken_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "pace-interchange", "version": 1, "children": [
        {"ref": "X-1", "given_name": "", "family_name": "Ross", "date_of_birth": "2020-13-01"},
    ]}), encoding="utf-8")
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.action("importAction").trigger()
        pick_file(qtbot, window, broken)
        qtbot.waitUntil(lambda: isinstance(window.files.dialog, ProblemsDialog), timeout=WAIT_MS)
        dialog = window.files.dialog
        assert isinstance(dialog, ProblemsDialog)
        assert len(dialog.problems) >= 2
        assert dialog.text.toPlainText() == "\n".join(dialog.problems)
        assert "nothing was imported" in window.files.last_message
        assert window.model.rowCount() == 3


def test_import_adds_children_and_export_warns_first(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children()[:1])
    good = tmp_path / "good.json"
    write_interchange_file(good, sample_children()[1:])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.action("importAction").trigger()
        pick_file(qtbot, window, good)
        qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=WAIT_MS)
        assert window.files.last_message == "Imported 2 new children."

        window.action("exportAction").trigger()
        warning = window.files.dialog
        assert isinstance(warning, QMessageBox)
        assert "NOT encrypted" in warning.text()
        go = next(b for b in warning.buttons() if "export" in b.text())
        go.click()
        out = tmp_path / "out.json"
        pick_file(qtbot, window, out)
        qtbot.waitUntil(out.exists, timeout=WAIT_MS)
        settle(qtbot, app)
        assert "3 children exported" in window.files.last_message

        window.action("backupAction").trigger()
        copy = tmp_path / "copy.pacestore"
        pick_file(qtbot, window, copy)
        qtbot.waitUntil(copy.exists, timeout=WAIT_MS)
        settle(qtbot, app)
    with CaseStore.open(copy, PASSPHRASE) as store:
        assert store.count_children() == 3


def test_change_passphrase_checks_both_boxes(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    new = "a much longer passphrase"
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.action("passphraseAction").trigger()
        dialog = window.files.dialog
        assert isinstance(dialog, PassphraseDialog)
        type_into(qtbot, dialog.first, "short")
        dialog.change()
        assert "at least 12 characters" in dialog.first_message.text()
        type_into(qtbot, dialog.first, new)
        type_into(qtbot, dialog.second, new + "!")
        dialog.change()
        assert "not the same" in dialog.second_message.text()
        type_into(qtbot, dialog.second, new)
        dialog.change()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
        settle(qtbot, app)
    with CaseStore.open(path, new) as store:
        assert store.count_children() == 3


def test_settings_dialog_checks_the_rules_file_and_saves(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    settings_file = tmp_path / "my-settings.toml"
    bad_rules = tmp_path / "rules.toml"
    bad_rules.write_text("[[rule]]\nid = 'x'\nthis is not toml", encoding="utf-8")
    with running_app(path, path, settings_path=settings_file) as app:
        window = unlock(qtbot, app)
        window.action("settingsAction").trigger()
        dialog = window.settings_dialog
        assert isinstance(dialog, SettingsDialog)
        dialog.idle_edit.setValue(15)
        dialog.due_soon_edit.setValue(60)
        type_into(qtbot, dialog.user_name_edit, "Morag Test")
        type_into(qtbot, dialog.rules_edit, str(bad_rules))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        rules_message = dialog.messages["rules"]
        assert rules_message.isVisibleTo(dialog) and rules_message.text()
        assert rules_message.parentWidget() is dialog.rules_edit.parentWidget()
        assert not settings_file.exists()

        type_into(qtbot, dialog.rules_edit, "")
        type_into(qtbot, dialog.marking_edit, "")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert "marking" in dialog.messages["marking"].text()
        type_into(qtbot, dialog.marking_edit, "OFFICIAL-SENSITIVE: PERSONAL")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert not dialog.isVisible()
        saved = load_settings(settings_file)
        assert (saved.idle_lock_minutes, saved.due_soon_days, saved.user_name) == (
            15, 60, "Morag Test")
        assert app.idle_lock.seconds == 15 * 60
        assert window.settings.due_soon_days == 60
        qtbot.waitUntil(lambda: "within 60 days" in window.due_hint.text()
                        or "Nothing" in window.due_hint.text(), timeout=WAIT_MS)


def focus_chain(start: QWidget) -> list[QWidget]:
    seen: list[QWidget] = []
    widget = start
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        seen.append(widget)
    return seen


def test_every_control_has_a_name_and_tab_reaches_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        chain = focus_chain(window.search_edit)
        for wanted in (window.worker_filter, window.living_filter, window.legal_filter,
                       window.route_filter, window.table, window.due_table):
            assert wanted in chain
            assert wanted.accessibleName()
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        record = window.record
        for tab in (record.people, record.living, record.chronology):
            record.tabs.setCurrentWidget(tab)
            chain = focus_chain(record.back_button)
            for control in (tab.table, tab.add_button, record.details_button, record.tabs):
                assert control in chain, control
                assert control.accessibleName()
        for action_name in ("importAction", "exportAction", "lockAction", "settingsAction",
                            "newMeetingAction", "saveAction", "findAction"):
            assert window.action(action_name).text()
        assert QApplication.instance() is not None
