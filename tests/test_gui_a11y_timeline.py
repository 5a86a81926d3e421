"""Issue 18, item 4: the journey timeline without a mouse and without eyes. The chart says what
it shows, the journey is listed in words in date order, and every toolbar button takes
keyboard focus and has a shortcut. Real widgets, real keys; the Timeline tab of the record is
driven through the real app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QListWidget, QToolBar
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, Decision, Event, LegalEpisode, LivingEpisode, Meeting
from pace_desktop.gui.child.record import TIMELINE
from pace_desktop.journey import load_rules
from tests.a11y_checks import accessible_name
from tests.gui_helpers import WAIT_MS, make_store, running_app, unlock

AS_OF = date(2025, 6, 30)


def rowan() -> Child:
    """A home, an order, a meeting with a decision that is a milestone, an entry, clocks."""
    return Child(
        ref="T-001", given_name="Rowan", family_name="Tulloch", date_of_birth=date(2019, 5, 1),
        living=(LivingEpisode("foster", date(2024, 3, 3), id="L1"),),
        legal=(LegalEpisode("icso", date(2024, 3, 4), id="G1"),),
        events=(Event(date(2024, 3, 1), "Concern raised by the school", kind="referral",
                      id="E1"),
                Event(date(2024, 5, 2), "Contact with gran went well", id="E2")),
        meetings=(Meeting("lac_review", date(2024, 4, 10), chair="Morag Reid",
                          decisions=(Decision("Plan for permanence with the carers"),),
                          status="final", id="M1"),))


def test_the_timeline_speaks_and_works_from_the_keyboard(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", [rowan()])
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        record = window.record
        window.open_child("T-001", TIMELINE)
        qtbot.waitUntil(lambda: record.timeline.view is not None, timeout=WAIT_MS)
        view = record.timeline.view
        assert view is not None
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)

        # The chart says what it shows.
        words = view.plot.accessibleDescription()
        assert "Rowan Tulloch" in words and "1 home" in words and "1 meeting" in words

        # The text alternative: every item, oldest first, reached with Alt+J.
        listing = view.findChild(QListWidget, "timelineList")
        assert listing is not None
        qtbot.waitUntil(listing.isVisible, timeout=WAIT_MS)
        qtbot.keyClick(record.tabs, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is listing
        rows = [listing.item(i).text() for i in range(listing.count())]
        assert any("Home · With foster carers" in r for r in rows), rows
        assert any("Legal status · " in r for r in rows), rows
        assert any("Meeting · Looked after child review" in r for r in rows), rows
        assert any("Milestone · " in r for r in rows), rows
        assert any("Clock · " in r for r in rows), rows
        assert any("Contact with gran went well" in r for r in rows), rows
        dates = [listing.item(i).text().split(" · ")[0] for i in range(listing.count())]
        as_days = [date.fromisoformat(_iso(d)) for d in dates]
        assert as_days == sorted(as_days)

        # Choosing a row with the keyboard shows its detail (the pointer's hover, by keys);
        # Enter opens its record.
        meeting_row = next(i for i, r in enumerate(rows) if "Meeting · " in r)
        listing.setCurrentRow(0)
        for _ in range(meeting_row):
            qtbot.keyClick(listing, Qt.Key.Key_Down)
        assert "Chair: Morag Reid" in view.detail.text()
        assert accessible_name(view.detail) == view.detail.text()
        with qtbot.waitSignal(view.open_record, timeout=WAIT_MS) as opened:
            qtbot.keyClick(listing, Qt.Key.Key_Return)
        assert opened.args == ["meeting", "M1"]
        qtbot.waitUntil(lambda: bool(record.editors), timeout=WAIT_MS)
        record.close_editors()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)

        # The toolbar: each button is a Tab stop, and has a shortcut that works from the list.
        toolbar = view.findChild(QToolBar, "timelineToolbar")
        assert toolbar is not None
        buttons = {a.text(): toolbar.widgetForAction(a) for a in toolbar.actions()
                   if isinstance(toolbar.widgetForAction(a), QAbstractButton)}
        for text in ("Fit", "Zoom in", "Zoom out", "Today", "Save picture…", "Save as SVG…"):
            assert buttons[text].focusPolicy() & Qt.FocusPolicy.TabFocus, text
            action = next(a for a in toolbar.actions() if a.text() == text)
            assert not action.shortcut().isEmpty(), text
        fit = buttons["Fit"]
        fit.setFocus(Qt.FocusReason.TabFocusReason)
        reached = []
        for _ in range(7):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.append(QApplication.focusWidget())
        for text in ("Zoom in", "Zoom out", "Today"):
            assert buttons[text] in reached, text

        listing.setFocus()
        (x0, x1), _ = view.vb.viewRange()
        qtbot.keyClick(listing, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        (y0, y1), _ = view.vb.viewRange()
        assert y1 - y0 > (x1 - x0) * 1.5  # zoomed out
        qtbot.keyClick(listing, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        (z0, z1), _ = view.vb.viewRange()
        assert (z0, z1) == view.model.x_range  # fitted

        view.set_as_of(AS_OF)
        assert view.as_of == AS_OF
        qtbot.keyClick(listing, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        assert view.as_of == date.today()


def _iso(day_words: str) -> str:
    """"3 Mar 2024" as 2024-03-03."""
    from datetime import datetime

    return datetime.strptime(day_words, "%d %b %Y").date().isoformat()


def test_the_list_follows_the_as_of_date(qtbot: QtBot) -> None:
    from pace_desktop.gui.timeline.timeline_view import TimelineView

    view = TimelineView(rowan(), load_rules(None), AS_OF)
    qtbot.addWidget(view)
    listing = view.findChild(QListWidget, "timelineList")
    assert listing is not None
    before = listing.count()
    view.set_as_of(date(2024, 3, 2))  # only the referral had happened
    texts = [listing.item(i).text() for i in range(listing.count())]
    assert listing.count() < before
    assert not any("With foster carers" in t for t in texts)
    assert any("Milestone · " in t for t in texts)  # the referral, recorded as a milestone
    assert "2 Mar 2024" in view.plot.accessibleDescription()
