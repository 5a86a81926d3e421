"""Timeline and run chart: model build, first draw, a pan/zoom frame, offscreen at 1600×900.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_timeline.py
"""

from __future__ import annotations

import os
import random
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import report, timed  # noqa: E402
from pace_desktop.demo import generate_child  # noqa: E402
from pace_desktop.domain import Child, LivingEpisode  # noqa: E402
from pace_desktop.journey import MEASURES, CohortPoint, load_rules  # noqa: E402
from pace_desktop.journey.timeline import build_timeline  # noqa: E402

AS_OF = date(2026, 6, 30)


def big_child() -> Child:
    """A demo child padded to 2,000 chronology entries, moved 60 times."""
    child = generate_child(3, events_per_child=2000)
    start = date(2016, 1, 4)
    kinds = ("foster", "kinship", "residential_la", "foster", "prospective_adopters")
    living = tuple(LivingEpisode(kinds[i % len(kinds)], start + timedelta(days=60 * i),
                                 start + timedelta(days=60 * i + 59), id=f"bench-{i}")
                   for i in range(60))
    return replace(child, living=living)


def main() -> None:
    child = big_child()
    rules = load_rules(None)
    print(f"child: {len(child.events)} chronology entries, {len(child.living)} living episodes,"
          f" {len(child.meetings)} meetings")
    report("build the timeline model", timed(lambda: build_timeline(child, rules, AS_OF)), 20)

    t = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from pace_desktop.gui.timeline.timeline_view import TimelineView

    report("import the timeline widget (pyqtgraph)", (time.perf_counter() - t) * 1000)

    def first_draw() -> TimelineView:
        view = TimelineView(child, rules, AS_OF)
        view.resize(1600, 900)
        view.show()
        view.grab()  # forces a complete paint
        return view

    first_draw().close()  # warm caches (fonts, symbol atlas) as the first tab would
    t = time.perf_counter()
    view = first_draw()
    report("first draw (build, create items, paint)", (time.perf_counter() - t) * 1000, 100)
    print(f"  graphics items: {view.item_count()}")

    (x0, x1), _ = view.vb.viewRange()
    step = [0]

    def pan() -> None:
        step[0] += 1
        shift = (x1 - x0) * 0.02 * (1 if step[0] % 2 else -1)
        view.vb.setXRange(x0 + shift, x1 + shift, padding=0)
        view.plot.grab()

    report("pan frame (range change + paint)", timed(pan, 15), 20)

    def zoom() -> None:
        step[0] += 1
        f = 0.5 if step[0] % 2 else 1.0
        mid, half = (x0 + x1) / 2, (x1 - x0) / 2 * f
        view.vb.setXRange(mid - half, mid + half, padding=0)
        view.plot.grab()

    report("zoom frame (range change + paint)", timed(zoom, 15), 20)
    view.close()

    from pace_desktop.gui.runchart.runchart_view import RunChartView

    rng = random.Random(7)
    start = date(2015, 1, 1)
    points = [CohortPoint(f"R-{i:05}", start + timedelta(days=i // 3), rng.randint(20, 400))
              for i in range(10_000)]

    def run_chart() -> None:
        chart = RunChartView()
        chart.resize(1600, 900)
        chart.show()
        chart.set_points(MEASURES[0].id, points, 20)
        chart.grab()
        chart.close()

    run_chart()
    report("run chart of 10,000 points, first draw", timed(run_chart, 3), 200)
    del app


if __name__ == "__main__":
    main()
