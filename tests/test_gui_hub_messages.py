"""What the app says when a sync cannot happen, against the real PostgreSQL hub: one plain
line of the right kind (never a traceback, never "offline" for a login or schema problem);
and the password asked for in a password field when libpq finds none, used for that sync
only: never in Settings, never shown, asked again next time. (Offline:
test_gui_hub_sync.py; a certificate that fails: test_hub_tls.py.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import tomli_w
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from pace_desktop.hub import admin
from pace_desktop.hub.laptop import sync
from pace_desktop.hub.schema import LATEST
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

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SECRET = "ali-very-secret-7"


@pytest.fixture
def ali(hub: Any, tmp_path: Path) -> Any:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali", SECRET)
    with CaseStore.create(tmp_path / "office.pacestore", PASSPHRASE, "Ali") as office:
        office.import_children(sample_children()[:1])
        sync(office, hub.url("ali"))
    return hub


def _app(tmp_path: Path, url: str) -> tuple[Path, Path]:
    settings = tmp_path / "settings.toml"
    settings.write_text(tomli_w.dumps({"hub_url": url}))
    return make_store(tmp_path / "laptop.pacestore"), settings


def _sync(qtbot: QtBot, window: Any) -> None:
    window.activateWindow()  # back from a dialog: the shortcut is the main window's
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: not window.hub.running, timeout=WAIT_MS * 3)


@pytest.mark.parametrize("trouble", ["wrong password", "newer schema"])
def test_a_login_or_schema_problem_is_one_plain_line_not_offline(
        qtbot: QtBot, tmp_path: Path, ali: Any, trouble: str) -> None:
    place = f"this laptop/{ali.database}"
    if trouble == "wrong password":
        ali.passfile.write_text(f"*:*:{ali.database}:ali:not-it\n")
        says = (f"The sync did not finish: The hub at {place} did not let ali in: check the"
                " password in your PGPASSFILE (~/.pgpass), or ask the hub's administrator"
                " whether this login may sync.")
    else:
        with ali.admin() as conn:
            conn.execute("INSERT INTO pace.schema_version (version) VALUES (%s)",
                         (LATEST + 1,))
            conn.commit()
        says = (f"The sync did not finish: The hub at {place} has a newer schema (version"
                f" {LATEST + 1}) than this PACE Desktop knows ({LATEST}): update PACE Desktop"
                " on this laptop before syncing.")
    path, settings = _app(tmp_path, ali.url("ali"))
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        settle(qtbot, app)
        before = path.read_bytes()
        _sync(qtbot, window)
        assert window.hub.message == says
        assert window.statusBar().currentMessage() == says
        label = window.findChild(QLabel, "hubSyncLabel")
        assert label.text() == "Not synced" and label.toolTip() == says.split(": ", 1)[1]
        assert window.hub.password_prompt is None  # a wrong password is not asked again
        assert window.hub.action.isEnabled()
        settle(qtbot, app)
        assert path.read_bytes() == before


def test_a_password_is_asked_for_this_sync_only(qtbot: QtBot, tmp_path: Path,
                                                ali: Any) -> None:
    ali.passfile.write_text("")  # nothing for libpq to find
    path, settings = _app(tmp_path, ali.url("ali"))
    with running_app(path, path, settings_path=settings) as app:
        window = unlock(qtbot, app)
        label = window.findChild(QLabel, "hubSyncLabel")

        def prompt() -> Any:
            _sync(qtbot, window)
            qtbot.waitUntil(lambda: window.hub.password_prompt is not None
                            and window.hub.password_prompt.isVisible(), timeout=WAIT_MS)
            box = window.hub.password_prompt
            field = box.findChild(QLineEdit, "hubPasswordField")
            assert field.echoMode() == QLineEdit.EchoMode.Password and field.hasFocus()
            return box, field

        # Escape: no sync, said so.
        box, _ = prompt()
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.hub.password_prompt is None, timeout=WAIT_MS)
        assert window.hub.message.startswith("Not synced: no password given. The hub at")
        # A wrong one: the hub says no, plainly.
        box, field = prompt()
        qtbot.keyClicks(field, "guess")
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.hub.password_prompt is None and not window.hub.running,
                        timeout=WAIT_MS * 3)
        assert "did not let ali in: check the password typed" in window.hub.message
        # The right one: the sync runs with it.
        box, field = prompt()
        qtbot.keyClicks(field, SECRET)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.hub.password_prompt is None, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not window.hub.running and window.hub.last_report is not None,
                        timeout=WAIT_MS * 3)
        assert window.hub.last_report.pulled == ["C-001"]
        assert label.text().endswith(": 1 new from the hub")
        # Never kept: the next sync asks again.
        box, field = prompt()
        assert field.text() == ""
        box.close()  # the close box: as Escape
        qtbot.waitUntil(lambda: window.hub.password_prompt is None, timeout=WAIT_MS)
        assert window.hub.message.startswith("Not synced: no password given.")
        settle(qtbot, app)
        shown = [window.hub.message, label.text(), label.toolTip(),
                 window.statusBar().currentMessage()]
        assert not any(SECRET in text for text in shown)
    assert SECRET not in settings.read_text()
    assert ali.passfile.read_text() == ""
