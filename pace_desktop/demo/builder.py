"""Builds one demo child from the parts of its builder (one module each)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from pace_desktop.demo.chronology import Chronology
from pace_desktop.demo.family import Family
from pace_desktop.demo.fitting import fit_to_record
from pace_desktop.demo.freezing import Freezing
from pace_desktop.demo.journey import Journey
from pace_desktop.demo.legal import Legal
from pace_desktop.demo.planning import Planning
from pace_desktop.demo.reviews import Reviews
from pace_desktop.demo.tables import DEFAULT_TODAY
from pace_desktop.demo_names import BOYS, GIRLS, KNOWN_AS, SCHOOL_WORDS
from pace_desktop.domain.records import Child


def generate_caseload(
    children: int = 40,
    seed: int = 1,
    events_per_child: int | None = None,
    today: date | None = None,
) -> Iterator[Child]:
    """Yield `children` fictional children in ref order (DEMO-00001, …), reproducibly.

    With `events_per_child` each child has exactly that many chronology events (notes pad the
    journey), for load tests; otherwise the number follows the journey.
    """
    if children < 0:
        raise ValueError("children must not be negative")
    if events_per_child is not None and events_per_child < 0:
        raise ValueError("events_per_child must not be negative")
    as_of = today or DEFAULT_TODAY
    for index in range(children):
        yield generate_child(index, seed=seed, events_per_child=events_per_child, today=as_of)


def generate_child(
    index: int,
    seed: int = 1,
    events_per_child: int | None = None,
    today: date | None = None,
) -> Child:
    """The child at position `index` (0-based) of the caseload with these settings."""
    return ChildBuilder(index, seed, events_per_child, today or DEFAULT_TODAY).build()


class ChildBuilder(Family, Planning, Journey, Legal, Reviews, Freezing, Chronology):
    """Builds one child's record; lists stay mutable until `build` freezes them."""

    def build(self) -> Child:
        rng = self.rng
        self.sex = "female" if rng.random() < 0.5 else "male"
        given = rng.choice(GIRLS if self.sex == "female" else BOYS)
        known_as = KNOWN_AS.get(given) if rng.random() < 0.8 else None
        self.name = known_as or given
        self.home_town = rng.choice(self.towns)
        self.school = f"{rng.choice(SCHOOL_WORDS)} School, {rng.choice(self.towns)}"
        self.worker = rng.choice(self.staff["workers"])
        self.reviewer = rng.choice(self.staff["reviewing"])
        plan = self.plan()
        self.dob = self.accommodated - timedelta(days=self.age_at_start)
        self.family_name = self.make_family()
        self.journey(plan)
        self.early_history()
        living, legal = self.clip_episodes()
        meetings = self.final_meetings()
        events = self.final_events()
        return fit_to_record(Child(
            ref=f"DEMO-{self.index + 1:05d}",
            given_name=given,
            family_name=self.family_name,
            date_of_birth=self.dob,
            known_as=known_as,
            chi=self.chi(),
            sex=self.sex,
            local_authority=self.authority,
            allocated_worker=self.worker,
            reviewing_officer=self.reviewer,
            people=tuple(self.people),
            living=living,
            legal=legal,
            events=events,
            meetings=meetings,
        ))

