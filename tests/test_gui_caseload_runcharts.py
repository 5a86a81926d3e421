"""The caseload's Run charts tab: built on first view, showing the children the filters show."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pace_desktop.demo import generate_caseload
from tests.gui_helpers import WAIT_MS, make_store, running_app, unlock


def test_run_charts_follow_the_filters(qtbot: QtBot, tmp_path: Path) -> None:
    children = list(generate_caseload(42, seed=5))
    path = make_store(tmp_path / "caseload.pacestore", children)
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        assert window.run_charts is None  # nothing drawn until someone looks
        window.caseload_tabs.setCurrentWidget(window.run_charts_tab)
        qtbot.waitUntil(lambda: window.run_charts is not None, timeout=WAIT_MS)
        chart = window.run_charts
        assert chart is not None
        measure = "accommodated_to_permanence_recommendation"
        chart.measure.setCurrentIndex(chart.measure.findData(measure))
        everyone = len(chart.shown_points)
        assert everyone > 5

        workers = [window.worker_filter.itemData(i) for i in range(window.worker_filter.count())]
        one = next(w for w in workers if w)
        window.choose_filter(window.worker_filter, one)
        shown = set(window.shown_refs())
        assert 0 < len(shown) < 42
        assert {p.child_ref for p in chart.shown_points} <= shown
        assert len(chart.shown_points) < everyone
        window.clear_filters()
        assert len(chart.shown_points) == everyone
