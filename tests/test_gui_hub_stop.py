"""Stopping a sync in the app, against the real PostgreSQL hub: the Stop button (by Alt+S or
a click), Escape and the progress window's close box each stop the sync at the next safe
point. Nothing is half-applied on either side: the children gone through are whole on the
laptop and on the hub, the others untouched on both; the sync is not recorded as finished;
the next sync completes it, with nothing doubled and no conflicts.

To stop at a known point, the test holds a row lock on one of the hub's children (as another
laptop syncing that child would): the sync waits there, the person asks it to stop, the lock
is let go, and the sync finishes that child and stops."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
import tomli_w
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from pace_desktop.demo import generate_caseload
from pace_desktop.exchange.snapshot import to_snapshot
from pace_desktop.hub import admin
from pace_desktop.hub.laptop import clean, last_sync, sync
from pace_desktop.hub.records import read_child
from pace_desktop.store import CaseStore
from tests.gui_helpers import PASSPHRASE, WAIT_MS, make_store, running_app, settle, unlock

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _hub_children(hub: Any) -> dict[str, Any]:
    with hub.admin() as conn:
        return {uid: read_child(conn, uid)[0]
                for (uid,) in conn.execute("SELECT uid FROM pace.children")}


def _laptop_children(path: Path) -> dict[str, Any]:
    with CaseStore.open(path, PASSPHRASE) as store:
        return {c.id: clean(to_snapshot(c)) for c in store.children()}


def _waiting_on_lock(hub: Any) -> bool:
    with psycopg.connect(hub.server.url("postgres", hub.database), autocommit=True) as conn:
        return conn.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = 'ali'"
                            " AND application_name = 'pace-desktop'"
                            " AND wait_event_type = 'Lock'").fetchone()[0] == 1


@pytest.mark.parametrize("how", ["alt+s", "click", "escape", "close box"])
def test_stopping_a_sync_leaves_nothing_half_done(qtbot: QtBot, tmp_path: Path, hub: Any,
                                                  how: str) -> None:
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
    hub.password("ali")
    url = hub.url("ali")
    with CaseStore.create(tmp_path / "office.pacestore", PASSPHRASE, "Ali") as office:
        office.import_children(list(generate_caseload(8, seed=4)))
        sync(office, url)
    # Ali's second laptop: two children of its own to send, eight to bring from the hub.
    own_children = [replace(c, ref=f"LAPTOP-{n}")
                    for n, c in enumerate(generate_caseload(2, seed=5))]
    path = make_store(tmp_path / "ali.pacestore", own_children)
    own = _laptop_children(path)
    settings = tmp_path / "settings.toml"
    settings.write_text(tomli_w.dumps({"hub_url": url}))
    locker = hub.admin()
    hub_rows = [u for (u,) in locker.execute("SELECT uid FROM pace.children")]
    held = hub_rows[2]
    locker.execute("SELECT 1 FROM pace.children WHERE uid = %s FOR UPDATE", (held,))
    with running_app(path, path, settings_path=settings) as app:
        try:
            window = unlock(qtbot, app)
            label = window.findChild(QLabel, "hubSyncLabel")
            qtbot.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
            qtbot.waitUntil(lambda: _waiting_on_lock(hub), timeout=WAIT_MS)
            progress = window.hub.progress
            qtbot.waitUntil(progress.isVisible, timeout=WAIT_MS)
            stop = progress.findChild(QPushButton, "hubSyncStop")
            assert stop.text() == "&Stop syncing" and stop.isVisible()
            if how == "alt+s":
                qtbot.keyClick(progress, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
            elif how == "click":
                qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
            elif how == "escape":
                progress.activateWindow()
                qtbot.waitUntil(progress.isActiveWindow, timeout=WAIT_MS)
                qtbot.keyClick(QApplication.focusWidget() or progress, Qt.Key.Key_Escape)
            else:
                progress.close()
            qtbot.waitUntil(lambda: not progress.isVisible(), timeout=WAIT_MS)
            assert label.text() == "Stopping the sync…"
            assert window.hub.running and not window.hub.action.isEnabled()
            time.sleep(0.2)
            locker.rollback()  # the other "laptop" lets go; the sync finishes that child
            qtbot.waitUntil(lambda: not window.hub.running, timeout=WAIT_MS * 3)
            report = window.hub.last_report
            assert report.stopped and report.total == 10
            assert report.done == 5  # its own two, then the hub's first three
            assert label.text().startswith("Sync stopped at ")
            assert "after 5 of 10 children: 3 new from the hub, 2 sent" in label.text()
            assert window.hub.message.endswith("Nothing is half-done; the next sync does the"
                                               " rest.")
            assert window.hub.action.isEnabled()
            settle(qtbot, app)
        finally:
            # Let go of the lock before the app shuts down (its worker may be waiting on it).
            locker.close()
        settle(qtbot, app)
    on_hub = _hub_children(hub)
    here = _laptop_children(path)
    assert len(on_hub) == 10 and len(here) == 5
    for uid in own:  # sent whole
        assert on_hub[uid] == here[uid]
    pulled = set(here) - set(own)
    assert pulled == set(hub_rows[:3])  # the children gone through, whole here
    for uid in pulled:
        assert here[uid] == on_hub[uid]
    with CaseStore.open(path, PASSPHRASE) as store:
        assert last_sync(store, url) is None  # not a finished sync
        assert store.conflicts() == []
        again = sync(store, url)  # the next sync completes it
        assert sorted(again.pulled) == sorted(on_hub[u][("child", "")]["ref"]
                                              for u in hub_rows[3:])
        assert not (again.sent or again.sent_new or again.problems or again.conflicts)
        assert last_sync(store, url) is not None
    assert _laptop_children(path) == _hub_children(hub) == on_hub
