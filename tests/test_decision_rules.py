"""The rules a decision record meets before it is final (reasons; an agency decision maker
who differs from the permanence panel) and what finalising a hearing does to the legal
status, over a real store file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pace_desktop.domain import (
    Child,
    Decision,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    OrderMade,
    RouteConsidered,
)
from pace_desktop.domain.decision_rules import legal_changes, missing_reasons
from pace_desktop.journey import judge_child, load_rules
from pace_desktop.store import CaseStore, ReasonsMissing

PASSPHRASE = "correct horse battery"


def isla(**changes: object) -> Child:
    base = Child(ref="OR-1", given_name="Isla", family_name="Brodie",
                 date_of_birth=date(2018, 6, 2),
                 living=(LivingEpisode("foster", date(2024, 3, 3)),),
                 legal=(LegalEpisode("cso_away", date(2024, 4, 1), reference="CSO-1"),))
    return Child(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    s = CaseStore.create(tmp_path / "s.pacestore", PASSPHRASE, "Tester")
    s.import_children([isla()])
    yield s
    s.close()


def test_a_milestone_or_a_route_needs_reasons() -> None:
    m = Meeting("lac_review", date(2025, 5, 1), decisions=(
        Decision("Stays with carers"),
        Decision("Seek a permanence order", "permanence_recommendation", "po"),
        Decision("Route only", route="home"),
        Decision("With reasons", "kinship_options_decided", reasons="Gran can care for her")))
    assert [m.number for m in missing_reasons(m)] == [2, 3]


def test_an_adm_who_differs_from_the_panel_must_say_why() -> None:
    adm = Meeting("adm", date(2025, 6, 1), decisions=(Decision("Permanence order instead"),),
                  routes_considered=(RouteConsidered("po", "chosen", "Keep links with Mum"),))
    (found,) = missing_reasons(adm, panel_route="poa")
    assert "differs from the permanence panel's recommendation" in found.message
    assert missing_reasons(adm, panel_route="po") == []  # agrees: a plain note needs none


def test_the_store_refuses_to_finalise_without_reasons_and_writes_nothing(store) -> None:
    m = store.save_meeting("OR-1", Meeting("lac_review", date(2025, 5, 1), decisions=(
        Decision("Seek a permanence order", "permanence_recommendation", "po"),)))
    before = len(store.audit_entries())
    with pytest.raises(ReasonsMissing, match="Decision 1: give the reasons"):
        store.finalise_meeting("OR-1", m.record)
    kept = store.child("OR-1")
    assert [x.status for x in kept.meetings] == ["draft"]
    assert not any(e.id.startswith(m.record) for e in kept.events)
    assert len(store.audit_entries()) == before


def test_the_store_refuses_an_adm_differing_from_the_final_panel(store) -> None:
    panel = store.save_meeting("OR-1", Meeting("panel", date(2025, 5, 1), decisions=(
        Decision("Recommends adoption", "panel_recommendation", reasons="Best for Isla"),),
        routes_considered=(RouteConsidered("poa", "chosen", "Best for Isla"),)))
    store.finalise_meeting("OR-1", panel.record)
    adm = store.save_meeting("OR-1", Meeting("adm", date(2025, 6, 1), decisions=(
        Decision("The agency will seek a permanence order"),),
        routes_considered=(RouteConsidered("po", "chosen", "Links with Mum"),)))
    with pytest.raises(ReasonsMissing, match="differs from the permanence panel"):
        store.finalise_meeting("OR-1", adm.record)
    fixed = Meeting("adm", date(2025, 6, 1), id=adm.record, decisions=(
        Decision("The agency will seek a permanence order",
                 reasons="Isla's bond with Mum is strong enough to keep"),),
        routes_considered=(RouteConsidered("po", "chosen", "Links with Mum"),))
    store.save_meeting("OR-1", fixed)
    store.finalise_meeting("OR-1", adm.record)
    assert [x.status for x in store.child("OR-1").meetings] == ["final", "final"]


def test_continuing_a_cso_at_a_hearing_restarts_its_clock(store) -> None:
    rules = load_rules()
    before = [c for c in judge_child(store.child("OR-1"), rules, date(2025, 3, 1))
              if c.rule == "cso_expiry"]
    assert [c.due for c in before] == [date(2025, 3, 31)]
    hearing = Meeting("hearing", date(2025, 3, 10), chair="A. Chair",
                      decisions=(Decision("The order is continued"),),
                      orders=(OrderMade("cso_away", "continued",
                                        measures=("residence", "contact_direction"),
                                        residence="with her foster carers",
                                        expires=date(2026, 3, 9)),))
    assert [c.words for c in legal_changes(hearing, store.child("OR-1").legal)] == [
        "Compulsory supervision order, away from home continued on 10/03/2025; Compulsory "
        "supervision order, away from home (from 01/04/2024) ends that day."]
    saved = store.save_meeting("OR-1", hearing)
    changes = store.finalise_meeting("OR-1", saved.record)
    assert "legal" in changes.parts
    legal = store.child("OR-1").legal
    assert [(e.status, e.start, e.end, e.reference) for e in legal] == [
        ("cso_away", date(2024, 4, 1), date(2025, 3, 10), "CSO-1"),
        ("cso_away", date(2025, 3, 10), None, "CSO-1")]
    after = [c for c in judge_child(store.child("OR-1"), rules, date(2025, 4, 1))
             if c.rule == "cso_expiry"]
    assert after[-1].start == date(2025, 3, 10) and after[-1].due == date(2026, 3, 9)
    entry = store.audit_entries()[0]
    assert entry.operation == "finalise meeting"  # one operation: record and legal status


def test_an_order_made_ends_the_status_before_it_and_ended_closes_it() -> None:
    legal = (LegalEpisode("icso", date(2025, 1, 1)),)
    made = Meeting("hearing", date(2025, 2, 1), orders=(OrderMade("cso_home", "made"),))
    (change,) = legal_changes(made, legal)
    assert change.ends == legal[0] and change.starts is not None
    assert change.starts.status == "cso_home" and change.starts.start == date(2025, 2, 1)
    ended = Meeting("hearing", date(2025, 2, 1), orders=(OrderMade("icso", "ended"),))
    (change,) = legal_changes(ended, legal)
    assert change.starts is None and change.words == (
        "Interim compulsory supervision order ends on 01/02/2025.")
    assert legal_changes(Meeting("lac_review", date(2025, 2, 1), orders=made.orders), legal) == []


def test_an_order_already_in_the_legal_status_is_not_added_again() -> None:
    legal = (LegalEpisode("icso", date(2025, 2, 1)),)
    made = Meeting("hearing", date(2025, 2, 1), orders=(OrderMade("icso", "made"),))
    assert legal_changes(made, legal) == []
