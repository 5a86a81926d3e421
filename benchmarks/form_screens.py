"""Put one decision form on screen, filled in, for screenshots (docs/screenshots/take.sh).

    python benchmarks/form_screens.py KIND [FIELD] DIR

Makes (once) a store in DIR holding one made-up child with her family, opens a new record of
meeting KIND in the real meeting window, fills it with a made-up meeting through the form's
own values, and scrolls FIELD (a field id, say `orders`) into view.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from pace_desktop.domain import (
    Action,
    Assessment,
    Attendee,
    Child,
    Decision,
    FamilyTime,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    OrderMade,
    PanelRecord,
    Person,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.forms import definition_for, from_meeting
from pace_desktop.gui.app import _apply_looks
from pace_desktop.gui.forms.meeting_editor import MeetingEditor
from pace_desktop.gui.store_worker import StoreRunner
from pace_desktop.store import CaseStore

PASSPHRASE = "screenshots passphrase"
REF = "SC-1"
PEOPLE = (Person("p-mum", "parent", "Kirsty Munro", "Mum"),
          Person("p-rory", "sibling", "Rory Munro", "Brother"),
          Person("p-jean", "carer", "Jean Baird", "Foster carer"))
MILESTONE = {"lac_review": ("permanence_recommendation", "po"),
             "permanence_planning": ("permanence_recommendation", "po"),
             "panel": ("panel_recommendation", None), "adm": ("adm_decision", None),
             "hearing": (None, None), "court": ("order_granted", "po")}


def sample(kind: str) -> Meeting:
    milestone, route = MILESTONE.get(kind, (None, None))
    return Meeting(
        kind, date(2025, 3, 14), chair="Morag Reid",
        attendees=(Attendee("Jean Baird", "Foster carer", True, "video"),
                   Attendee("Kirsty Munro", "Mum", True, "phone"),
                   Attendee("Dr Peat", "GP", False)),
        child_views="I like living with Jean. I want to see Rory more.",
        child_views_how="In person", family_views="",
        views=(View("p-mum", "I want more time with Isla.", "phone"),
               View("p-rory", "I miss my sister.", "advocate")),
        assessment=Assessment("Help settling at night", "On track for her age",
                              "Settled at school; reading well", "Dental check due in May",
                              "Jean's home suits her well", "Visited every six weeks"),
        family_time=(FamilyTime("p-mum", "Weekly, two hours", True, "At the family centre"),
                     FamilyTime("p-rory", "Every school holiday", False)),
        siblings=(SiblingNote("p-rory", "with Gran in Stornoway", False,
                              "Gran has room for one child", "Wants to see Isla every holiday"),),
        routes_considered=(RouteConsidered("home", "ruled_out", "Not yet safe at home"),
                           RouteConsidered("po", "chosen", "Keeps links with Mum and Rory")),
        orders=(OrderMade("cso_away", "continued", None, ("residence", "contact_direction"),
                          "with her foster carers", date(2026, 3, 13)),),
        panel=PanelRecord(("Ann Bell", "Cal Dow", "Eve Fox"), True, "Dr Iain Ross",
                          "Fiona Grant", "Should Isla be cared for under a permanence order?",
                          ""),
        decisions=(Decision("Isla stays with Jean while the plan for permanence is made.",
                            milestone, route, "She is settled and doing well at school."),),
        actions=(Action("Write the permanence report", "Sam Kerr", date(2025, 4, 30)),),
        next_review=date(2025, 6, 12))


def main() -> int:
    kind = sys.argv[1]
    field = sys.argv[2] if len(sys.argv) > 3 else ""
    folder = Path(sys.argv[-1])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "forms.pacestore"
    if not path.exists():
        with CaseStore.create(path, PASSPHRASE, "Screenshots") as store:
            store.import_children([Child(
                REF, "Isla", "Munro", date(2017, 5, 4), people=PEOPLE,
                living=(LivingEpisode("foster", date(2024, 3, 3), carer="p-jean"),),
                legal=(LegalEpisode("cso_away", date(2024, 4, 1)),))])
    app = QApplication(sys.argv[:1])
    _apply_looks(app)
    runner = StoreRunner()
    editors: list[MeetingEditor] = []

    def opened(_: object) -> None:
        editor = MeetingEditor(runner, REF, kind, None, "Morag Reid")
        editors.append(editor)
        editor.ready.connect(lambda: fill(editor))
        editor.resize(1100, 880)
        editor.show()

    def fill(editor: MeetingEditor) -> None:
        assert editor.form_view is not None
        names = {p.id: p.name for p in PEOPLE}
        editor.form_view.set_values(from_meeting(definition_for(kind), sample(kind), names))
        if field:
            # The field's block at the top of the window, once the form is laid out.
            block = editor.form_view.findChild(QWidget, f"block_{field}")
            assert block is not None, field
            QTimer.singleShot(500, lambda: editor.scroll.verticalScrollBar().setValue(
                block.mapTo(editor.form_view, block.rect().topLeft()).y()))

    runner.open(path, PASSPHRASE, opened, lambda error: print(error))
    app.aboutToQuit.connect(runner.shutdown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
