"""Put the app on screen in a known state, for screenshots (docs/screenshots/take.sh).

    python benchmarks/gui_screens.py caseload|record|settings|timeline|runcharts|meeting|print|
                                     lapsed|lapsed_timeline|conflicts|hub_sync|
                                     hub_progress|hub_password|hub_check DIR

Makes (once) a 40-child demo store in DIR, unlocks it and shows the asked-for screen.
`hub_sync` starts a throwaway PostgreSQL hub (tests/pg_server.py), puts a colleague's
caseload on it with one change that clashes with this laptop's, and presses Sync;
`hub_progress` the same with one of the hub's children held by another session, so the sync
waits there with its progress window (and Stop button) on screen; `hub_password` the same with
no password for libpq to find, so the app asks for it.
"""

from __future__ import annotations

import atexit
import signal
import sys
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pace_desktop.demo_store import make_demo_store
from pace_desktop.exchange import read_interchange_file
from pace_desktop.gui.app import PaceApp, _apply_looks
from pace_desktop.gui.child.record import CHRONOLOGY, LIVING, MEETINGS, TIMELINE
from pace_desktop.gui.forms.list_fields import DecisionList
from pace_desktop.gui.placement import fit_to_screen
from pace_desktop.store import CaseStore
from pace_desktop.views.words import plain_date

PASSPHRASE = "screenshots passphrase"
DECISIONS = (
    "She stays with her foster carers while the plan for permanence is made: she is settled "
    "there and her school reports that she is doing well.",
    "Family time with her mother continues once a fortnight, supervised, at the family centre.",
    "The social worker asks her gran and her aunt whether they could care for her long term.",
)


def _conflicted_store(store: Path, folder: Path) -> None:
    """The fixture caseload after a meeting laptop and this one both changed FX-L."""
    from dataclasses import replace

    from pace_desktop.store.package_file import read_package

    fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
    secret = "screenshots package phrase"
    with CaseStore.create(store, PASSPHRASE, "Mairi Flett") as office, \
            CaseStore.create(folder / "meeting.pacestore", PASSPHRASE, "Ruth Isbister") as away:
        office.import_children(read_interchange_file(fixtures / "journeys.json"))
        office.send_children(["FX-L"], folder / "out.pacepkg", secret)
        away.receive_package(read_package(folder / "out.pacepkg", secret))
        away.save_child_details(replace(away.child("FX-L"), allocated_worker="Anna Sinclair",
                                        known_as="Frey"))
        office.save_child_details(replace(office.child("FX-L"), allocated_worker="Tom Flett"))
        away.send_children(["FX-L"], folder / "back.pacepkg", secret)
        office.receive_package(read_package(folder / "back.pacepkg", secret))


_HELD: list[object] = []  # a connection holding a row lock until the screenshot is taken
_SERVERS: list[Any] = []  # the hub's throwaway server, stopped however this process ends


def _stop_servers() -> None:
    while _SERVERS:
        _SERVERS.pop().stop()


def _on_term(*_: object) -> None:
    """The screenshot tool's kill: the server first (a sync waiting on the hub, as
    `hub_progress` leaves one, would otherwise hold the app's quitting up), then the app."""
    _stop_servers()
    app = QApplication.instance()
    if app is None:
        sys.exit(143)
    app.quit()


def _hub_laptop(store: Path, folder: Path, what: str = "hub_sync") -> tuple[str, object]:
    """A team hub on a throwaway server: Ali's caseload on it, and this laptop (Mo, the team's
    manager) holding one of those children, changed here and by Ali since they last agreed."""
    import os
    from dataclasses import replace

    from pace_desktop.demo import generate_caseload
    from pace_desktop.hub import admin
    from pace_desktop.hub.laptop import sync

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from tests.hub_helpers import Hub
    from tests.pg_server import start_server

    server = start_server()
    # Stopped whatever happens next: an error making the hub, the app's end, or a kill.
    _SERVERS.append(server)
    atexit.register(_stop_servers)
    signal.signal(signal.SIGTERM, _on_term)
    hub = Hub(server, folder)
    os.environ["PGPASSFILE"] = str(hub.passfile)
    with hub.admin() as conn:
        admin.add_worker(conn, "ali", "north", False)
        admin.add_worker(conn, "mo", "north", True)
    for login in ("ali", "mo"):
        hub.password(login)
    children = list(generate_caseload(12, seed=8))
    with CaseStore.create(folder / "ali.pacestore", PASSPHRASE, "Ali Rennie") as ali, \
            CaseStore.create(store, PASSPHRASE, "Mo Drummond") as mo:
        ali.import_children(children[:1])
        sync(ali, hub.url("ali"))
        sync(mo, hub.url("mo"))  # Mo's laptop had one child from the hub already
        ali.import_children(children[1:])
        ref = children[0].ref
        ali.save_child_details(replace(ali.child(ref), reviewing_officer="Jean Muir"))
        mo.save_child_details(replace(mo.child(ref), reviewing_officer="Iain Sutherland"))
        sync(ali, hub.url("ali"))
    (folder / "settings.toml").write_text(f'hub_url = "{hub.url("mo")}"\n')
    if what == "hub_progress":
        held = hub.admin()
        held.execute("SELECT 1 FROM pace.children WHERE ref = %s FOR UPDATE",
                     (children[6].ref,))
        _HELD.append(held)
    elif what == "hub_password":
        hub.passfile.write_text("")
    return hub.url("mo"), server


def main() -> int:
    what, folder = sys.argv[1], Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    server = None
    if what.startswith("hub_"):
        store = folder / f"{what}.pacestore"
        _, server = _hub_laptop(store, folder, what)
    elif what == "conflicts":
        store = folder / "conflicts.pacestore"
        if not store.exists():
            _conflicted_store(store, folder)
    elif what.startswith("lapsed"):
        # The contract's fixture journeys: orders that lapsed, as of today.
        store = folder / "fixtures.pacestore"
        if not store.exists():
            fixtures = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
            with CaseStore.create(store, PASSPHRASE, "Screenshots") as made:
                made.import_children(read_interchange_file(fixtures / "journeys.json"))
    else:
        store = folder / "demo.pacestore"
        if not store.exists():
            make_demo_store(store, PASSPHRASE, 40)
    app = QApplication(sys.argv[:1])
    _apply_looks(app)
    pace = PaceApp(store, store, settings_path=folder / "settings.toml")
    pace.start()
    pace.unlock_window.passphrase_edit.setText(PASSPHRASE)
    pace.unlock_window.unlock()

    def ready() -> None:
        window = pace.main_window
        if window is None or window.facts is None:
            QTimer.singleShot(100, ready)
            return
        # The app fits its windows to the screen itself (at QT_SCALE_FACTOR=1.5 as well).
        if what == "record":
            ref = window.facts.due[0].child_ref if window.facts.due else window.model.refs()[0]
            window.open_child(ref, CHRONOLOGY)
        elif what == "settings":
            window.open_settings()
            dialog = window.settings_dialog
            if dialog is not None:
                dialog.move(window.geometry().center() - dialog.rect().center())
        elif what in ("caseload", "lapsed"):
            window.table.selectRow(0)
        elif what == "lapsed_timeline":
            window.open_child("FX-J", TIMELINE)
        elif what == "timeline":
            ref = window.facts.due[0].child_ref if window.facts.due else window.model.refs()[0]
            window.open_child(ref, TIMELINE)
        elif what == "conflicts":
            window.sync.show_conflicts()
        elif what == "hub_check":  # File ▸ Check against the team hub…
            window.checks.check_hub()
        elif what.startswith("hub_"):
            window.hub.sync_now()
        elif what == "move":
            # Record a move: the dialog over the homes tab, half filled in.
            ref = window.facts.due[0].child_ref if window.facts.due else window.model.refs()[0]
            window.open_child(ref, LIVING)

            def move() -> None:
                if window.record.view is None:
                    QTimer.singleShot(100, move)
                    return
                window.record._add_move()
                dialog = window.record.dialog
                dialog.date.setText(plain_date(date.today()))  # type: ignore[union-attr]
                dialog.type.setCurrentIndex(  # type: ignore[union-attr]
                    dialog.type.findData("kinship"))  # type: ignore[union-attr]

            move()
        elif what == "runcharts":
            window.caseload_tabs.setCurrentWidget(window.run_charts_tab)
        elif what in ("meeting", "print"):
            ref = window.facts.due[0].child_ref if window.facts.due else window.model.refs()[0]
            window.open_child(ref, MEETINGS)

            def open_it() -> None:
                if window.record.view is None:
                    QTimer.singleShot(100, open_it)
                    return
                if what == "meeting":
                    window.record.record_meeting()  # opens at a readable size by itself
                    QTimer.singleShot(300, three_decisions)
                else:
                    dialog = window.print_document("chronology")
                    if dialog is not None:
                        fit_to_screen(dialog)
                        QTimer.singleShot(300, lambda: for_a_parent(dialog))

            def for_a_parent(dialog: object) -> None:
                # A parent's copy: the identifiers found are highlighted and listed.
                combo = dialog.recipient_combo  # type: ignore[attr-defined]
                codes = [str(combo.itemData(i)) for i in range(combo.count())]
                person = next((i for i, c in enumerate(codes) if c.startswith("person:")), -1)
                if person < 0:
                    QTimer.singleShot(100, lambda: for_a_parent(dialog))
                    return
                combo.setCurrentIndex(person)

            def three_decisions() -> None:
                editor = window.record.editors[-1] if window.record.editors else None
                if editor is None or editor.form_view is None:
                    QTimer.singleShot(100, three_decisions)
                    return
                decisions = editor.form_view.editors["decisions"]
                assert isinstance(decisions, DecisionList)
                decisions.set_value([{"text": words, "milestone": "", "route": ""}
                                     for words in DECISIONS])  # three, whatever a draft held
                # Once laid out: the three decisions in view, with the buttons below them.
                QTimer.singleShot(400, lambda: editor.scroll.ensureWidgetVisible(
                    decisions._rows[-1]["route"], 0, 40))

            open_it()

    QTimer.singleShot(200, ready)
    app.aboutToQuit.connect(pace.shutdown)
    if server is not None:
        # Python runs a signal handler only when it has control: a tick gives it that, so
        # the screenshot tool's kill stops the server too.
        tick = QTimer(app)
        tick.timeout.connect(lambda: None)
        tick.start(200)
    try:
        return app.exec()
    finally:
        _stop_servers()


if __name__ == "__main__":
    sys.exit(main())
