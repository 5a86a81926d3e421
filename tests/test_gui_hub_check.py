"""File ▸ Check against the team hub… in the real app, against the real PostgreSQL hub the
tests start: an honest store is sound and says what the hub witnessed; an older copy of the
store put in its place (its own witness put back with it) is caught by the hub's witness; the
password is asked for this check only when libpq finds none; the answer closes by its button,
Escape and its close box; the actions are in the File menu, reachable from the keyboard."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from pace_desktop.gui.store_check import NO_HUB
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import sync
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

SECRET = "ali-very-secret-7"


@pytest.fixture
def ali(hub: Any) -> Any:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali", SECRET)
    return hub


def _laptop(tmp_path: Path, url: str) -> tuple[Path, Path]:
    """A laptop's store synced twice with the hub (two witnessed heads), and its Settings."""
    path = make_store(tmp_path / "laptop.pacestore", sample_children()[:2])
    with CaseStore.open(path, PASSPHRASE) as s:
        sync(s, url)
        s.save_child_details(replace(s.child("C-001"), known_as="Ally"))
        sync(s, url)
    settings = tmp_path / "settings.toml"
    settings.write_text(tomli_w.dumps({"hub_url": url}))
    return path, settings


def _answer(qtbot: QtBot, window: Any) -> QMessageBox:
    qtbot.waitUntil(lambda: window.checks.box is not None and window.checks.box.isVisible(),
                    timeout=WAIT_MS * 3)
    box = window.checks.box
    assert not window.checks.running and window.checks.hub_action.isEnabled()
    return box


def _closed(qtbot: QtBot, window: Any) -> None:
    qtbot.waitUntil(lambda: window.checks.box is None, timeout=WAIT_MS)


def _by_keyboard(qtbot: QtBot, window: Any, letter: Qt.Key) -> None:
    """File menu open, then the action's underlined letter."""
    menu = window.findChild(QMenu, "fileMenu")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible, timeout=WAIT_MS)
    qtbot.keyClick(menu, letter)


def test_the_actions_are_in_the_file_menu_with_letters_of_their_own(qtbot: QtBot,
                                                                      tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children()[:1])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        menu = window.findChild(QMenu, "fileMenu")
        texts = [a.text() for a in menu.actions() if a.text()]
        assert "&Check the store…" in texts and "Check against the team &hub…" in texts
        letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(letters) == len(set(letters)), texts
        # No hub in Settings: said where to set it, nothing run.
        window.checks.hub_action.trigger()
        assert window.checks.message == NO_HUB and window.checks.box is None
        # The store's own check, from the keyboard; Escape closes its answer.
        _by_keyboard(qtbot, window, Qt.Key.Key_C)
        box = _answer(qtbot, window)
        assert box.text().startswith("The store is sound: encryption, database and audit log"
                                     " checked (1 child, each")
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        _closed(qtbot, window)
        settle(qtbot, app)


def test_an_honest_store_matches_the_hub(qtbot: QtBot, tmp_path: Path, ali: Any) -> None:
    path, settings = _laptop(tmp_path, ali.url("ali"))
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        settle(qtbot, app)
        _by_keyboard(qtbot, window, Qt.Key.Key_H)
        box = _answer(qtbot, window)
        assert box.icon() == QMessageBox.Icon.Information
        assert box.windowTitle() == "The store is sound"
        assert "the log also matches what the hub at" in box.text()
        assert "witnessed at 2 sync(s)" in box.text()
        assert "Traceback" not in box.text()
        button = box.findChild(QPushButton)
        assert button is not None and "Close" in button.text()
        button.click()  # the button
        _closed(qtbot, window)
        window.checks.hub_action.trigger()
        box = _answer(qtbot, window)
        box.close()  # the close box
        _closed(qtbot, window)
        settle(qtbot, app)


def test_an_older_copy_in_the_stores_place_is_caught(qtbot: QtBot, tmp_path: Path,
                                                     ali: Any) -> None:
    path = make_store(tmp_path / "laptop.pacestore", sample_children()[:2])
    witness = path.with_name(path.name + ".witness")
    with CaseStore.open(path, PASSPHRASE) as s:
        sync(s, ali.url("ali"))
    shutil.copy(path, tmp_path / "older")
    shutil.copy(witness, tmp_path / "older.witness")
    with CaseStore.open(path, PASSPHRASE) as s:
        s.save_child_details(replace(s.child("C-001"), known_as="Ally"))
        sync(s, ali.url("ali"))
    shutil.copy(tmp_path / "older", path)  # the older copy, with its own witness
    shutil.copy(tmp_path / "older.witness", witness)
    settings = tmp_path / "settings.toml"
    settings.write_text(tomli_w.dumps({"hub_url": ali.url("ali")}))
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        settle(qtbot, app)
        window.checks.store_action.trigger()  # the store alone cannot tell
        box = _answer(qtbot, window)
        assert box.text().startswith("The store is sound")
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        _closed(qtbot, window)
        window.checks.hub_action.trigger()
        box = _answer(qtbot, window)
        assert box.icon() == QMessageBox.Icon.Warning
        assert box.text().startswith("The store has 1 problem(s):")
        assert "missing: the hub at" in box.text() and "older copy" in box.text()
        assert window.statusBar().currentMessage() == "The store has 1 problem(s)."
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        _closed(qtbot, window)
        settle(qtbot, app)


def test_a_password_is_asked_for_this_check_only(qtbot: QtBot, tmp_path: Path,
                                                 ali: Any) -> None:
    path, settings = _laptop(tmp_path, ali.url("ali"))
    ali.passfile.write_text("")  # nothing for libpq to find
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        settle(qtbot, app)

        def prompt() -> tuple[Any, QLineEdit]:
            window.checks.hub_action.trigger()
            qtbot.waitUntil(lambda: window.checks.password_prompt is not None
                            and window.checks.password_prompt.isVisible(),
                            timeout=WAIT_MS * 3)
            box = window.checks.password_prompt
            assert box.sync_button.text() == "&Check"
            field = box.findChild(QLineEdit, "hubPasswordField")
            assert field.echoMode() == QLineEdit.EchoMode.Password
            return box, field

        box, _ = prompt()
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.checks.password_prompt is None, timeout=WAIT_MS)
        assert window.checks.message.startswith("Not checked against the hub: no password"
                                                " given. The hub at")
        box, field = prompt()
        qtbot.keyClicks(field, SECRET)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        answer = _answer(qtbot, window)
        assert "witnessed at 2 sync(s)" in answer.text()
        qtbot.keyClick(answer, Qt.Key.Key_Escape)
        _closed(qtbot, window)
        box, field = prompt()  # never kept: asked again
        assert field.text() == ""
        box.close()
        qtbot.waitUntil(lambda: window.checks.password_prompt is None, timeout=WAIT_MS)
        shown = [window.checks.message, window.statusBar().currentMessage()]
        assert not any(SECRET in text for text in shown)
        settle(qtbot, app)
