"""The additions of 2026-11-28 to INTERCHANGE.md: accepted, checked with located messages,
stored and exported, so a file that uses them round-trips through a store."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.exchange import InterchangeError, parse_interchange, to_interchange
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE

CHILD: dict[str, Any] = {
    "id": "2b1f7c1e-0d1c-4c55-9f0e-7d8f3c0a1b2c",
    "ref": "N-1", "given_name": "Morven", "family_name": "Isbister",
    "date_of_birth": "2019-05-05",
    "people": [
        {"id": "mum", "role": "relevant_person", "name": "Kirsty Isbister"},
        {"id": "dad", "role": "relevant_person", "name": "Magnus Isbister"},
        {"id": "sis", "role": "sibling", "name": "Ava Isbister"},
        {"id": "c1", "role": "carer", "name": "Jean Mitchell",
         "address": "2 Shore Road, Scalloway"},
    ],
    "living": [{"id": "l1", "type": "foster", "start": "2025-01-06", "end": None,
                "carer": "c1"}],
    "legal": [{"id": "g1", "status": "cso_away", "start": "2025-01-06", "end": None}],
    "events": [{"id": "e1", "date": "2025-02-01", "kind": "visit", "title": "Visit"},
               {"id": "e2", "date": "2025-02-03", "title": "Morven told her worker a secret"}],
    "meetings": [{
        "id": "m1", "kind": "lac_review", "date": "2025-02-14", "status": "final",
        "attendees": [{"name": "Jean Mitchell", "role": "carer", "present": True,
                       "how": "video"}],
        "decisions": [{"text": "Plan: permanence away from home",
                       "milestone": "permanence_recommendation", "route": "po",
                       "reasons": "Return home ruled out after assessment"}],
        "views": [{"person": "mum", "text": "Wants more family time", "how": "phone"},
                  {"person": "Morven", "how": "advocate", "text": "Likes her school"}],
        "assessment": {"needs": "Settled", "health": "Well", "visits": "Seen monthly"},
        "family_time": [{"with": "mum", "how_often": "weekly", "supervised": True}],
        "siblings": [{"person": "sis", "lives": "with grandparents", "together": False,
                      "why_apart": "No foster home for both", "views": "Misses Morven"}],
        "routes_considered": [{"route": "home", "outcome": "ruled_out", "reasons": "Risk"},
                              {"route": "po", "outcome": "chosen"}],
    }, {
        "id": "m2", "kind": "hearing", "date": "2025-03-01", "status": "final",
        "orders": [{"status": "cso_away", "action": "varied", "date": "2025-03-01",
                    "measures": ["residence", "non_disclosure_of_place"],
                    "residence": "with foster carers", "expires": "2026-02-28"}],
    }, {
        "id": "m3", "kind": "panel", "date": "2025-04-02", "status": "final",
        "panel": {"members": ["Ann Bell", "Cal Dow"], "quorate": True,
                  "medical_adviser": "Dr Ross", "legal_adviser": "F. Grant",
                  "question": "Should Morven be adopted?", "dissent": "Cal Dow disagreed"},
    }],
    "nondisclosure": [{"id": "n1", "item": "address:c1", "withhold_from": ["mum", "dad"],
                       "reason": "Risk of the child being removed from her carers",
                       "requested": "2025-02-20", "decision": "granted",
                       "decided": "2025-03-01"},
                      {"item": "e2", "withhold_from": ["dad"], "reason": "Harm to the child"}],
}


def doc(child: dict[str, Any]) -> dict[str, Any]:
    return {"format": "pace-interchange", "version": 1, "children": [child]}


def test_every_new_field_round_trips_through_a_store(tmp_path: Path) -> None:
    (child,) = parse_interchange(doc(CHILD))
    assert child.id == CHILD["id"] and child.events[0].significant is False  # a visit
    assert child.meetings[1].orders[0].measures == ("residence", "non_disclosure_of_place")
    assert child.nondisclosure[1].decision == "pending"
    with CaseStore.create(tmp_path / "s.pacestore", PASSPHRASE, "Owner") as store:
        store.import_children([child])
        back = store.child("N-1")
    assert back.nondisclosure[1].id  # the store gives an id to a record that had none
    assert replace(back, nondisclosure=()) == replace(child, nondisclosure=())
    assert [replace(n, id="") for n in back.nondisclosure] == [
        replace(n, id="") for n in child.nondisclosure]
    assert parse_interchange(to_interchange([back])) == [back]
    written = to_interchange([back])["children"][0]
    assert written["id"] == CHILD["id"]
    assert written["meetings"][0]["siblings"][0]["why_apart"] == "No foster home for both"
    assert written["nondisclosure"][0]["withhold_from"] == ["mum", "dad"]
    assert written["meetings"][2]["panel"] == CHILD["meetings"][2]["panel"]
    assert back.meetings[2].panel is not None and back.meetings[2].panel.quorate is True


@pytest.mark.parametrize(("change", "message"), [
    (lambda c: c["nondisclosure"][0].update(item="address:nobody"),
     'children[0].nondisclosure[0].item: "address:nobody": no person or home with that id'),
    (lambda c: c["nondisclosure"][0].update(item="m9"),
     'children[0].nondisclosure[0].item: no entry, meeting, person or home with id "m9"'),
    (lambda c: c["nondisclosure"][0].update(withhold_from=["gran"]),
     'children[0].nondisclosure[0].withhold_from[0]: no person with id "gran"'),
    (lambda c: c["nondisclosure"][0].update(withhold_from=[]),
     "children[0].nondisclosure[0].withhold_from: must name at least one person"),
    (lambda c: c["nondisclosure"][0].update(decided="2025-01-01"),
     "children[0].nondisclosure[0].decided: before the request"),
    (lambda c: c["nondisclosure"][0].pop("reason"),
     "children[0].nondisclosure[0].reason: missing (required)"),
    (lambda c: c["meetings"][0]["siblings"][0].update(person="bro"),
     'children[0].meetings[0].siblings[0].person: no person with id "bro"'),
    (lambda c: c["meetings"][1]["orders"][0].update(action="renewed"),
     'children[0].meetings[1].orders[0].action: "renewed" is not one of made, continued'),
    (lambda c: c["meetings"][1]["orders"][0].update(measures=["curfew"]),
     'children[0].meetings[1].orders[0].measures[0]: "curfew" is not one of residence'),
    (lambda c: c["meetings"][0]["views"][0].update(how="telepathy"),
     'children[0].meetings[0].views[0].how: "telepathy" is not one of in_person'),
    (lambda c: c["meetings"][0]["attendees"][0].update(how="letter"),
     'children[0].meetings[0].attendees[0].how: "letter" is not one of in_person, video'),
    (lambda c: c["meetings"][2]["panel"].update(members=["Ann Bell", 7]),
     "children[0].meetings[2].panel.members[1]: must be a person's name"),
    (lambda c: c["meetings"][2]["panel"].update(chairs=2),
     "children[0].meetings[2].panel.chairs: unknown field"),
    (lambda c: c["meetings"][0].update(assessment="fine"),
     "children[0].meetings[0].assessment: must be an object"),
    (lambda c: c["meetings"][0]["assessment"].update(mood="ok"),
     "children[0].meetings[0].assessment.mood: unknown field"),
    (lambda c: c["meetings"][0]["routes_considered"][0].update(outcome="maybe"),
     'children[0].meetings[0].routes_considered[0].outcome: "maybe" is not one of chosen'),
])
def test_a_wrong_new_field_is_refused_with_its_place(change: Any, message: str) -> None:
    child = copy.deepcopy(CHILD)
    change(child)
    with pytest.raises(InterchangeError) as caught:
        parse_interchange(doc(child))
    assert any(p.startswith(message) for p in caught.value.problems), caught.value.problems


def test_two_children_may_not_share_an_id() -> None:
    second = copy.deepcopy(CHILD) | {"ref": "N-2"}
    with pytest.raises(InterchangeError) as caught:
        parse_interchange({"format": "pace-interchange", "version": 1,
                           "children": [CHILD, second]})
    assert any(p.startswith("children[1].id:") for p in caught.value.problems)
