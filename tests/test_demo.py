"""The demo caseload: reproducible, fictional, and valid by INTERCHANGE.md in every child."""

from __future__ import annotations

import importlib.util
from collections import Counter
from datetime import date

import pytest

from pace_desktop import demo_names
from pace_desktop.demo import DEFAULT_TODAY, generate_caseload, generate_child
from pace_desktop.domain.chi import chi_problem
from pace_desktop.domain.records import Child
from pace_desktop.domain.vocab import (
    DATE_PRECISIONS,
    EVENT_KINDS,
    IMPACT_SIGNS,
    LEGAL_STATUSES,
    LIVING_TYPES,
    MEETING_KINDS,
    MEETING_STATUSES,
    MILESTONE_KINDS,
    PERSON_ROLES,
    RECIPIENTS,
    ROUTED_MILESTONES,
    ROUTES,
    SEXES,
)


@pytest.fixture(scope="module")
def caseload() -> list[Child]:
    return list(generate_caseload(40))


def routes_of(child: Child) -> set[str]:
    found = {e.route for e in child.events if e.route}
    found |= {d.route for m in child.meetings for d in m.decisions if d.route}
    return found


def problems(child: Child, today: date = DEFAULT_TODAY) -> list[str]:
    """Everything wrong with one child by INTERCHANGE.md and the demo's own promises."""
    out: list[str] = []

    def need(ok: bool, what: str) -> None:
        if not ok:
            out.append(f"{child.ref}: {what}")

    need(child.ref.startswith("DEMO-"), "ref")
    need(bool(child.given_name and child.family_name), "names")
    need(child.date_of_birth < today, "born after today")
    need(child.sex in SEXES, "sex")
    need(child.chi is None or chi_problem(child.chi) is None, f"chi {child.chi}")
    if child.chi:
        need(child.chi[:6] == child.date_of_birth.strftime("%d%m%y"), "chi not from birth date")
    ids = [p.id for p in child.people] + [e.id for e in child.living] + \
        [e.id for e in child.legal] + [e.id for e in child.events] + \
        [m.id for m in child.meetings]
    need(all(ids), "an empty id")
    need(len(ids) == len(set(ids)), "ids not unique")
    people = {p.id: p for p in child.people}
    for p in child.people:
        need(p.role in PERSON_ROLES and bool(p.name), f"person {p.id}")

    for kind, episodes in (("living", child.living), ("legal", child.legal)):
        for ep in episodes:
            need(ep.start > child.date_of_birth, f"{kind} {ep.id} starts before birth")
            need(ep.start <= today, f"{kind} {ep.id} starts after today")
            need(ep.end is None or ep.start <= ep.end <= today, f"{kind} {ep.id} end")
        for a, b in zip(episodes, episodes[1:], strict=False):
            need(a.end is not None and a.end <= b.start, f"{kind} {a.id} overlaps {b.id}")
    for ep in child.living:
        need(ep.type in LIVING_TYPES, f"living type {ep.type}")
        need(ep.carer is None or ep.carer in people, f"carer {ep.carer} unknown")
        if ep.carer:
            need(people[ep.carer].role == "carer", f"carer {ep.carer} is not a carer")
    for ep in child.legal:
        need(ep.status in LEGAL_STATUSES, f"legal status {ep.status}")

    last = None
    for e in child.events:
        need(e.kind in EVENT_KINDS, f"event kind {e.kind}")
        need(bool(e.title), f"event {e.id} title")
        need(child.date_of_birth <= e.date <= today, f"event {e.id} date {e.date}")
        need(e.date_precision in DATE_PRECISIONS, f"precision {e.date_precision}")
        need(e.impact_sign is None or e.impact_sign in IMPACT_SIGNS, f"sign {e.impact_sign}")
        need(all(r in RECIPIENTS for r in e.withhold_from), "recipient")
        need(e.route is None or e.route in ROUTES, f"route {e.route}")
        need(e.kind in ROUTED_MILESTONES or e.route is None, f"route on {e.kind}")
        need(e.kind not in ROUTED_MILESTONES or e.route is not None, f"{e.kind} needs a route")
        need(e.source_person is None or e.source_person in people, "source_person unknown")
        if last is not None:
            need((last.date, last.seq or 0) < (e.date, e.seq or 0), f"event order at {e.id}")
        last = e
    for m in child.meetings:
        need(m.kind in MEETING_KINDS and m.status in MEETING_STATUSES, f"meeting {m.id}")
        need(child.date_of_birth < m.date <= today, f"meeting {m.id} date")
        need(m.next_review is None or m.next_review > m.date, f"meeting {m.id} next review")
        for d in m.decisions:
            need(bool(d.text), "decision text")
            need(d.milestone is None or d.milestone in MILESTONE_KINDS, "decision milestone")
            need(d.route is None or (d.milestone in ROUTED_MILESTONES and d.route in ROUTES),
                 f"decision route {d.route} on {d.milestone}")
            need(d.milestone not in ROUTED_MILESTONES or d.route is not None, "needs route")
        for a in m.actions:
            need(a.due is not None and a.due >= m.date, "action due")
            need(a.done is None or m.date <= a.done <= today, "action done")
        for amendment in m.amendments:
            need(m.is_final and m.date <= amendment.at <= today, "amendment")
    return out


def test_same_seed_same_caseload(caseload: list[Child]) -> None:
    assert list(generate_caseload(40, seed=1)) == caseload


def test_different_seed_different_caseload(caseload: list[Child]) -> None:
    other = list(generate_caseload(40, seed=2))
    assert other != caseload
    assert sum(a == b for a, b in zip(other, caseload, strict=True)) == 0


def test_any_child_can_be_regenerated_alone(caseload: list[Child]) -> None:
    assert generate_child(17) == caseload[17]
    assert [c.ref for c in caseload[:3]] == ["DEMO-00001", "DEMO-00002", "DEMO-00003"]


def test_every_child_is_valid(caseload: list[Child]) -> None:
    assert [p for c in caseload for p in problems(c)] == []


@pytest.mark.parametrize("seed", [2, 3, 7, 99])
def test_many_children_are_valid_for_other_seeds_and_dates(seed: int) -> None:
    today = date(2024, 2, 29) if seed == 7 else DEFAULT_TODAY
    children = list(generate_caseload(150, seed=seed, today=today))
    assert [p for c in children for p in problems(c, today)] == []


def test_all_four_routes_and_early_journeys(caseload: list[Child]) -> None:
    routes = Counter(r for c in caseload for r in routes_of(c))
    assert {"home", "po", "poa", "s11", "adoption"} <= set(routes)
    orders = {e.route for c in caseload for e in c.events if e.kind == "order_granted"}
    assert {"po", "poa", "s11", "adoption"} <= orders
    assert any(not routes_of(c) for c in caseload), "some children are early in the journey"
    living = {ep.type for c in caseload for ep in c.living}
    assert {"at_home", "kinship", "foster", "prospective_adopters"} <= living
    legal = {ep.status for c in caseload for ep in c.legal}
    assert {"s25", "icso", "cso_away", "cso_home", "po", "poa", "s11", "adoption_order"} <= legal


def test_milestones_and_meetings_of_the_journey(caseload: list[Child]) -> None:
    kinds = {e.kind for c in caseload for e in c.events}
    kinds |= {d.milestone for c in caseload for m in c.meetings for d in m.decisions}
    for kind in ("referral", "reporter_referral", "looked_after", "permanence_recommendation",
                 "kinship_options_decided", "panel_recommendation", "adm_decision",
                 "advice_hearing", "petition_lodged", "order_granted", "returned_home"):
        assert kind in kinds
    meetings = [m for c in caseload for m in c.meetings]
    assert {m.kind for m in meetings} >= {"two_week_planning", "lac_review",
                                          "permanence_planning", "panel", "adm", "hearing",
                                          "cp_planning"}
    assert any(d.milestone == "permanence_recommendation" and m.kind == "lac_review"
               for m in meetings for d in m.decisions)
    assert {"draft", "final"} <= {m.status for m in meetings}
    assert any(a.done for m in meetings for a in m.actions)
    assert any(a.done is None for m in meetings for a in m.actions)
    assert any(not a.present for m in meetings for a in m.attendees)
    assert all(m.child_views_how for m in meetings if m.child_views)


def test_review_clocks_show_every_state(caseload: list[Child]) -> None:
    """Late and on-time reviews, and some overdue now: gaps beyond the regulation intervals."""
    on_time = late = overdue = due_soon = 0
    for child in caseload:
        reviews = [m for m in child.meetings if m.kind in ("lac_review", "two_week_planning")]
        for a, b in zip(reviews, reviews[1:], strict=False):
            if a.next_review:
                on_time += b.date <= a.next_review
                late += b.date > a.next_review
        if reviews and reviews[-1].next_review and child.living and child.living[-1].end is None:
            gap = (reviews[-1].next_review - DEFAULT_TODAY).days
            overdue += gap < 0
            due_soon += 0 <= gap <= 28
    assert on_time > late > 0
    assert overdue > 0 and due_soon > 0


def test_chronology_entries_as_families_read_them(caseload: list[Child]) -> None:
    events = [e for c in caseload for e in c.events]
    assert any(e.withhold_from == ("relevant_person",) for e in events)
    assert any(not e.significant for e in events)
    assert {"month", "circa"} <= {e.date_precision for e in events}
    assert any(e.seq for e in events)
    assert {"positive", "negative", "neutral"} <= {e.impact_sign for e in events}
    assert all(e.source for e in events)
    carers = [p for c in caseload for p in c.people if p.role == "carer"]
    assert any(p.address_confidential for p in carers)
    assert sum(p.address_confidential for p in carers) > len(carers) / 2
    withheld = [ep for c in caseload for ep in c.living if ep.address_confidential]
    assert withheld and all(ep.address for ep in withheld)
    roles = {p.role for c in caseload for p in c.people}
    assert {"relevant_person", "carer", "sibling", "professional"} <= roles


@pytest.mark.parametrize("per_child", [0, 5, 100])
def test_events_per_child_is_honoured(per_child: int) -> None:
    children = list(generate_caseload(25, seed=4, events_per_child=per_child))
    assert [len(c.events) for c in children] == [per_child] * 25
    for child in children:
        starts = [e for e in child.events if e.title.startswith(f"{child.name} started at")]
        assert len(starts) <= 1, "a one-off note is never repeated to pad a chronology"
    assert [p for c in children for p in problems(c)] == []


def test_children_are_fictional(caseload: list[Child]) -> None:
    given = set(demo_names.GIRLS) | set(demo_names.BOYS)
    families = set(demo_names.NORTHERN_ISLES) | set(demo_names.HIGHLANDS) | \
        set(demo_names.NORTH_EAST)
    authorities = set(demo_names.AUTHORITIES)
    for child in caseload:
        assert child.given_name in given
        assert child.family_name in families
        assert child.local_authority in authorities
        assert child.known_as in (None, demo_names.KNOWN_AS.get(child.given_name))
    names = {c.given_name for c in list(generate_caseload(200))}
    assert names & {"Eòghann", "Màiri", "Ruairidh", "Ciorstaidh", "Seònaid"}


def test_rejects_nonsense_sizes() -> None:
    with pytest.raises(ValueError):
        list(generate_caseload(-1))
    with pytest.raises(ValueError):
        list(generate_caseload(1, events_per_child=-1))


@pytest.mark.skipif(
    importlib.util.find_spec("pace_desktop.exchange.interchange") is None,
    reason="the interchange module is not there yet",
)
def test_round_trips_through_the_interchange_format() -> None:
    from pace_desktop.exchange.interchange import parse_interchange, to_interchange

    children = list(generate_caseload(200, seed=3))
    assert parse_interchange(to_interchange(children)) == children
