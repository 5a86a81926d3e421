"""Every committed operation reaches the views once, as one typed OpChanges on the store
worker's `changed` signal, and a view reads again only what the change touched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from pace_desktop.domain import Event
from pace_desktop.store import CaseStore, OpChanges
from tests.gui_helpers import WAIT_MS, make_store, running_app, sample_children, settle, unlock


def test_the_record_reads_again_only_when_a_change_touches_its_child(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = make_store(tmp_path / "caseload.pacestore", sample_children())
    with running_app(path, path) as app:
        window = unlock(qtbot, app)
        window.open_child("C-001")
        qtbot.waitUntil(lambda: window.record.view is not None, timeout=WAIT_MS)
        settle(qtbot, app)
        heard: list[OpChanges] = []
        app.runner.changed.connect(heard.append)
        reads: list[str] = []
        real_reload = window.record.reload
        window.record.reload = lambda: (reads.append("read"), real_reload())  # type: ignore[method-assign]

        def two_operations(store: CaseStore) -> str:
            store.add_event("C-002", Event(date(2025, 1, 2), "A call from school"))
            store.add_event("C-001", Event(date(2025, 1, 3), "A visit at home"))
            return "done"

        with qtbot.waitSignal(app.runner.busy_changed, timeout=WAIT_MS):
            app.runner.call(two_operations)
        qtbot.waitUntil(lambda: len(heard) == 2, timeout=WAIT_MS)
        assert [(c.operation, sorted(c.children), sorted(c.parts)) for c in heard] == [
            ("add chronology entry", ["C-002"], ["events"]),
            ("add chronology entry", ["C-001"], ["events"])]
        assert all(isinstance(c, OpChanges) and c.record for c in heard)
        assert reads == ["read"]  # the other child's entry did not make this record read again
        qtbot.waitUntil(lambda: any(e.title == "A visit at home"
                                    for e in window.record.chronology.model.items),
                        timeout=WAIT_MS)
