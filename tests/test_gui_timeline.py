"""The timeline widget with real widgets (pytest-qt), and the `timeline` command."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from pace_desktop.domain import Child, Event, LivingEpisode
from pace_desktop.gui.timeline.timeline_view import TimelineView
from pace_desktop.journey import load_rules
from pace_desktop.store import CaseStore
from tests.fixture_children import fixture_children, fixture_expected

AS_OF, _ = fixture_expected()
RULES = load_rules(None)
CHILDREN = {c.ref: c for c in fixture_children()}
ROOT = Path(__file__).resolve().parents[1]


def with_ids(child: Child) -> Child:
    """Fixture children carry no ids; give each record one so clicks can name it."""
    from dataclasses import replace

    return replace(
        child,
        living=tuple(replace(e, id=f"L{i}") for i, e in enumerate(child.living)),
        legal=tuple(replace(e, id=f"G{i}") for i, e in enumerate(child.legal)),
        events=tuple(replace(e, id=f"E{i}") for i, e in enumerate(child.events)),
        meetings=tuple(replace(m, id=f"M{i}") for i, m in enumerate(child.meetings)),
    )


def big_child() -> Child:
    start = date(2018, 1, 1)
    living = tuple(LivingEpisode("foster" if i % 2 else "kinship", start + timedelta(days=40 * i),
                                 start + timedelta(days=40 * i + 39), id=f"L{i}")
                   for i in range(60))
    events = tuple(Event(start + timedelta(days=i), f"Entry {i}", id=f"E{i}")
                   for i in range(2000))
    return Child("BIG-1", "Robin", "Large", date(2012, 2, 29), living=living, events=events)


@pytest.fixture
def view(qtbot) -> TimelineView:  # noqa: ANN001
    v = TimelineView(with_ids(CHILDREN["FX-A"]), RULES, AS_OF)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_the_widget_shows_the_model(view: TimelineView) -> None:
    assert view.model.child_ref == "FX-A"
    assert view.item_count() <= 15
    drawn = sum(len(s.data) for s in view._scatters.values())
    assert drawn == len(view.model.markers) + len(view.model.windows)
    (x0, x1), _ = view.vb.viewRange()
    assert (x0, x1) == pytest.approx(view.model.x_range)


def test_few_items_for_a_child_with_2000_entries(qtbot) -> None:  # noqa: ANN001
    v = TimelineView(big_child(), RULES, AS_OF)
    qtbot.addWidget(v)
    v.resize(1400, 800)
    v.show()
    qtbot.waitExposed(v)
    assert len(v.model.markers) >= 2000 and len(v.model.bars) == 60
    assert v.item_count() <= 15


def test_hover_text_at_a_marker(view: TimelineView) -> None:
    review = next(m for m in view.model.markers if m.ref[0] == "meeting")
    text = view.detail_at(review.x, review.y)
    assert text is not None and text.startswith("Looked after child review")
    assert "14 Feb 2025" in text
    assert view.detail_at(review.x, review.y - 0.45) is None


def test_click_on_a_marker_opens_its_record(qtbot, view: TimelineView) -> None:  # noqa: ANN001
    meeting = [m for m in view.model.markers if m.ref[0] == "meeting"][1]
    pos = view.data_to_viewport(meeting.x, meeting.y).toPoint()
    with qtbot.waitSignal(view.open_record, timeout=2000) as blocker:
        QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, pos)
    assert blocker.args == ["meeting", "M1"]


def test_click_on_a_clock_window(qtbot, view: TimelineView) -> None:  # noqa: ANN001
    w = view.model.windows[0]
    x = (w.start.toordinal() + w.due.toordinal()) / 2
    pos = view.data_to_viewport(x, w.lane + 0.14).toPoint()
    with qtbot.waitSignal(view.open_record, timeout=2000) as blocker:
        QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, pos)
    assert blocker.args == ["clock", f"{w.rule}:{w.instance}"]


def test_keys_zoom_pan_and_fit(qtbot, view: TimelineView) -> None:  # noqa: ANN001
    view.plot.setFocus()
    (a0, a1), _ = view.vb.viewRange()
    QTest.keyClick(view.plot, Qt.Key.Key_Plus)
    (b0, b1), _ = view.vb.viewRange()
    assert (b1 - b0) == pytest.approx((a1 - a0) / 2, rel=0.01)
    QTest.keyClick(view.plot, Qt.Key.Key_Right)
    (c0, _c1), _ = view.vb.viewRange()
    assert c0 > b0
    QTest.keyClick(view.plot, Qt.Key.Key_F)
    (d0, d1), _ = view.vb.viewRange()
    assert (d0, d1) == pytest.approx((a0, a1))


def test_as_of_replay_changes_statuses(qtbot, view: TimelineView) -> None:  # noqa: ANN001
    before = {(w.rule, w.instance): w.status for w in view.model.windows}
    assert "overdue" in before.values()
    with qtbot.waitSignal(view.as_of_changed, timeout=2000):
        view._date_edit.setDate(view._date_edit.date().addDays(-400))  # as a person would
    assert view.as_of == AS_OF - timedelta(days=400)
    after = {(w.rule, w.instance): w.status for w in view.model.windows}
    assert after != before
    assert all(m.date <= view.as_of for m in view.model.markers)
    assert view.detail_at(view.model.as_of_x + 200, 0.14) is None  # nothing after as-of


def test_set_child_shows_another_child(view: TimelineView) -> None:
    view.set_child(with_ids(CHILDREN["FX-B"]))
    assert view.model.child_ref == "FX-B"
    assert view.model.lanes[0].label == "Where Callum lives"


def test_export_png_at_the_requested_width(view: TimelineView, tmp_path: Path) -> None:
    out = view.export_png(tmp_path / "t.png", 1600)
    image = QImage(str(out))
    assert not image.isNull() and image.width() == 1600 and image.height() > 200


def test_export_svg_is_valid_xml(view: TimelineView, tmp_path: Path) -> None:
    out = view.export_svg(tmp_path / "t.svg")
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "Where Isla lives" in text


def test_the_timeline_command_writes_a_png(tmp_path: Path) -> None:
    store_path = tmp_path / "store.pacestore"
    passphrase = "timeline test passphrase"
    store = CaseStore.create(store_path, passphrase, "Test Owner")
    try:
        store.import_children([CHILDREN["FX-A"]])
    finally:
        store.close()
    env = {**os.environ, "PACE_PASSPHRASE": passphrase, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "x.png"
    run = subprocess.run(
        [sys.executable, "-m", "pace_desktop", "timeline", "--store", str(store_path),
         "--child", "FX-A", "--as-of", "2026-06-30", "--out", str(out), "--width", "1200"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert image.width() == 1200 and image.height() > 300
    bad = subprocess.run(
        [sys.executable, "-m", "pace_desktop", "timeline", "--store", str(store_path),
         "--child", "FX-A", "--out", str(tmp_path / "x.jpg")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0
    assert ".png" in bad.stderr + bad.stdout and "Traceback" not in bad.stderr
