"""The caseload table and its search, over a real store opened through the worker."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.gui.app import PaceApp
from pace_desktop.gui.caseload_model import (
    BIRTH,
    LIVING,
    NAME,
    REF,
    REF_ROLE,
    CaseloadModel,
    Criteria,
    plain_date,
)
from pace_desktop.gui.main_window import MainWindow
from pace_desktop.store import CaseloadRow, CaseStore
from tests.gui_helpers import PASSPHRASE, make_store, running_app, sample_children

WAIT_MS = 10_000


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return make_store(tmp_path / "caseload.pacestore", sample_children())


@pytest.fixture
def unlocked(qtbot: QtBot, store_file: Path) -> Iterator[tuple[PaceApp, MainWindow]]:
    with running_app(store_file, store_file) as app:
        qtbot.keyClicks(app.unlock_window.passphrase_edit, PASSPHRASE)
        qtbot.keyClick(app.unlock_window.passphrase_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.main_window is not None
                        and app.main_window.model.rowCount() == 3, timeout=WAIT_MS)
        assert app.main_window is not None
        yield app, app.main_window


def test_model_shows_the_store_caseload(qtbot: QtBot, store_file: Path) -> None:
    with CaseStore.open(store_file, PASSPHRASE) as store:
        model = CaseloadModel(store.caseload())
    assert model.rowCount() == 3
    assert model.columnCount() == 4
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Reference", "Name", "Date of birth", "Where the child lives now"]

    def cell(row: int, column: int) -> str:
        return model.data(model.index(row, column))

    assert [cell(0, c) for c in (REF, NAME, BIRTH, LIVING)] == [
        "C-001", "Ailsa Brodie", "2 Jun 2021", "With foster carers, since 3 Mar 2024"]
    assert cell(1, NAME) == "Cal Dunbar"  # the name the child goes by
    assert cell(1, LIVING) == "With friends or relatives (kinship care), since 9 Jan 2023"
    assert cell(2, LIVING) == "Left care on 31 Aug 2022"
    assert model.data(model.index(2, BIRTH), REF_ROLE) == "C-003"


def test_plain_dates() -> None:
    assert plain_date(date(2021, 6, 2)) == "2 Jun 2021"
    assert plain_date(date(2012, 12, 25)) == "25 Dec 2012"
    assert plain_date(None) == ""


def test_nothing_recorded_yet_is_said_plainly() -> None:
    row = CaseloadRow("C-9", "Test Child", date(2020, 1, 1), None, None, None, None, None)
    model = CaseloadModel([row])
    assert model.data(model.index(0, LIVING)) == "Not recorded yet"


def many_rows(n: int) -> list[CaseloadRow]:
    return [CaseloadRow(f"C-{i:05d}", f"Child {i}", date(2005 + i % 18, 1 + i % 12, 1 + i % 28),
                        None, "foster", date(2024, 1, 1), None, None) for i in range(n)]


def test_sorting_and_filtering_ten_thousand_children(qtbot: QtBot) -> None:
    model = CaseloadModel(many_rows(10_000))
    model.sort(BIRTH, Qt.SortOrder.DescendingOrder)
    model.show_only({"C-00007", "C-09999", "C-00100"})
    assert model.rowCount() == 3
    births = [model.row_at(r).date_of_birth for r in range(model.rowCount())]
    assert births == sorted(births, reverse=True)  # the shown rows keep the chosen order
    assert model.data(model.index(0, REF)) == model.row_at(0).ref
    model.set_criteria(Criteria(worker="nobody"))
    assert model.rowCount() == 0 and len(model.refs()) == 10_000  # refs: everyone
    model.set_criteria(Criteria())
    model.show_only(None)
    assert model.rowCount() == 10_000


def test_clicking_a_header_sorts(qtbot: QtBot,
                                 unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = unlocked
    header = window.table.horizontalHeader()
    header.setSortIndicator(BIRTH, Qt.SortOrder.AscendingOrder)
    assert window.shown_refs() == ["C-003", "C-002", "C-001"]  # the eldest first
    header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
    assert window.shown_refs() == ["C-001", "C-002", "C-003"]  # by family name


def test_search_narrows_the_list(qtbot: QtBot, unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = unlocked
    qtbot.keyClicks(window.search_edit, "Dunb")
    qtbot.waitUntil(lambda: window.shown_count == 1, timeout=WAIT_MS)
    assert window.shown_refs() == ["C-002"]
    assert window.statusBar().currentMessage() == "1 of 3 children match “Dunb”"


def test_search_finds_children_by_their_chronology(
        qtbot: QtBot, unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = unlocked
    qtbot.keyClicks(window.search_edit, "nursery bruis")
    qtbot.waitUntil(lambda: window.shown_refs() == ["C-001"], timeout=WAIT_MS)


def test_no_match_is_said_plainly_and_clearing_shows_everyone(
        qtbot: QtBot, unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = unlocked
    qtbot.keyClicks(window.search_edit, "zebra")
    qtbot.waitUntil(lambda: window.shown_count == 0, timeout=WAIT_MS)
    assert window.empty_label.isVisible()
    assert "No child matches “zebra”" in window.empty_label.text()
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.shown_count == 3, timeout=WAIT_MS)
    assert window.statusBar().currentMessage() == "3 children"
    assert not window.empty_label.isVisible()


def test_only_the_newest_search_counts(qtbot: QtBot,
                                       unlocked: tuple[PaceApp, MainWindow]) -> None:
    app, window = unlocked
    # Typing quickly, then changing one's mind: the answer shown is for the final text.
    for text in ("Bro", "Brodie", "Fraser"):
        window.search_edit.setText(text)
        window.search_now()  # each search goes out, as if typing paused each time
    qtbot.waitUntil(lambda: not app.runner.busy, timeout=WAIT_MS)
    assert window.shown_refs() == ["C-003"]


def test_main_window_controls_have_accessible_names(
        qtbot: QtBot, unlocked: tuple[PaceApp, MainWindow]) -> None:
    _, window = unlocked
    assert window.search_edit.accessibleName()
    assert window.table.accessibleName()
    assert window.windowTitle().startswith("PACE Desktop")
