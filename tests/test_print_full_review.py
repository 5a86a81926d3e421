"""The decision record PDF of a full LAC review shows every section, read back with pypdf;
a hearing's record shows its orders and a permanence panel's its make-up."""

from __future__ import annotations

from datetime import date

from pace_desktop.chronology import decision_record_pdf
from pace_desktop.domain import (
    Action,
    Assessment,
    Attendee,
    Child,
    Decision,
    FamilyTime,
    Meeting,
    OrderMade,
    PanelRecord,
    Person,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.domain.part_words import SECTION_HEADINGS
from tests.test_print_fixtures import OPTIONS, all_text

REVIEW = Meeting(
    "lac_review", date(2025, 3, 14), chair="Morag Reid", status="final", id="m1",
    attendees=(Attendee("Jean Baird", "Foster carer", True, "video"),
               Attendee("Kirsty Munro", "Mum", False)),
    child_views="I like living with Jean.", child_views_how="In person",
    family_views="Mum hopes for more time.",
    views=(View("p-mum", "I want more time with Isla.", "phone"),
           View("p-rory", None, "not_obtained", "Away on a school trip")),
    assessment=Assessment("Help with sleep", "On track", "Settled at school",
                          "Dental check due", "Jean's home suits her well",
                          "Visited every six weeks"),
    family_time=(FamilyTime("p-mum", "Weekly", True, "At the family centre"),),
    siblings=(SiblingNote("p-rory", "with Gran in Stornoway", False,
                          "Gran has room for one child", "Wants to see Isla every holiday"),),
    routes_considered=(RouteConsidered("home", "ruled_out", "Not yet safe at home"),
                       RouteConsidered("po", "chosen", "Keeps links with Mum")),
    decisions=(Decision("Plan for a permanence order.", "permanence_recommendation", "po",
                        "Isla is settled with Jean."),),
    actions=(Action("Write the permanence report", "Sam Kerr", date(2025, 4, 30)),),
    next_review=date(2025, 6, 12))
HEARING = Meeting(
    "hearing", date(2025, 3, 10), chair="A. Chair", status="final", id="m2",
    decisions=(Decision("The order is continued."),),
    orders=(OrderMade("cso_away", "continued", None, ("residence", "non_disclosure_of_place"),
                      "with her foster carers", date(2026, 3, 9)),))
PANEL = Meeting(
    "panel", date(2025, 4, 2), chair="P. Chair", status="final", id="m3",
    decisions=(Decision("Recommends adoption.", "panel_recommendation",
                        reasons="Isla needs a family for life."),),
    panel=PanelRecord(("Ann Bell", "Cal Dow", "Eve Fox"), True, "Dr Iain Ross", "Fiona Grant",
                      "Should Isla be adopted?", "Cal Dow: a permanence order keeps Mum close"))


def isla() -> Child:
    return Child(ref="C-010", given_name="Isla", family_name="Munro",
                 date_of_birth=date(2017, 5, 4),
                 people=(Person("p-mum", "parent", "Kirsty Munro"),
                         Person("p-rory", "sibling", "Rory Munro")),
                 meetings=(REVIEW, HEARING, PANEL))


def test_a_full_lac_review_prints_every_section() -> None:
    text = all_text(decision_record_pdf(isla(), "m1", "internal", OPTIONS))
    wanted = [
        "Who took part", "Jean Baird (Foster carer, by video)", "Apologies: Kirsty Munro (Mum)",
        "The child's views", "I like living with Jean.", "The family's views",
        "What the review considered", "The child's needs: Help with sleep",
        "Development: On track", "Education: Settled at school", "Health: Dental check due",
        "Whether where the child lives suits them: Jean's home suits her well",
        "Visits made to the child: Visited every six weeks",
        "Each person's views", "Kirsty Munro (by phone): I want more time with Isla.",
        "Rory Munro (views not obtained) Why not: Away on a school trip",
        "Family time", "With Kirsty Munro, Weekly, supervised. At the family centre",
        "Brothers and sisters", "Rory Munro lives with Gran in Stornoway; lives apart because "
        "Gran has room for one child. Their views: Wants to see Isla every holiday",
        "Routes considered", "Remain at or return home: Ruled out. Reasons: Not yet safe at home",
        "Permanence order: Chosen. Reasons: Keeps links with Mum",
        "Decisions", "Plan for a permanence order.", "Reasons: Isla is settled with Jean.",
        "Actions", "Write the permanence report", "Next review", "12 June 2025"]
    at = 0
    for words in wanted:  # every section, in the order a reader expects
        found = text.find(words, at)
        assert found >= 0, f"{words!r} missing or out of order"
        at = found
    assert "p-mum" not in text and "p-rory" not in text  # people by name, never by id


def test_a_hearing_prints_its_orders_and_a_panel_its_make_up() -> None:
    hearing = all_text(decision_record_pdf(isla(), "m2", "internal", OPTIONS))
    assert ("Compulsory supervision order, away from home: continued; measures: where the "
            "child must live, where the child lives is not to be disclosed; the child must "
            "live with her foster carers; expires 9 March 2026") in hearing
    panel = all_text(decision_record_pdf(isla(), "m3", "internal", OPTIONS))
    for words in ("The permanence panel", "Members: Ann Bell; Cal Dow; Eve Fox",
                  "The permanence panel was quorate", "Medical adviser: Dr Iain Ross",
                  "Legal adviser: Fiona Grant",
                  "The question put to the permanence panel: Should Isla be adopted?",
                  "Dissent: Cal Dow: a permanence order keeps Mum close"):
        assert words in panel, words
    assert SECTION_HEADINGS[6] in panel
