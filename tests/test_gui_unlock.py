"""The unlock window, driven as a person would: typing, Enter, clicks; real store files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.gui.unlock_window import DEMO_PASSPHRASE, Page
from pace_desktop.store import CaseStore
from tests.gui_helpers import OWNER, PASSPHRASE, make_store, running_app, sample_children

WAIT_MS = 10_000  # key derivation is ~0.2 s; a busy CI machine gets plenty of room


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return make_store(tmp_path / "caseload.pacestore", sample_children())


def type_and_enter(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_existing_store_opens_ready_for_the_passphrase(qtbot: QtBot, store_file: Path) -> None:
    with running_app(store_file, store_file) as app:
        window = app.unlock_window
        qtbot.waitExposed(window)
        assert window.page == Page.UNLOCK
        assert window.path_edit.text() == str(store_file)
        assert window.focusWidget() is window.passphrase_edit


def test_wrong_passphrase_says_so_and_changes_nothing(qtbot: QtBot, store_file: Path) -> None:
    before = {p.name: p.read_bytes() for p in store_file.parent.iterdir()}
    with running_app(store_file, store_file) as app:
        window = app.unlock_window
        qtbot.waitExposed(window)
        type_and_enter(qtbot, window.passphrase_edit, "not the right passphrase")
        qtbot.waitUntil(lambda: window.unlock_message.isVisible(), timeout=WAIT_MS)

        assert "does not open this store" in window.unlock_message.text()
        assert window.isVisible()
        assert app.main_window is None
        assert window.passphrase_edit.text() == ""
        assert window.focusWidget() is window.passphrase_edit
        assert window.unlock_button.isEnabled()
    after = {p.name: p.read_bytes() for p in store_file.parent.iterdir()}
    assert after == before


def test_right_passphrase_shows_the_caseload(qtbot: QtBot, store_file: Path) -> None:
    with running_app(store_file, store_file) as app:
        window = app.unlock_window
        qtbot.waitExposed(window)
        type_and_enter(qtbot, window.passphrase_edit, PASSPHRASE)
        qtbot.waitUntil(lambda: app.main_window is not None
                        and app.main_window.model.rowCount() == 3, timeout=WAIT_MS)

        main = app.main_window
        assert main is not None and main.isVisible()
        assert not window.isVisible()
        assert main.shown_refs() == ["C-001", "C-002", "C-003"]
        assert main.statusBar().currentMessage() == "3 children"


def test_the_unlock_button_is_disabled_while_unlocking(qtbot: QtBot, store_file: Path) -> None:
    with running_app(store_file, store_file) as app:
        window = app.unlock_window
        qtbot.keyClicks(window.passphrase_edit, PASSPHRASE)
        qtbot.mouseClick(window.unlock_button, Qt.MouseButton.LeftButton)
        # The click returned at once (the work is on the worker thread), so the window is
        # still responsive and shows that it is busy.
        assert not window.unlock_button.isEnabled()
        assert window.busy_bar.isVisible()
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)


def test_lock_returns_to_the_unlock_window(qtbot: QtBot, store_file: Path) -> None:
    with running_app(store_file, store_file) as app:
        type_and_enter(qtbot, app.unlock_window.passphrase_edit, PASSPHRASE)
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)
        main = app.main_window
        assert main is not None
        qtbot.waitExposed(main)
        qtbot.keyClick(main, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

        assert app.main_window is None
        assert app.unlock_window.isVisible()
        assert app.unlock_window.page == Page.UNLOCK
        qtbot.waitUntil(lambda: not app.runner.busy, timeout=WAIT_MS)
        # The key is dropped: the same window unlocks again only with the passphrase.
        type_and_enter(qtbot, app.unlock_window.passphrase_edit, PASSPHRASE)
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)


def test_a_missing_store_path_opens_the_create_form(qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    with running_app(wanted, tmp_path / "default.pacestore") as app:
        assert app.unlock_window.page == Page.CREATE
        assert app.unlock_window.create_path_edit.text() == str(wanted)


def fill_create_form(qtbot: QtBot, app: object, owner: str, first: str, second: str) -> None:
    window = app.unlock_window  # type: ignore[attr-defined]
    qtbot.keyClicks(window.owner_edit, owner)
    qtbot.keyClicks(window.new_passphrase_edit, first)
    type_and_enter(qtbot, window.confirm_edit, second)


def test_create_refuses_passphrases_that_differ(qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    with running_app(wanted, wanted) as app:
        fill_create_form(qtbot, app, OWNER, PASSPHRASE, PASSPHRASE + "x")
        window = app.unlock_window
        assert window.confirm_message.isVisible()
        assert "not the same" in window.confirm_message.text()
        assert not window.new_passphrase_message.isVisible()
        assert window.focusWidget() is window.confirm_edit
    assert not wanted.exists()


def test_create_refuses_a_short_passphrase(qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    with running_app(wanted, wanted) as app:
        fill_create_form(qtbot, app, OWNER, "too short", "too short")
        window = app.unlock_window
        assert window.new_passphrase_message.isVisible()
        assert "at least 12 characters" in window.new_passphrase_message.text()
        assert window.focusWidget() is window.new_passphrase_edit
    assert not wanted.exists()


def test_create_asks_for_a_name(qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    with running_app(wanted, wanted) as app:
        fill_create_form(qtbot, app, "", PASSPHRASE, PASSPHRASE)
        assert app.unlock_window.owner_message.isVisible()
        assert app.unlock_window.focusWidget() is app.unlock_window.owner_edit
    assert not wanted.exists()


def test_creating_a_store_opens_an_empty_caseload(qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    with running_app(wanted, wanted) as app:
        fill_create_form(qtbot, app, OWNER, PASSPHRASE, PASSPHRASE)
        qtbot.waitUntil(lambda: app.main_window is not None, timeout=WAIT_MS)
        main = app.main_window
        assert main is not None
        qtbot.waitUntil(lambda: main.statusBar().currentMessage() == "0 children",
                        timeout=WAIT_MS)
        assert "no children in this store yet" in main.empty_label.text()
    with CaseStore.open(wanted, PASSPHRASE) as store:
        assert store.meta()["owner"] == OWNER


def test_creating_over_an_existing_file_is_refused_plainly(qtbot: QtBot,
                                                           store_file: Path) -> None:
    before = store_file.read_bytes()
    with running_app(None, store_file.with_name("elsewhere.pacestore"),
                     first_run=True) as app:
        window = app.unlock_window
        qtbot.mouseClick(window.create_choice_button, Qt.MouseButton.LeftButton)
        window.create_path_edit.setText(str(store_file))
        fill_create_form(qtbot, app, OWNER, PASSPHRASE, PASSPHRASE)
        qtbot.waitUntil(lambda: window.message.isVisible(), timeout=WAIT_MS)
        assert "already exists" in window.message.text()
        assert window.isVisible() and app.main_window is None
    assert store_file.read_bytes() == before


def test_first_run_offers_a_new_store_or_the_demo(qtbot: QtBot, tmp_path: Path) -> None:
    default = tmp_path / "caseload.pacestore"
    with running_app(None, default, first_run=True, demo=True) as app:
        window = app.unlock_window
        assert window.page == Page.CHOOSE
        assert window.create_choice_button.isVisible()
        assert window.demo_choice_button.isVisible()
        qtbot.mouseClick(window.create_choice_button, Qt.MouseButton.LeftButton)
        assert window.page == Page.CREATE
        assert window.create_path_edit.text() == str(default)


def test_the_demo_opens_with_made_up_children(qtbot: QtBot, tmp_path: Path) -> None:
    default = tmp_path / "caseload.pacestore"
    with running_app(None, default, first_run=True, demo=True) as app:
        qtbot.mouseClick(app.unlock_window.demo_choice_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: app.main_window is not None
                        and app.main_window.model.rowCount() == 2, timeout=WAIT_MS)
    demo = tmp_path / "demo.pacestore"
    assert not default.exists()
    with CaseStore.open(demo, DEMO_PASSPHRASE) as store:
        assert store.count_children() == 2


def test_no_demo_offer_without_a_demo_maker(qtbot: QtBot, tmp_path: Path) -> None:
    with running_app(None, tmp_path / "caseload.pacestore", first_run=True) as app:
        assert not app.unlock_window.demo_choice_button.isVisible()


def test_every_control_has_an_accessible_name(qtbot: QtBot, store_file: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    with running_app(store_file, store_file) as app:
        controls = [*app.unlock_window.findChildren(QLineEdit),
                    *app.unlock_window.findChildren(QAbstractButton)]
        assert controls
        assert [c.objectName() for c in controls if not c.accessibleName()] == []


def test_create_refuses_a_weak_passphrase_saying_why(qtbot: QtBot, tmp_path: Path) -> None:
    wanted = tmp_path / "new.pacestore"
    with running_app(wanted, wanted) as app:
        fill_create_form(qtbot, app, OWNER, "password1234", "password1234")
        window = app.unlock_window
        assert window.new_passphrase_message.isVisible()
        assert "too easy to guess" in window.new_passphrase_message.text()
        assert window.focusWidget() is window.new_passphrase_edit
    assert not wanted.exists()
