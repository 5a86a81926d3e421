"""The revised clocks through the real window: a lapsed order first on the due list and in
the Clocks tab, recording a visit, "order continued on …", and Settings turning visits on."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pace_desktop.domain import Child, LegalEpisode, LivingEpisode
from pace_desktop.gui.child.quick_dialogs import ContinueOrderDialog, VisitDialog
from pace_desktop.gui.child.record import CLOCKS, LEGAL
from pace_desktop.settings import load_settings
from pace_desktop.store import CaseStore
from pace_desktop.views.words import plain_date
from tests.gui_helpers import (
    PASSPHRASE,
    WAIT_MS,
    make_store,
    running_app,
    settle,
    type_into,
    unlock,
)

TODAY = date.today()


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def children() -> list[Child]:
    return [
        # An interim order made 30 days ago and never renewed: it ceased on its 22nd day.
        Child("L-1", "Lily", "Rendall", date(2020, 1, 1),
              living=(LivingEpisode("foster", ago(30)),),
              legal=(LegalEpisode("icso", ago(30)),)),
        # A supervision order at home for 100 days: nothing due yet.
        Child("K-2", "Kai", "Tulloch", date(2015, 1, 1),
              living=(LivingEpisode("at_home", date(2015, 1, 1)),),
              legal=(LegalEpisode("cso_home", ago(100), id="g1"),)),
    ]


def save(qtbot: QtBot, dialog: object) -> None:
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_a_lapsed_order_comes_first_in_words_and_shape(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        rows = window.due_rows()
        ceased = plain_date(ago(30) + timedelta(days=22))
        assert rows[0][0] == f"⧓ Lapsed {ceased}"
        assert rows[0][1] == "Lily Rendall (L-1)"
        assert window.due_hint.text().startswith("⧓ 1 lapsed order · ▲ ")
        window.open_child("L-1", CLOCKS)
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        shown = [[window.record.clocks.model.index(r, c).data()
                  for c in range(window.record.clocks.model.columnCount())]
                 for r in range(window.record.clocks.model.rowCount())]
        assert any(any(str(cell).startswith("⧓ Lapsed") for cell in row) for row in shown)


def test_record_a_visit_and_continue_an_order(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("K-2")
        rec = window.record
        qtbot.waitUntil(lambda: rec.view is not None, timeout=WAIT_MS)

        qtbot.mouseClick(rec.visit_button, Qt.MouseButton.LeftButton)
        dialog = rec.dialog
        assert isinstance(dialog, VisitDialog)
        type_into(qtbot, dialog.date, plain_date(ago(3)))
        type_into(qtbot, dialog.title, "Kai seen alone at home")
        save(qtbot, dialog)
        qtbot.waitUntil(lambda: rec.dialog is None, timeout=WAIT_MS)

        rec.show_tab(LEGAL)
        rec.legal.select(0)
        qtbot.mouseClick(rec.continue_button, Qt.MouseButton.LeftButton)
        dialog = rec.dialog
        assert isinstance(dialog, ContinueOrderDialog)
        type_into(qtbot, dialog.date, plain_date(ago(200)))  # before the order began
        save(qtbot, dialog)
        assert "it can only be continued on or after that day" in dialog.message("date")
        type_into(qtbot, dialog.date, plain_date(ago(2)))
        save(qtbot, dialog)
        qtbot.waitUntil(lambda: rec.dialog is None, timeout=WAIT_MS)
        settle(qtbot, app)

    with CaseStore.open(path, PASSPHRASE) as store:
        child = store.child("K-2")
        (visit,) = [e for e in child.events if e.kind == "visit"]
        assert (visit.date, visit.title, visit.significant) == (
            ago(3), "Kai seen alone at home", False)
        legal = sorted(child.legal, key=lambda e: e.start)
        assert [(e.status, e.start, e.end) for e in legal] == [
            ("cso_home", ago(100), ago(2)), ("cso_home", ago(2), None)]
        assert store.audit_entries()[0].operation == "continue order"


def test_settings_turn_the_visit_clocks_on(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_store(tmp_path / "caseload.pacestore", children())
    settings_path = tmp_path / "settings.toml"
    with running_app(path, path, settings_path=settings_path) as app:
        window = unlock(qtbot, app)
        assert not any(r.enabled for r in app.rules if r.reads_visits)
        window.open_settings()
        dialog = window.settings_dialog
        assert dialog.clocks.holidays.count() >= 16  # two years of Scotland's bank holidays
        assert any("Saint Andrew's Day" in dialog.clocks.holidays.item(i).text()
                   for i in range(dialog.clocks.holidays.count()))
        qtbot.mouseClick(dialog.clocks.visits, Qt.MouseButton.LeftButton)
        dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
        assert load_settings(settings_path).record_visits
        qtbot.waitUntil(lambda: all(r.enabled for r in app.rules if r.reads_visits),
                        timeout=WAIT_MS)
