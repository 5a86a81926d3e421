"""Every record dialog keeps the bounds an import keeps (domain.bounds, one place): a name
one character too long and a date in year 1 or 9999 are refused beside the field, in plain
words, and nothing is saved; Settings and the named user likewise (issue 17)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from pace_desktop.domain.bounds import MAX_NAME, SHORT_FIELDS, length_problem, limit_for
from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.child.quick_dialogs import VisitDialog
from pace_desktop.gui.child.withholding import NondisclosureDialog
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.settings import Settings, SettingsError, validate
from pace_desktop.store import StoreError
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, settle, unlock
from tests.test_gui_dialog_entry import every_dialog, save

DATE_FIELDS = ("born", "start", "end", "date", "requested", "on")


@pytest.fixture
def app_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PaceApp, MainWindow]]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        yield app, window


def _audit_length(qtbot: QtBot, app: PaceApp) -> int:
    found: list[int] = []
    app.runner.call(lambda s: len(s.audit_entries(limit=100_000)), found.append)
    settle(qtbot, app)
    return found[0]


def _dialogs(window: MainWindow) -> list:  # noqa: ANN401 - every kind of record dialog
    rec = window.record
    assert rec.ref is not None
    assert rec.view is not None
    child = rec.view.child
    extra = [VisitDialog(window._runner, rec.ref, "Morag Test", window),
             NondisclosureDialog(window._runner, child, [("events/x", "an entry")], window)]
    return every_dialog(window) + extra


def test_a_name_too_long_is_refused_beside_it_in_every_dialog(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow]) -> None:
    app, window = app_window
    before = _audit_length(qtbot, app)
    tried = 0
    for dialog in _dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        for name, record_field in dialog.bound.items():
            box = dialog.fields[name]
            if record_field not in SHORT_FIELDS or record_field == "chi" \
                    or not isinstance(box, QLineEdit) or box.isReadOnly():
                # (a CHI number has its own sharper rule: ten digits)
                continue
            kept = box.text()
            box.setText("N" * (MAX_NAME + 1))
            save(qtbot, dialog)
            assert dialog.isVisible(), (type(dialog).__name__, name)
            assert dialog.message(name) == (f"This is too long ({MAX_NAME + 1} characters;"
                                             f" at most {MAX_NAME}).")
            assert length_problem(record_field, "N" * MAX_NAME) is None  # at the bound
            box.setText(kept)
            tried += 1
        dialog.close()
    assert tried >= 8  # names, references, workers, phone, author...
    assert _audit_length(qtbot, app) == before  # nothing was saved


@pytest.mark.parametrize("typed", ["1/1/0001", "31/12/9999"])
def test_year_1_and_9999_are_refused_beside_the_date_in_every_dialog(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow], typed: str) -> None:
    app, window = app_window
    before = _audit_length(qtbot, app)
    tried = 0
    for dialog in _dialogs(window):
        qtbot.addWidget(dialog)
        dialog.show()
        for name in DATE_FIELDS:
            box = dialog.fields.get(name)
            if not isinstance(box, QLineEdit):
                continue
            box.setText(typed)
            save(qtbot, dialog)
            assert dialog.isVisible()
            assert "Dates must be between the years 1900 and 2200" in dialog.message(name), \
                (type(dialog).__name__, name, dialog.message(name))
            tried += 1
        dialog.close()
    assert tried >= 6
    assert _audit_length(qtbot, app) == before  # nothing was saved


def test_settings_and_the_named_user_keep_the_same_bounds(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow]) -> None:
    app, _ = app_window
    with pytest.raises(SettingsError, match=r"user_name: is too long \(201 characters"):
        validate({"user_name": "N" * 201}, "Settings")
    assert validate({"user_name": "N" * 200}, "Settings") == Settings(user_name="N" * 200)
    assert limit_for("user_name") == MAX_NAME
    errors: list[Exception] = []
    app.runner.call(lambda s: s.set_named_user("N" * 201), None, errors.append)
    settle(qtbot, app)
    assert isinstance(errors[0], StoreError) and "too long" in str(errors[0])


@pytest.mark.parametrize("typed", ["1/1/0001", "31/12/9999"])
def test_the_meeting_form_keeps_the_same_bounds(qtbot: QtBot, tmp_path: Path,
                                                typed: str) -> None:
    from tests.test_gui_meeting_form import line, open_editor

    path = make_store(tmp_path / "caseload.pacestore", sample_children()[:1])
    from pace_desktop.gui.store_worker import StoreRunner
    from tests.gui_helpers import PASSPHRASE

    runner = StoreRunner()
    opened: list[object] = []
    runner.open(path, PASSPHRASE, done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT_MS)
    try:
        editor = open_editor(qtbot, runner)
        line(editor, "field_date").setText(typed)
        line(editor, "field_next_review").setText(typed)
        line(editor, "field_chair").setText("N" * (MAX_NAME + 1))
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        view = editor.form_view
        assert view is not None
        shown = view.problems_shown()
        for name in ("date", "next_review"):
            assert "between the years 1900 and 2200" in shown[name], shown
        assert f"too long ({MAX_NAME + 1} characters; at most {MAX_NAME})" in shown["chair"]
        found: list[object] = []
        runner.call(lambda s: s.child("C-001").meetings, found.append)
        qtbot.waitUntil(lambda: bool(found), timeout=WAIT_MS)
        assert found[0] == ()  # nothing saved
    finally:
        runner.shutdown()
