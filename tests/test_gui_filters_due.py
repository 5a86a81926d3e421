"""Caseload filters and the due list: most urgent first, status as words and a shape."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, Event, LegalEpisode, LivingEpisode
from pace_desktop.gui.child.record import CLOCKS
from pace_desktop.gui.due_model import STATUS
from tests.gui_helpers import WAIT_MS, make_store, running_app, unlock

TODAY = date.today()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def children() -> list[Child]:
    return [
        Child("A-1", "Ailsa", "Brodie", date(2019, 1, 1), allocated_worker="Jo Baird",
              living=(LivingEpisode("foster", ago(100)),),
              legal=(LegalEpisode("cso_away", ago(100)),)),
        Child("B-2", "Ben", "Cowie", date(2018, 1, 1), allocated_worker="Sam Lee",
              living=(LivingEpisode("kinship", ago(50)),),
              legal=(LegalEpisode("s25", ago(50)),),
              events=(Event(ago(10), "Permanence recommended", "permanence_recommendation",
                            route="po"),)),
        Child("C-3", "Cara", "Dow", date(2017, 1, 1), allocated_worker="Jo Baird",
              living=(LivingEpisode("foster", ago(20)),)),
        Child("D-4", "Dan", "Ewing", date(2016, 1, 1),
              living=(LivingEpisode("at_home", ago(400)),)),
    ]


def test_filters_and_the_due_list(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        rows = window.due_rows()
        assert [(r[0], r[1]) for r in rows] == [
            ("▲ Overdue 58 days", "Ailsa Brodie (A-1)"),  # longest overdue first
            ("▲ Overdue 8 days", "Ben Cowie (B-2)"),
            ("● Due in 22 days", "Cara Dow (C-3)"),
        ]
        # Colour repeats what the words and shapes say; it is never the only signal.
        first = window.due_model.index(0, STATUS)
        assert first.data(Qt.ItemDataRole.ForegroundRole) is not None
        assert "▲ 2 overdue · ● 1 due within 28 days" in window.due_hint.text()

        window.choose_filter(window.worker_filter, "Jo Baird")
        assert window.shown_refs() == ["A-1", "C-3"]
        assert window.statusBar().currentMessage() == "2 of 4 children match the filters"
        window.choose_filter(window.living_filter, "foster")
        assert window.shown_refs() == ["A-1", "C-3"]
        window.choose_filter(window.legal_filter, "cso_away")
        assert window.shown_refs() == ["A-1"]
        window.clear_filters()
        assert window.shown_count == 4
        window.choose_filter(window.route_filter, "po")
        assert window.shown_refs() == ["B-2"]
        window.choose_filter(window.route_filter, "")  # no route recommended yet
        assert window.shown_refs() == ["A-1", "C-3", "D-4"]
        window.clear_filters()
        window.choose_filter(window.living_filter, "at_home")
        assert window.shown_refs() == ["D-4"]
        labels = [window.worker_filter.itemText(i) for i in range(window.worker_filter.count())]
        assert labels == ["Any worker", "Jo Baird (2)", "Sam Lee (1)", "No worker allocated (1)"]

        # Search and filters combine.
        window.clear_filters()
        window.choose_filter(window.worker_filter, "Jo Baird")
        qtbot.keyClicks(window.search_edit, "Dow")
        qtbot.waitUntil(lambda: window.shown_refs() == ["C-3"], timeout=WAIT_MS)


def test_enter_on_the_due_list_opens_the_childs_clocks(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.due_table.setFocus()
        window.due_table.setCurrentIndex(window.due_model.index(1, 0))
        qtbot.keyClick(window.due_table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        assert window.record.ref == "B-2"
        assert window.record.current_tab == CLOCKS
        clocks = window.record.clocks.model
        statuses = [clocks.index(r, 0).data() for r in range(clocks.rowCount())]
        assert "▲ Overdue 8 days" in statuses
        assert any(s.startswith("✓ Met") for s in statuses)  # the direction of plan was met

        # Back, then Enter on the caseload opens a child too.
        qtbot.mouseClick(window.record.back_button, Qt.MouseButton.LeftButton)
        window.table.setCurrentIndex(window.model.index(3, 0))
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.record.ref == "D-4"
                        and window.record.view is not None, timeout=WAIT_MS)


def test_the_due_list_is_on_screen_before_routes_and_run_charts(qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    """Kept judgements put the whole due list up first; the chunks that gather routes and
    run-chart measures come after it and do not replace it with a part of itself."""
    path = make_store(tmp_path / "caseload.pacestore", children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        seen: list[tuple[int, bool, str]] = []

        def shown() -> None:
            judging = window._judging
            seen.append((window.due_model.rowCount(),
                         judging is not None and judging.chunks_left > 0,
                         window.due_hint.text()))

        window.due_model.modelReset.connect(shown)
        window.load_facts()
        qtbot.waitUntil(lambda: window._judging is None, timeout=WAIT_MS)
        assert seen[0][:2] == (3, True)  # the whole list, while routes were still gathered
        assert "still being worked out" in seen[0][2]
        assert all(count == 3 for count, _, _ in seen)
        assert "▲ 2 overdue · ● 1 due within 28 days" in window.due_hint.text()
