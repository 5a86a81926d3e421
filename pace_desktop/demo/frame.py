"""What every part of a demo child's builder stands on: its random source, the lists that
stay mutable until the record is frozen, and the small steps (a person, an entry, a meeting,
a move, a legal status) a journey is made of."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from pace_desktop.demo.tables import (
    ARCHETYPES,
    AUTHORITY_NAMES,
    AUTHORITY_WEIGHTS,
    DAY,
    DAY_ORDER,
    block_order,
    staff_of,
)
from pace_desktop.demo_names import AUTHORITIES, STREETS
from pace_desktop.domain.records import Decision, Person


class BuilderFrame:
    """One child's record under construction; lists stay mutable until `build` freezes them."""

    # Set while the record is built (build, make_family, plan, journey), read by every part.
    sex: str
    name: str
    home_town: str
    school: str
    worker: str
    reviewer: str
    dob: date
    family_name: str
    accommodated: date
    age_at_start: int
    referral: date
    mum: str
    dad: str
    mum_id: str
    dad_id: str
    mum_address: str
    worker_id: str
    professionals: dict[str, tuple[str, str]]

    def __init__(self, index: int, seed: int, events: int | None, today: date) -> None:
        self.index = index
        self.rng = random.Random(f"pace-demo:{seed}:{index}")
        self.n_events = events
        self.today = today
        order = block_order(seed, index // len(ARCHETYPES))
        self.route, self.stage = ARCHETYPES[order[index % len(ARCHETYPES)]]
        self.authority = self.rng.choices(AUTHORITY_NAMES, AUTHORITY_WEIGHTS)[0]
        self.towns, regional, _ = AUTHORITIES[self.authority]
        self.families = regional
        self.staff = staff_of(self.authority)
        self.people: list[Person] = []
        # [type, start, end, carer id, address, confidential, reason]
        self.living: list[list[Any]] = []
        self.legal: list[list[Any]] = []  # [status, start, end, reference]
        # Event fields in Event's positional order, minus seq and id, after a sort key.
        self.events: list[tuple[Any, ...]] = []
        self.meetings: list[dict[str, Any]] = []
        # (start, phase, carers' description) from which padding notes take their context.
        self.phases: list[tuple[date, str, str]] = []
        self.held_reviews: list[date] = []
        self.carer_words: dict[str, str] = {}
        self.carer_town: dict[str, str] = {}

    # ----- small helpers -------------------------------------------------------------------

    def tri(self, low: float, high: float, mode: float) -> int:
        return round(self.rng.triangular(low, high, mode))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def address(self, town: str | None = None) -> str:
        rng = self.rng
        return f"{rng.randint(1, 48)} {rng.choice(STREETS)}, {town or rng.choice(self.towns)}"

    def add_person(self, role: str, name: str, relationship: str | None,
                   address: str | None = None, confidential: bool = True,
                   phone: bool = False) -> str:
        pid = f"p{len(self.people) + 1}"
        number = f"01{self.rng.randint(100, 999)} {self.rng.randint(100000, 999999)}"
        self.people.append(
            Person(pid, role, name, relationship, address, confidential,
                   number if phone else None)
        )
        return pid

    def event(self, when: date, kind: str, title: str, *, route: str | None = None,
              detail: str | None = None, source: str | None = None,
              source_person: str | None = None, impact: str | None = None,
              sign: str | None = None, action: str | None = None, significant: bool = True,
              withhold: tuple[str, ...] = (), precision: str = "day") -> None:
        self.events.append((
            when, DAY_ORDER[kind], title, kind, precision, route, detail, source,
            source_person, impact, sign, action, significant, withhold,
        ))

    def meeting(self, kind: str, when: date, chair: str, decisions: list[Decision],
                next_review: date | None = None, order_hearing: bool = False) -> None:
        self.meetings.append({
            "kind": kind, "date": when, "chair": chair, "decisions": decisions,
            "next_review": next_review, "order_hearing": order_hearing,
        })

    def live(self, kind: str, start: date, carer: str | None, reason: str) -> None:
        if self.living and self.living[-1][2] is None:
            self.living[-1][2] = start  # a move: the next episode starts the day this ends
        person = next((p for p in self.people if p.id == carer), None)
        address = person.address if person else self.mum_address
        confidential = person.address_confidential if person else False
        self.living.append([kind, start, None, carer, address, confidential, reason])

    def end_living(self, when: date) -> None:
        if self.living and self.living[-1][2] is None:
            self.living[-1][2] = when

    def law(self, status: str, start: date, reference: str | None = None) -> None:
        """A new legal status from `start`, superseding whatever was planned from then on."""
        if any(row[1] >= start for row in self.legal):
            # A plan made earlier (an ICSO chain, yearly hearings) overtaken by events.
            self.legal = [row for row in self.legal if row[1] < start]
            self.meetings = [m for m in self.meetings
                             if not (m["order_hearing"] and m["date"] >= start)]
        if self.legal and (self.legal[-1][2] is None or self.legal[-1][2] >= start):
            self.legal[-1][2] = start - DAY
        self.legal.append([status, start, None, reference])

    def phase(self, start: date, phase: str, carers: str) -> None:
        self.phases.append((start, phase, carers))

