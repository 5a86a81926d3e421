"""Recording a move from the child's record (issue 12): the keyboard reaches it, Escape
closes it, its messages are the core's episode checks (the words the store refuses with),
and saving is the store's one `add_move` operation: the home the child leaves ends on the
day of the move and the new one starts that day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, LivingEpisode
from pace_desktop.domain.episode_rules import clash_words
from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.child.move_dialog import MoveDialog
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.store import CaseStore, OpChanges, RuleBroken
from pace_desktop.views.episode_checks import Problems, check_move
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    choose,
    make_store,
    running_app,
    sample_children,
    settle,
    type_into,
    unlock,
)

FOSTER = LivingEpisode("foster", date(2024, 3, 3), id="l1")  # C-001's home (sample_children)


@pytest.fixture
def app_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[PaceApp, MainWindow]]:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        window.record.show_tab(window.record.living.accessibleName())
        yield app, window


def living_of(qtbot: QtBot, app: PaceApp, ref: str) -> tuple[LivingEpisode, ...]:
    found: list[Child] = []
    app.runner.call(lambda store: store.child(ref), found.append)
    settle(qtbot, app)
    return tuple(sorted(found[0].living, key=lambda e: e.start))


def open_by_keyboard(qtbot: QtBot, window: MainWindow) -> MoveDialog:
    """Tab to "Record a move…" and press Space, as a keyboard user would."""
    button = window.record.move_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = window.record.dialog
    assert isinstance(dialog, MoveDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def test_a_move_typed_at_the_keyboard_ends_the_old_home_and_starts_the_new(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow]) -> None:
    app, window = app_window
    dialog = open_by_keyboard(qtbot, window)
    assert dialog.focusWidget() is dialog.date  # typing starts in the move's date
    assert "since 3 Mar 2024" in dialog.findChildren(type(dialog.store_message))[0].text()
    # Before the foster home began: the core's clash words, beside the date.
    qtbot.keyClicks(dialog.date, "1 Jan 2024")
    qtbot.keyClick(dialog.date, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.message("date") == clash_words(FOSTER)
    assert dialog.message("type") == "Choose where the child moved to."
    assert living_of(qtbot, app, "C-001") == (FOSTER,)  # nothing written

    type_into(qtbot, dialog.date, "12 Jun 2025")
    dialog.type.setFocus()
    choose(dialog.type, "kinship")
    qtbot.keyClicks(dialog.reason, "To live with her aunt")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)  # Enter saves
    changes = saved.args[0]
    assert isinstance(changes, OpChanges) and changes.operation == "add a move"
    assert changes.touches("C-001", "living")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    old, new = living_of(qtbot, app, "C-001")
    assert (old.type, old.start, old.end) == ("foster", date(2024, 3, 3), date(2025, 6, 12))
    assert (new.type, new.start, new.end) == ("kinship", date(2025, 6, 12), None)
    assert new.reason_for_move == "To live with her aunt"
    # The record on screen follows the store: two homes now.
    qtbot.waitUntil(lambda: window.record.living.model.rowCount() == 2, timeout=WAIT_MS)


def test_escape_closes_the_move_and_writes_nothing(
        qtbot: QtBot, app_window: tuple[PaceApp, MainWindow]) -> None:
    app, window = app_window
    dialog = open_by_keyboard(qtbot, window)
    qtbot.keyClick(dialog.date, Qt.Key.Key_Escape)  # nothing typed: closes at once
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert living_of(qtbot, app, "C-001") == (FOSTER,)


def test_the_dialog_and_the_store_refuse_a_move_with_the_same_words(tmp_path: Path) -> None:
    """A move that would overlap a later home: the check says what the store refuses."""
    later = LivingEpisode("kinship", date(2025, 1, 1), id="l2")
    earlier = LivingEpisode("foster", date(2024, 1, 1), date(2025, 1, 1), id="l1")
    problems: Problems = {}
    check_move("residential_la", date(2024, 6, 1), [earlier, later], problems)
    assert problems == {"date": clash_words(later)}
    path = make_store(tmp_path / "s.pacestore")
    with CaseStore.open(path, PASSPHRASE) as store:
        store.import_children([Child(ref="M-1", given_name="Iona", family_name="Reid",
                                     date_of_birth=date(2020, 1, 1), living=(earlier, later))])
        with pytest.raises(RuleBroken) as refused:
            store.add_move("M-1", LivingEpisode("residential_la", date(2024, 6, 1)))
        assert str(refused.value) == problems["date"]
        assert [e.end for e in store.child("M-1").living] == [date(2025, 1, 1), None]
