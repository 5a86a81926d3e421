"""The cohort run chart widget with real widgets: points, median, signals in words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pace_desktop.gui.runchart.runchart_view import RunChartView
from pace_desktop.journey import MEASURES, CohortPoint, analyse

MEASURE = MEASURES[0].id
# Ten points around 100 days, then seven well below: a shift, and a falling trend within.
DAYS = [100, 120, 90, 110, 95, 105, 130, 85, 100, 115, 60, 55, 50, 45, 40, 35, 30]


def points(days: list[int] = DAYS) -> list[CohortPoint]:
    start = date(2024, 1, 1)
    return [CohortPoint(f"C-{i:03}", start + timedelta(days=20 * i), d)
            for i, d in enumerate(days)]


@pytest.fixture
def view(qtbot) -> RunChartView:  # noqa: ANN001
    v = RunChartView()
    qtbot.addWidget(v)
    v.resize(1100, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_points_median_and_signals(view: RunChartView) -> None:
    view.set_points(MEASURE, points(), baseline=10)
    assert len(view._points.data) == len(DAYS)
    expected = analyse(DAYS, 10)
    assert view._median.isVisible() and view._median.value() == pytest.approx(expected.median)
    assert view._baseline_end.isVisible()
    words = view.explanations()
    assert len(words) == len(expected.signals) >= 2
    for s in expected.signals:
        assert any(s.explanation in w for w in words)
    assert any(w.startswith("■ Shift") for w in words) and any("▲ Trend" in w for w in words)
    shifted = {i for s in expected.shifts for i in s.points}
    assert len(view._shift.data) == len(shifted)
    assert "17 children" in view.summary.text()
    assert view.item_count() <= 8


def test_the_period_filters_points(view: RunChartView) -> None:
    view.set_points(MEASURE, points(), baseline=None)
    view.set_period(date(2024, 1, 1), date(2024, 4, 1))
    assert len(view._points.data) == 5
    assert "No shift or trend" in view.explanations()[0]


def test_choosing_a_measure_asks_for_its_points(qtbot, view: RunChartView) -> None:  # noqa: ANN001
    view.set_points(MEASURE, points())
    with qtbot.waitSignal(view.points_wanted, timeout=1000) as blocker:
        view.measure.setFocus()
        QTest.keyClick(view.measure, Qt.Key.Key_Down)
    assert blocker.args == [MEASURES[1].id]
    assert "no children" in view.summary.text()


def test_a_whole_cohort_at_once(view: RunChartView) -> None:
    view.set_cohort({m.id: points() if i == 0 else [] for i, m in enumerate(MEASURES)})
    assert len(view._points.data) == len(DAYS)
