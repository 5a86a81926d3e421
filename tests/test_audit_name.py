"""The audit log names the person from Settings ("the user's name for the audit log"), in the
app and on the command line; without one, the login name."""

from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pace_desktop.cli import main
from pace_desktop.domain import Event
from pace_desktop.settings import Settings, save_settings
from pace_desktop.store import CaseStore
from tests.conftest import FIXTURES, PASSPHRASE
from tests.gui_helpers import PASSPHRASE as GUI_PASSPHRASE
from tests.gui_helpers import (
    make_store,
    running_app,
    sample_children,
    settle,
    unlock,
)


def test_the_app_writes_the_settings_name_into_the_audit_log(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    settings_file = tmp_path / "settings.toml"
    save_settings(Settings(user_name="Ewan Rendall"), settings_file)
    with running_app(path, path, settings_path=settings_file) as app:
        unlock(qtbot, app)
        app.runner.call(lambda s: s.add_event("C-001", Event(date(2025, 1, 1), "Visit")))
        settle(qtbot, app)
        app.apply_settings(Settings(user_name="Morag Reid"))  # as the Settings dialog does
        app.runner.call(lambda s: s.add_event("C-001", Event(date(2025, 1, 2), "Call")))
        settle(qtbot, app)
    with CaseStore.open(path, GUI_PASSPHRASE) as store:
        entries = store.audit_entries()
        who = [e.who for e in entries if e.operation == "add chronology entry"][:2]
        # Saving Settings with a new name also names the store's user (issue 13), by that name.
        named = [e.who for e in entries if e.operation == "set named user"]
    assert who == ["Morag Reid", "Ewan Rendall"]
    assert named == ["Morag Reid"]


def test_the_command_line_uses_the_settings_name(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    store = str(tmp_path / "s.pacestore")
    assert main(["init", "--store", store]) == 0
    save_settings(Settings(user_name="Ailsa Tait"))  # into the settings folder of XDG_CONFIG_HOME
    assert main(["import", str(FIXTURES / "journeys.json"), "--store", store]) == 0
    capsys.readouterr()
    with CaseStore.open(store, PASSPHRASE) as s:
        entries = s.audit_entries()
        assert entries[0].who == "Ailsa Tait"  # the import
        assert entries[-1].who == getpass.getuser()  # the store was created before the setting
        assert s.meta()["owner"] == getpass.getuser()
