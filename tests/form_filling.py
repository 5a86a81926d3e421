"""A decision form filled in the real meeting window, the one way the tests and the form
screenshots (benchmarks/form_screens.py) both do it: a made-up child with her family, a
record of any kind with every part filled, and `fill_form` putting that record into the
window through the form's own values (`forms.from_meeting`), so the form, not the test,
decides which parts it asks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pace_desktop.domain import (
    Action,
    Assessment,
    Attendee,
    Child,
    Decision,
    Event,
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
from pace_desktop.gui.forms.meeting_editor import MeetingEditor

PEOPLE = (Person("p-mum", "parent", "Kirsty Munro", "Mum"),
          Person("p-rory", "sibling", "Rory Munro", "Brother"),
          Person("p-jean", "carer", "Jean Baird", "Foster carer"))
# The milestone (and route) a record of each kind marks with its decision.
MILESTONE = {"lac_review": ("permanence_recommendation", "po"),
             "permanence_planning": ("permanence_recommendation", "po"),
             "panel": ("panel_recommendation", None), "adm": ("adm_decision", None),
             "hearing": (None, None), "court": ("order_granted", "po")}


def isla(ref: str) -> Child:
    """Isla Munro, with her Mum, her brother Rory and her foster carer Jean."""
    return Child(
        ref=ref, given_name="Isla", family_name="Munro", date_of_birth=date(2017, 5, 4),
        people=PEOPLE,
        living=(LivingEpisode("foster", date(2024, 3, 3), carer="p-jean"),),
        legal=(LegalEpisode("cso_away", date(2024, 4, 1), reference="CSO-1"),),
        events=(Event(date(2024, 3, 1), "Concern raised by the school", kind="referral"),))


def full_meeting(kind: str) -> Meeting:
    """A record of `kind` with every part filled (each form shows the parts it asks)."""
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
                          "Fiona Grant", "Should Isla be cared for under a permanence order?"),
        decisions=(Decision("Isla stays with Jean while the plan for permanence is made.",
                            milestone, route, "She is settled and doing well at school."),),
        actions=(Action("Write the permanence report", "Sam Kerr", date(2025, 4, 30)),),
        next_review=date(2025, 6, 12))


def fill_form(editor: MeetingEditor, meeting: Meeting,
              people: Sequence[Person] = PEOPLE) -> None:
    """Put `meeting` into the open editor's form, as if typed; a form's own required
    questions beyond the record (the hearing's type, say) get their first answer."""
    assert editor.form_view is not None, "the editor has not shown its form yet"
    form = definition_for(meeting.kind)
    values = from_meeting(form, meeting, {p.id: p.name for p in people})
    for extra in form.extras:
        if extra.required:
            values[extra.id] = extra.options[0].code
    editor.form_view.set_values(values)
