"""The role field of Settings (issue 13) at a display scale of 1.5 and from the keyboard
alone: it has a row of its own, shown in full; Tab goes down the dialog as it reads (name,
role, rules, hub, clocks, then Save and Cancel); Alt+O reaches it; Escape leaves the store's
named user as it was; Enter saves it, even with the name left empty (the role then goes with
the name the store already has: it was dropped before). Wrapped hints are never cut short."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pace_desktop.gui.settings_dialog import SettingsDialog
from pace_desktop.store import CaseStore
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)

_MEASURE = """
import json, sys
from PySide6.QtWidgets import QApplication, QLabel
from pace_desktop.settings import Settings
from pace_desktop.gui.settings_dialog import SettingsDialog
app = QApplication(sys.argv)
d = SettingsDialog(Settings(user_name="Catriona Flett", user_role="reviewing officer"), None)
d.show()
app.processEvents()
name, role = d.user_name_edit, d.user_role_edit
label = d.findChild(QLabel, "userRoleLabel")
cut = [l.text()[:40] for l in d.findChildren(QLabel)
       if l.isVisible() and l.wordWrap() and l.text() and l.height() < l.heightForWidth(l.width())]
print(json.dumps({
    "role_width": role.width(), "name_width": name.width(),
    "role_fits": role.width() >= role.fontMetrics().horizontalAdvance(role.placeholderText()),
    "role_left": role.mapTo(d, role.rect().topLeft()).x(),
    "name_left": name.mapTo(d, name.rect().topLeft()).x(),
    "label_right": label.mapTo(d, label.rect().topRight()).x() if label else None,
    "role_below_name": role.mapTo(d, role.rect().topLeft()).y()
        >= name.mapTo(d, name.rect().bottomLeft()).y(),
    "cut": cut}))
"""


def test_the_role_has_its_own_row_at_a_display_scale_of_one_and_a_half() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}
    done = subprocess.run([sys.executable, "-c", _MEASURE], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["role_below_name"] and got["role_left"] == got["name_left"]
    assert got["role_width"] == got["name_width"] and got["role_fits"]
    assert got["label_right"] < got["role_left"]  # the label no longer touches a field
    assert got["cut"] == []  # every wrapped hint shown whole


def _tab_chain(dialog: SettingsDialog, start: QWidget, steps: int) -> list[str]:
    names, w = [], start
    for _ in range(steps):
        names.append(w.objectName() or w.accessibleName() or w.text())  # type: ignore[attr-defined]
        w = w.nextInFocusChain()
        while not w.isVisible() or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) \
                or w.objectName() == "qt_spinbox_lineedit":
            w = w.nextInFocusChain()
    return names


def test_tab_goes_down_the_dialog_as_it_reads(qtbot: QtBot, tmp_path: Path) -> None:
    from pace_desktop.settings import Settings

    dialog = SettingsDialog(Settings(), tmp_path / "settings.toml")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    chain = _tab_chain(dialog, dialog.idle_edit, 11)
    assert chain == ["idleEdit", "dueSoonEdit", "markingEdit", "userNameEdit", "userRoleEdit",
                     "rulesEdit", "rulesChooseButton", "hubUrlEdit",
                     dialog.clocks.visits.text(), "Holidays that are not working days",
                     "Save"]
    # and pressing Tab really moves the focus that way from the name
    dialog.activateWindow()
    dialog.user_name_edit.setFocus()
    qtbot.keyClick(dialog.user_name_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.user_role_edit
    qtbot.keyClick(dialog.user_role_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.rules_edit


def test_the_role_by_keyboard_alone_escape_keeps_it_enter_saves_it(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        for key, role in ((Qt.Key.Key_Escape, "panel member"), (Qt.Key.Key_Return,
                                                                 "reviewing officer")):
            window.action("settingsAction").trigger()
            dialog = window.settings_dialog
            assert isinstance(dialog, SettingsDialog)
            qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
            qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
            assert dialog.focusWidget() is dialog.user_role_edit  # Alt+O: "Your role"
            qtbot.keyClicks(dialog.user_role_edit, role)
            qtbot.keyClick(dialog.user_role_edit, key)
            qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=WAIT_MS)
            settle(qtbot, app)
    with CaseStore.open(path, PASSPHRASE) as store:
        name, role = store.named_user()
        assert role == "reviewing officer" and name == store.owner  # Escape saved nothing
        named = [e for e in store.audit_entries() if e.operation == "set named user"]
        assert len(named) == 1 and "panel member" not in (named[0].after or "")
