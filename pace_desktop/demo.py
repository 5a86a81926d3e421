"""A deterministic, seeded generator of a fictional caseload.

Used by `pace-desktop demo`, the GUI's first run, tests and benchmarks. Every name, address
and story is invented (pools in demo_names.py). The journeys follow DOMAIN.md: children come
into care, are reviewed on the CLOCKS.md cadence (with a realistic share of late and missed
reviews, so every clock status appears), and travel one of the four routes to permanence or
are still early in their journey.

Each child is built from its own `random.Random` seeded from (seed, index), so any child can
be regenerated alone (`generate_child`) and a caseload is the same on every run. Journeys are
planned first as day offsets from the date the child was accommodated, then placed in time so
that the chosen stage of the journey is where the child stands on `today`; anything that would
fall after `today` is dropped, which is what leaves clocks open, due soon or overdue.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import Any, Final

from pace_desktop.demo_fit import fit_to_record
from pace_desktop.demo_names import (
    ACTIONS,
    ADULT_MEN,
    ADULT_WOMEN,
    AMENDMENTS,
    AUTHORITIES,
    BOYS,
    CHILD_VIEWS,
    FAMILY_VIEWS,
    GIRLS,
    HOUSES,
    KNOWN_AS,
    NOTES,
    ONE_OFF,
    PROFESSIONS,
    REASONS_FOR_MOVE,
    REFERRALS,
    RELATIVES,
    SCHOOL_WORDS,
    SIBLING_LIVES,
    SIBLING_WORDS,
    STREETS,
)
from pace_desktop.domain.chi import with_check_digit
from pace_desktop.domain.dates import add_months
from pace_desktop.domain.records import (
    Action,
    Amendment,
    Attendee,
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
    Person,
)

__all__ = ["DEFAULT_TODAY", "ARCHETYPES", "generate_caseload", "generate_child"]

# Fixed rather than date.today() so that the demo (and every test on it) is reproducible.
DEFAULT_TODAY = date(2026, 11, 24)

# (route, stage). A block of len(ARCHETYPES) consecutive children holds each one once, in a
# seeded order, so even a small caseload shows all four routes and every stage.
ARCHETYPES: tuple[tuple[str | None, str], ...] = (
    ("home", "complete"), ("home", "complete"), ("home", "recommended"),
    ("home", "at_home"), ("home", "at_home"),
    ("po", "complete"), ("po", "lodged"), ("po", "decided"), ("po", "recommended"),
    ("poa", "complete"), ("poa", "lodged"),
    ("s11", "complete"), ("s11", "lodged"), ("s11", "recommended"),
    ("adoption", "complete"), ("adoption", "lodged"), ("adoption", "decided"),
    (None, "early"), (None, "early"), (None, "early"),
    ("po", "changed"),
)

_ROUTE_WORDS = {
    "home": "return home",
    "po": "a permanence order",
    "poa": "a permanence order with authority to adopt",
    "s11": "a kinship care order",
    "adoption": "adoption",
}
_ORDER_STATUS = {"po": "po", "poa": "poa", "s11": "s11", "adoption": "adoption_order"}
_ORDER_WORDS = {
    "po": "Permanence order",
    "poa": "Permanence order with authority to adopt",
    "s11": "Kinship care order (section 11)",
    "adoption": "Adoption order",
}
# Same-day order in a chronology: how a day unfolds (referral before the move, the order
# before the supervision order ends), with ordinary notes last.
_DAY_ORDER = {
    "referral": 0, "reporter_referral": 1, "cpo_granted": 2, "looked_after": 3,
    "kinship_options_decided": 4, "permanence_recommendation": 5, "panel_recommendation": 6,
    "adm_decision": 7, "advice_hearing": 8, "petition_lodged": 9, "order_granted": 10,
    "cso_terminated": 11, "returned_home": 12, "note": 20,
}
_AUTHORITY_NAMES = tuple(AUTHORITIES)
_AUTHORITY_WEIGHTS = tuple(w for _, _, w in AUTHORITIES.values())
_DAY = timedelta(days=1)
_AGE_BAND_DAYS = (3 * 365, 5 * 365, 12 * 365)


def _band(age_days: int) -> int:
    for band, limit in enumerate(_AGE_BAND_DAYS):
        if age_days < limit:
            return band
    return 3


# Note templates by (phase, age band), computed once so that padding costs one lookup.
_NOTE_POOLS: dict[tuple[str, int], tuple[int, ...]] = {
    (phase, band): tuple(
        i for i, note in enumerate(NOTES) if phase in note[0] and str(band) in note[1]
    )
    for phase in "pahf"
    for band in range(4)
}
# The first reasons for coming into care that name how: the one that fits each status.
_FIRST_REASONS: Final = {
    "s25": REASONS_FOR_MOVE["first"][1], "cpo": REASONS_FOR_MOVE["first"][2],
    "icso": REASONS_FOR_MOVE["first"][3],
}
_ONE_OFF_NOTES = frozenset(i for i, note in enumerate(NOTES) if note[2] in ONE_OFF)
_NOTE_INDEX = {note[2]: i for i, note in enumerate(NOTES)}
# An everyday note that fits each phase and any age, used instead of a repeated one-off.
_EVERYDAY = {
    "p": _NOTE_INDEX["Home visit: home warm and well stocked"],
    "a": _NOTE_INDEX["Routine visit by the social worker"],
    "h": _NOTE_INDEX["Routine visit by the social worker"],
    "f": _NOTE_INDEX["Dental check-up"],
}


def _person_name(rng: random.Random, women: bool, families: tuple[str, ...]) -> str:
    return f"{rng.choice(ADULT_WOMEN if women else ADULT_MEN)} {rng.choice(families)}"


@cache
def _staff(authority: str) -> dict[str, tuple[str, ...]]:
    """The invented staff of one authority, the same on every run."""
    rng = random.Random(f"pace-demo-staff:{authority}")
    families = AUTHORITIES[authority][1]

    def names(n: int) -> tuple[str, ...]:
        return tuple(_person_name(rng, rng.random() < 0.7, families) for _ in range(n))

    return {
        "workers": names(6),
        "reviewing": names(2),
        "cp_chair": names(1),
        "panel_chair": names(1),
        "adm": names(1),
        "hearing_chairs": names(4),
        "reporter": names(2),
        "family_placement": names(2),
    }


@cache
def _block_order(seed: int, block: int) -> tuple[int, ...]:
    order = list(range(len(ARCHETYPES)))
    random.Random(f"pace-demo-block:{seed}:{block}").shuffle(order)
    return tuple(order)


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
    return _ChildBuilder(index, seed, events_per_child, today or DEFAULT_TODAY).build()


class _ChildBuilder:
    """Builds one child's record; lists stay mutable until `build` freezes them."""

    def __init__(self, index: int, seed: int, events: int | None, today: date) -> None:
        self.index = index
        self.rng = random.Random(f"pace-demo:{seed}:{index}")
        self.n_events = events
        self.today = today
        order = _block_order(seed, index // len(ARCHETYPES))
        self.route, self.stage = ARCHETYPES[order[index % len(ARCHETYPES)]]
        self.authority = self.rng.choices(_AUTHORITY_NAMES, _AUTHORITY_WEIGHTS)[0]
        self.towns, regional, _ = AUTHORITIES[self.authority]
        self.families = regional
        self.staff = _staff(self.authority)
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
            when, _DAY_ORDER[kind], title, kind, precision, route, detail, source,
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
            self.legal[-1][2] = start - _DAY
        self.legal.append([status, start, None, reference])

    def phase(self, start: date, phase: str, carers: str) -> None:
        self.phases.append((start, phase, carers))

    # ----- the record ------------------------------------------------------------------------

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

    def chi(self) -> str | None:
        if self.chance(0.03):
            return None  # a few records are still waiting for the CHI number from health
        stem = self.dob.strftime("%d%m%y")
        odd = self.sex == "male"
        while True:
            sex_digit = self.rng.randrange(1 if odd else 0, 10, 2)
            chi = with_check_digit(f"{stem}{self.rng.randint(0, 99):02d}{sex_digit}")
            if chi is not None:
                return chi

    def make_family(self) -> str:
        rng = self.rng
        mum_family = rng.choice(self.families)
        dad_family = rng.choice(self.families)
        self.mum_address = self.address(self.home_town)
        mum = f"{rng.choice(ADULT_WOMEN)} {mum_family}"
        dad = f"{rng.choice(ADULT_MEN)} {dad_family}"
        self.mum_id = self.add_person("relevant_person", mum, "mother", self.mum_address,
                                      False, phone=True)
        dad_has_rights = self.chance(0.6)
        dad_address = self.address() if self.chance(0.6) else None
        self.dad_id = self.add_person("relevant_person" if dad_has_rights else "parent", dad,
                                      "father", dad_address, False)
        self.mum, self.dad = mum, dad
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            sex = "female" if rng.random() < 0.5 else "male"
            first = rng.choice(GIRLS if sex == "female" else BOYS)
            where = rng.choice(SIBLING_LIVES)
            self.add_person("sibling", f"{first} {rng.choice((mum_family, dad_family))}",
                            f"{rng.choice(SIBLING_WORDS[sex])}; {where}", None, True)
        age_years = (self.today - self.dob).days // 365
        self.professionals: dict[str, tuple[str, str]] = {}
        for title, service, low, high in PROFESSIONS:
            if low <= age_years < high and self.chance(0.5):
                name = _person_name(rng, rng.random() < 0.8, self.families)
                pid = self.add_person("professional", name, f"{title}, {service}")
                self.professionals[title] = (pid, name)
        self.worker_id = self.add_person("professional", self.worker,
                                         f"Allocated social worker, {self.authority} Council")
        return mum_family if self.chance(0.6) else dad_family

    # ----- planning ------------------------------------------------------------------------

    def plan(self) -> dict[str, int]:
        """Day offsets from the first accommodation, and where `today` falls among them."""
        rng = self.rng
        route, stage = self.route, self.stage
        if stage == "early":
            route = self.route = rng.choice(("home", "po", "poa", "s11", "adoption"))
        p: dict[str, int] = {"kin": self.tri(30, 200, 100)}
        if stage == "at_home":
            p["start"] = 0
            since = self.tri(60, 1500, 500)
            self.place(since, age_low=400, age_high=14 * 365)
            return p
        base = 0
        if stage == "changed":
            p["rec1"] = self.tri(35, 200, 100)
            p["ret1"] = p["rec1"] + self.tri(5, 50, 20)
            base = p["ret1"] + self.tri(120, 500, 250)
            p["again"] = base
        if route == "home":
            p["rec"] = base + self.tri(35, 230, 110)
            p["ret"] = p["rec"] + self.tri(5, 60, 21)
        elif route == "s11":
            p["rec"] = base + self.tri(80, 320, 170)
            p["lodged"] = p["rec"] + self.tri(30, 220, 90)
            p["order"] = p["lodged"] + self.tri(40, 220, 100)
        else:
            p["rec"] = base + self.tri(80, 360, 175)
            # Most panels meet the 12-week local aim and most decisions the 14-day rule;
            # the late minority is what the clocks are there to show.
            p["panel"] = p["rec"] + (rng.randint(35, 84) if self.chance(0.6)
                                     else rng.randint(85, 170))
            p["adm"] = p["panel"] + (rng.randint(3, 14) if self.chance(0.8)
                                     else rng.randint(15, 35))
            p["advice"] = p["adm"] + self.tri(21, 100, 45)
            if route == "adoption":
                p["adopters"] = p["adm"] + self.tri(50, 250, 120)
                p["lodged"] = max(p["advice"] + 7, p["adopters"] + self.tri(91, 220, 120))
            else:
                p["lodged"] = p["advice"] + self.tri(10, 120, 40)
                if route == "poa":
                    p["adopters"] = p["adm"] + self.tri(50, 300, 150)
                elif self.chance(0.4):
                    p["long_term"] = p["adm"] + self.tri(30, 200, 90)
            p["order"] = p["lodged"] + self.tri(60, 420, 200)
        after_rec = p.get("panel", p.get("ret", p.get("lodged", p["rec"] + 60)))
        windows = {
            "early": (base + 4, min(p["rec"] - 1, base + 260)),
            "recommended": (p["rec"] + 1, after_rec - 1),
            "decided": (p.get("adm", 0) + 1, p.get("lodged", 0) - 1),
            "lodged": (p.get("lodged", 0) + 1, p.get("order", 0) - 1),
            "complete": (p.get("order", p.get("ret", 0)) + 1,
                         p.get("order", p.get("ret", 0)) + 1300),
        }
        if stage == "changed":
            stage = rng.choice(("recommended", "decided", "lodged"))
        low, high = windows[stage]
        since = rng.randint(low, max(low, high))
        young = route in ("adoption", "poa")
        self.place(since, age_low=2, age_high=(2 if young else 13) * 365)
        return p

    def place(self, since: int, age_low: int, age_high: int) -> None:
        """Put day 0 of the plan `since` days before today and choose the child's age then."""
        self.accommodated = self.today - timedelta(days=since)
        # Keep every child under 17 and a half today: the demo is of children in care.
        age_high = max(age_low, min(age_high, int(17.5 * 365) - since))
        if self.chance(0.3) and self.route in ("adoption", "poa"):
            self.age_at_start = self.rng.randint(2, 14)  # removed from hospital after birth
        else:
            self.age_at_start = self.rng.randint(age_low, age_high)

    def on(self, offset: int) -> date:
        return self.accommodated + timedelta(days=offset)

    # ----- the journey -----------------------------------------------------------------------

    def journey(self, p: dict[str, int]) -> None:
        start = self.accommodated
        referral = start - timedelta(days=self.tri(3, 300, 40))
        referral = max(referral, self.dob)
        source, text = self.rng.choice(REFERRALS)
        if self.age_at_start < 60:
            source, text = "Midwife", "Midwife referred the family for support around the birth"
        self.referral = referral
        self.event(referral, "referral", "Referral to social work",
                   detail=text.format(name=self.name), source=source,
                   impact="Start of social work involvement.", sign="neutral",
                   action="Initial assessment started.")
        self.phase(referral, "p", "")
        if self.chance(0.4) and (start - referral).days > 30:
            conference = referral + timedelta(days=self.tri(10, 28, 20))
            self.cp_meeting(conference, "Initial child protection planning meeting held")
            if (start - conference).days > 100:
                self.cp_meeting(add_months(conference, 3), "Review planning meeting held")
        if self.stage == "at_home":
            self.at_home_journey(start)
            return
        if self.stage == "changed":
            self.away(start, p["rec1"], "home", p, first=True, ret=p["ret1"])
            again = self.on(p["again"])
            self.away(again, p["rec"], "po", p, first=False)
        else:
            self.away(start, p["rec"], self.route or "po", p, first=True, ret=p.get("ret"))

    def cp_meeting(self, when: date, title: str) -> None:
        self.meeting("cp_planning", when, self.staff["cp_chair"][0], [
            Decision(f"{self.name}'s name placed on the child protection register"
                     if "Initial" in title else "Child protection plan continues"),
            Decision("Core group to meet every four weeks"),
        ], next_review=add_months(when, 3))

    def hearing(self, when: date, text: str, milestone: str | None = None,
                order_hearing: bool = False) -> None:
        """A children's hearing; `order_hearing` ones lapse if the order they review ends."""
        self.meeting("hearing", when, self.rng.choice(self.staff["hearing_chairs"]),
                     [Decision(text, milestone)], order_hearing=order_hearing)

    def at_home_journey(self, start: date) -> None:
        """Looked after at home on a supervision order: no accommodation, reviews as agreed."""
        self.event(start, "reporter_referral", "Referral to the Children's Reporter",
                   source="Social work", impact="A hearing may consider compulsory measures.",
                   sign="neutral", action="Report sent to the Reporter.")
        self.live("at_home", start, None, "Lives at home with Mum")
        self.phase(start, "h", "")
        hearing = start + timedelta(days=self.tri(14, 60, 28))
        self.law("cso_home", hearing, f"CSO/{hearing.year}/{self.rng.randint(100, 999)}")
        self.hearing(hearing, "Compulsory supervision order made; no condition of residence")
        self.event(hearing, "looked_after", "Became looked after at home",
                   detail="The hearing made a supervision order.", source="Children's hearing",
                   impact="Support and oversight while living at home.", sign="neutral",
                   action="Child's plan agreed.")
        # About a third of these families no longer need compulsory measures after a while.
        ended: date | None = hearing + timedelta(days=self.tri(300, 900, 600))
        if ended is None or ended > self.today or not self.chance(0.3):
            ended = None
        when = hearing + timedelta(days=self.tri(30, 90, 42))
        first = True
        while when <= self.today and (ended is None or when < ended):
            gap = self.tri(100, 330, 180)
            decisions = [Decision("Remain at home with support; plan reviewed")]
            if first and self.chance(0.5):
                decisions.append(Decision(f"{self.name} to remain at home with Mum",
                                          "permanence_recommendation", "home"))
            first = False
            self.review(when, decisions, when + timedelta(days=gap))
            when += timedelta(days=gap + self.tri(-20, 40, 0))
        annual = hearing
        for _ in range(7):
            # Continued each year before it runs out: a new episode from each hearing.
            annual = add_months(annual, 12) - timedelta(days=self.tri(1, 20, 7))
            if annual > self.today or (ended is not None and annual >= ended):
                break
            self.law("cso_home", annual, self.legal[-1][3])
            self.hearing(annual, "Supervision order continued")
        if ended is not None:
            self.legal[-1][2] = ended
            self.event(ended, "cso_terminated", "Supervision order ended",
                       detail="The hearing agreed compulsory measures are no longer needed.",
                       source="Children's hearing",
                       impact="Family doing well without compulsory measures.",
                       sign="positive", action="Case to close after a planned handover.")

    def away(self, start: date, rec_off: int, route: str, p: dict[str, int], *,
             first: bool, ret: int | None = None) -> None:
        """One period in care from `start`, along `route`, as far as the plan goes."""
        rng = self.rng
        older = (start - self.dob).days > 11 * 365
        kinship_first = route == "s11" and self.chance(0.7)
        if kinship_first:
            relationship, short = rng.choice(RELATIVES)
            carer = self.carer("kinship", relationship, short)
            kind = "kinship"
        elif older and self.chance(0.4):
            carer, kind = self.carer("residential_la", "children's house", "staff"), \
                "residential_la"
        elif self.chance(0.06):
            carer, kind = self.carer("crisis_care", "crisis care", "staff"), "crisis_care"
        else:
            carer, kind = self.carer("foster", "foster carers", "carers"), "foster"
        reason = rng.choice(REASONS_FOR_MOVE["first" if first else "back"])
        self.live(kind, start, carer, reason)
        self.phase(start, "a", self.carer_words[carer])
        self.event(start, "looked_after", "Became looked after and accommodated" if first
                   else "Came back into care", detail=reason, source="Social work",
                   impact="A safe place to live while plans are made.", sign="neutral",
                   action="Two week planning meeting arranged.")
        self.event(start, "note", f"Moved to live with {self.carer_words[carer]} in "
                   f"{self.carer_town[carer]}", source="Social work",
                   impact=f"{self.name} has a new home and may need time to settle.",
                   sign="neutral", action="Carers given the child's health and school details.",
                   withhold=("relevant_person",))
        self.legal_start(start)
        self.fit_reason(start, reason)
        rec = self.on(rec_off)
        # Kinship options are decided once per child, in the first period in care.
        if first and route not in ("s11", "home") and (p["kin"] < rec_off or self.chance(0.3)):
            self.event(self.on(p["kin"]), "kinship_options_decided",
                       "Kinship options ruled out", detail="Relatives were assessed; none "
                       "able to care for the child full time.", source="Kinship assessment "
                       "team", impact="A plan outwith the family is needed.", sign="negative",
                       action="Family time with relatives to continue.")
        if route == "s11":
            kin = self.on(min(p["kin"], rec_off - 7))
            self.event(kin, "kinship_options_decided", "Kinship care with family ruled in",
                       detail="Kinship assessment approved.", source="Kinship assessment team",
                       impact=f"{self.name} can grow up within the family.", sign="positive",
                       action="Kinship care order to be explored.")
            if not kinship_first:
                relationship, short = rng.choice(RELATIVES)
                carer = self.carer("kinship", relationship, short)
                self.live("kinship", kin, carer, REASONS_FOR_MOVE["early"][2])
                self.phase(kin, "a", self.carer_words[carer])
        elif self.chance(0.3):
            moved = start + timedelta(days=rng.randint(10, max(11, (rec - start).days - 5)))
            carer = self.carer("foster", "foster carers", "carers")
            self.live("foster", moved, carer, rng.choice(REASONS_FOR_MOVE["early"][:2]))
            self.phase(moved, "a", self.carer_words[carer])
        end: date | None = None
        if ret is not None:
            end = self.on(ret)
        elif route in ("s11", "adoption"):
            end = self.on(p["order"])  # no longer looked after once the order is made
        self.reviews(start, end, rec, route)
        if route == "home":
            self.return_home(self.on(ret if ret is not None else p["ret"]),
                             self.on(p["again"]) if "again" in p and first else None)
            return
        if route != "s11":
            self.permanence_steps(route, p)
        self.court(route, p)

    def carer(self, kind: str, relationship: str, short: str) -> str:
        rng = self.rng
        town = rng.choice(self.towns)
        if kind == "kinship":
            women = "grand" in relationship or "aunt" in relationship or rng.random() < 0.5
            name = _person_name(rng, women, (self.family_name,) + self.families[:6])
            words = f"{short} ({name})" if short != "family friend" else f"family friend {name}"
            confidential = self.chance(0.75)
        elif kind in ("residential_la", "crisis_care"):
            house = rng.choice(HOUSES)
            name = f"Staff at {house} children's house"
            words = f"staff at {house}"
            confidential = True
        else:
            first = f"{rng.choice(ADULT_WOMEN)} and {rng.choice(ADULT_MEN)}"
            name = f"{first} {rng.choice(self.families)}" if rng.random() < 0.7 else \
                _person_name(rng, True, self.families)
            words = "prospective adopters" if kind == "prospective_adopters" else \
                "foster carers"
            confidential = kind == "prospective_adopters" or self.chance(0.92)
        cid = self.add_person("carer", name, relationship, self.address(town), confidential)
        self.carer_words[cid] = words
        self.carer_town[cid] = town
        return cid

    def fit_reason(self, start: date, reason: str) -> None:
        """The reason for coming into care says the order the legal status shows from that
        day (the checks before printing find an entry naming an order the record does not
        show). Chosen before the legal status is, and put right after without another draw
        from the generator, so every other part of the caseload stays as it was."""
        status = next((row[0] for row in self.legal if row[1] == start), None)
        fits = _FIRST_REASONS.get(status or "")
        if fits is None or reason == fits or not any(
                reason == words for words in _FIRST_REASONS.values()):
            return
        for row in self.living:
            if row[1] == start and row[6] == reason:
                row[6] = fits
        self.events = [(*row[:6], fits, *row[7:]) if row[0] == start and row[3] ==
                       "looked_after" and row[6] == reason else row for row in self.events]

    def legal_start(self, start: date) -> None:
        rng = self.rng
        ref = f"{rng.randint(100, 999)}/{start.year}"
        if self.legal and self.legal[-1][0] == "cso_home":
            # Back into care while a supervision order is in force: the hearing varies it.
            self.law("cso_away", start, self.legal[-1][3])
            self.hearing(start, "Supervision order varied: condition of residence with carers")
            self.yearly_hearings(start)
            return
        mode = rng.choices(("cpo", "s25", "icso"), (2, 4, 4))[0]
        if mode == "s25":
            self.law("s25", start)
            if self.route == "s11" and self.chance(0.5):
                return  # family agree to kinship care; no compulsory measures needed
            reporter = start + timedelta(days=self.tri(14, 120, 40))
            chain = reporter + timedelta(days=self.tri(10, 40, 21))
        elif mode == "cpo":
            self.law("cpo", start, f"CPO/{ref}")
            self.event(start, "cpo_granted", "Child protection order granted",
                       source="Sheriff court", impact=f"{self.name} kept safe while the "
                       "hearing considers the concerns.", sign="neutral",
                       action="Hearing on the second working day.")
            reporter = start
            chain = start + timedelta(days=rng.randint(2, 5))
        else:
            reporter = start - timedelta(days=rng.randint(0, 10))
            chain = start
        self.event(max(reporter, self.referral), "reporter_referral",
                   "Referral to the Children's Reporter", source="Social work",
                   impact="A hearing may consider compulsory measures.", sign="neutral",
                   action="Report sent to the Reporter.")
        for i in range(rng.choice((1, 1, 2, 2, 3, 4))):
            self.law("icso", chain, f"ICSO/{ref}")
            self.hearing(chain, "Interim compulsory supervision order made" if i == 0 else
                         "Interim compulsory supervision order renewed", order_hearing=True)
            # Mostly renewed on its 22nd day (counting the day it was made as the first); now
            # and then the record shows a renewal after it had ceased (lapsed).
            chain += timedelta(days=rng.randint(22, 27) if self.chance(0.03) else 21)
        self.law("cso_away", chain, f"CSO/{ref}")
        self.hearing(chain, "Compulsory supervision order made with a condition of residence",
                     order_hearing=True)
        self.yearly_hearings(chain)

    def yearly_hearings(self, made: date) -> None:
        """A supervision order lasts a year unless reviewed, so it comes back every year; each
        hearing that continues it starts a new episode (CLOCKS.md), so its expiry clock starts
        again. Now and then the record shows the hearing a few days late: the order lapsed."""
        status, reference = self.legal[-1][0], self.legal[-1][3]
        when = made
        for _ in range(5):
            when = add_months(when, 12) - timedelta(days=self.rng.randint(1, 21))
            if self.chance(0.03):
                when += timedelta(days=self.rng.randint(22, 27))  # past the anniversary
            self.law(status, when, reference)
            self.hearing(when, "Supervision order reviewed and continued", order_hearing=True)

    def reviews(self, start: date, end: date | None, rec: date, route: str) -> None:
        """Planning meeting and LAC reviews on the regulation cadence, some late, some slipped.

        The review that recommends permanence is brought forward to the day it happens
        (`rec`), and the cadence restarts from it, as it would in practice.
        """
        rng, today = self.rng, self.today
        when = start
        if self.chance(0.65):
            twp = start + timedelta(days=self.tri(9, 24, 14))
            if twp <= today and (end is None or twp < end):
                self.review(twp, [Decision("Plan for the first weeks agreed"),
                                  Decision("Family time: three times a week, supervised")],
                            start + timedelta(weeks=6), kind="two_week_planning")
                when = twp
        target = start + timedelta(weeks=6)
        count = 0
        while True:
            late = self.chance(0.22)
            held = target + timedelta(days=rng.randint(1, 50) if late else -rng.randint(0, 21))
            held = max(held, when + timedelta(days=7))
            rec_pending = rec > when
            if rec_pending and rec <= held:
                held = rec
            if held > today or (end is not None and held >= end):
                break
            if not (rec_pending and rec <= today) and (today - held).days < 75 \
                    and self.chance(0.3):
                break  # this review has slipped: its clock shows overdue or due soon
            count += 1
            target = add_months(held, 3 if count == 1 else 6)
            decisions = [Decision("Child's plan reviewed and updated")]
            if held == rec:
                decisions = self.recommendation(held, route) + decisions
            self.review(held, decisions, target)
            when = held

    def recommendation(self, when: date, route: str) -> list[Decision]:
        text = f"Recommend {_ROUTE_WORDS[route]} for {self.name}"
        if route != "home":
            text = f"Return home ruled out. {text}"
        if self.chance(0.8):
            return [Decision(text, "permanence_recommendation", route)]
        self.event(when, "permanence_recommendation", f"Review recommends {_ROUTE_WORDS[route]}",
                   route=route, source="Looked after child review",
                   impact="A clear plan for where the child will grow up.", sign="positive",
                   action="Plan shared with the family.")
        return [Decision(text)]

    def review(self, when: date, decisions: list[Decision], next_review: date | None,
               kind: str = "lac_review") -> None:
        self.meeting(kind, when, self.reviewer, decisions, next_review)
        self.held_reviews.append(when)

    def return_home(self, when: date, until: date | None) -> None:
        """Home again; reviews as agreed with the family until `until` (back into care)."""
        mum_words = self.rng.choice(REASONS_FOR_MOVE["home"])
        self.live("at_home", when, None, mum_words)
        self.phase(when, "h", "")
        self.event(when, "returned_home", mum_words, source="Social work",
                   impact=f"{self.name} is back with family, with support.", sign="positive",
                   action="Support plan in place; reviews continue.")
        # Compulsory measures planned for later are overtaken by the return home.
        self.legal = [row for row in self.legal if row[1] < when]
        self.meetings = [m for m in self.meetings
                         if not (m["order_hearing"] and m["date"] >= when)]
        self.events = [row for row in self.events
                       if not (row[3] == "reporter_referral" and row[0] >= when)]
        last = self.legal[-1]
        if last[0] == "s25":
            last[2] = when
            return  # home from voluntary care: no longer looked after, so no more reviews
        self.law("cso_home", when, last[3])
        self.hearing(when, "Supervision order varied: condition of residence removed")
        self.yearly_hearings(when)
        review = when + timedelta(days=self.tri(80, 200, 120))
        while review <= self.today and (until is None or review < until):
            gap = self.tri(120, 365, 180)
            self.review(review, [Decision("Remain at home with support")],
                        review + timedelta(days=gap))
            review += timedelta(days=gap + self.tri(-14, 40, 0))

    def permanence_steps(self, route: str, p: dict[str, int]) -> None:
        rng = self.rng
        panel, adm, advice = self.on(p["panel"]), self.on(p["adm"]), self.on(p["advice"])
        planning = self.on(p["rec"]) + timedelta(days=self.tri(10, 50, 21))
        if planning < panel:
            self.meeting("permanence_planning", planning, self.reviewer, [
                Decision("Permanence report to be completed for the permanence panel"),
                Decision("Sibling assessment to inform the plan"),
            ])
        words = _ROUTE_WORDS[route]
        chair = self.staff["panel_chair"][0]
        if self.chance(0.75):
            self.meeting("panel", panel, chair, [Decision(
                f"The permanence panel recommends {words}", "panel_recommendation")])
        else:
            self.event(panel, "panel_recommendation",
                       f"The permanence panel recommends {words}",
                       source="Permanence panel", impact="Moves the plan forward.",
                       sign="positive", action="Minute sent to the agency decision maker.")
        adm_name = self.staff["adm"][0]
        if self.chance(0.7):
            self.meeting("adm", adm, adm_name, [Decision(
                f"Agency decision maker agrees the plan for {words}", "adm_decision")])
        else:
            self.event(adm, "adm_decision", "Agency decision maker agrees the permanence panel's "
                       "recommendation", source=f"{adm_name}, agency decision maker",
                       impact="The plan is approved.", sign="positive",
                       action="Family told in writing.")
        self.event(adm, "note", "Family told of the agency decision", source="Social work",
                   impact="Family know the plan.", sign="neutral",
                   action="Mum offered support from an independent service.",
                   significant=self.chance(0.5))
        if self.chance(0.65):
            self.hearing(advice, "Advice to the sheriff: the hearing supports the application",
                         "advice_hearing")
        else:
            self.event(advice, "advice_hearing", "Advice hearing held",
                       detail="The hearing's advice was sent to the sheriff court.",
                       source="Children's hearing", impact="The court will hear the "
                       "hearing's view.", sign="neutral", action="Advice sent to court.")
        for key, kind, reason in (("long_term", "foster", "long_term"),
                                  ("adopters", "prospective_adopters", "adopters")):
            if key in p:
                moved = self.on(p[key])
                carer = self.carer(kind, "prospective adopters" if kind != "foster"
                                   else "long-term foster carers", "carers")
                self.meeting("panel", moved - timedelta(days=self.tri(14, 40, 21)),
                             self.staff["panel_chair"][0],
                             [Decision("The permanence panel recommends the match with "
                                       "the carers")])
                self.live(kind, moved, carer, rng.choice(REASONS_FOR_MOVE[reason]))
                self.phase(moved, "a", self.carer_words[carer])

    def court(self, route: str, p: dict[str, int]) -> None:
        lodged, order = self.on(p["lodged"]), self.on(p["order"])
        words = _ORDER_WORDS[route]
        self.event(lodged, "petition_lodged", f"Petition for {words.lower()} lodged",
                   route=route, source="Sheriff court" if route != "s11" else
                   "Kinship carers' solicitor", impact="The court will decide.",
                   sign="neutral", action="Court dates to be shared with the family.")
        self.event(order, "order_granted", f"{words} granted", route=route,
                   source="Sheriff court", impact=f"{self.name} has a settled legal home.",
                   sign="positive", action="Carers and family told; support plan agreed.")
        if self.legal and self.legal[-1][0] != "s25":
            self.event(order, "cso_terminated", "Supervision order ended",
                       detail="Ended when the order was granted.", source="Sheriff court",
                       impact="No further hearings.", sign="neutral", action="None needed.")
        self.law(_ORDER_STATUS[route], order, f"F{self.rng.randint(10, 99)}/{order.year % 100}")
        if route in ("s11", "adoption"):
            # No longer looked after: the record stops following where the child lives.
            self.end_living(order)
            self.phase(order, "f", "")
        # Under a permanence order the child is still looked after and the six-monthly
        # reviews already planned by `reviews` carry on.

    def early_history(self) -> None:
        """A few approximate entries from before social work involvement."""
        rng = self.rng
        span = (self.referral - self.dob).days
        self.event(self.dob, "note", f"{self.name} was born", source="Health records",
                   sign="neutral", significant=self.chance(0.6))
        if span < 200:
            return
        for title, precision in rng.sample((
            (f"Family moved to {self.home_town}", "circa"),
            ("Health visitor offered extra support after the birth", "month"),
            ("Mum's parents separated; Mum moved out", "circa"),
            ("Mum told the GP she was struggling with her mood", "month"),
            ("Family registered with a new GP practice", "year"),
        ), rng.randint(1, 3)):
            when = self.dob + timedelta(days=rng.randint(30, span - 1))
            if precision == "month":
                when = when.replace(day=1)
            elif precision == "year":
                when = when.replace(month=1, day=1)
            if when <= self.dob:
                when, precision = self.dob + _DAY, "day"
            self.event(when, "note", title, source="Family history (from Mum)",
                       impact="Background to the family's situation.", sign="neutral",
                       action="None at the time.", precision=precision)

    # ----- freezing the record -----------------------------------------------------------------

    def clip_episodes(self) -> tuple[tuple[LivingEpisode, ...], tuple[LegalEpisode, ...]]:
        """Drop what has not happened yet by `today`; what is under way stays open."""
        today = self.today
        living = [row for row in self.living if row[1] <= today]
        if living and (len(living) < len(self.living) or
                       (living[-1][2] is not None and living[-1][2] > today)):
            living[-1][2] = None
        legal = [row for row in self.legal if row[1] <= today]
        if legal and (len(legal) < len(self.legal) or
                      (legal[-1][2] is not None and legal[-1][2] > today)):
            legal[-1][2] = None
        return (
            tuple(LivingEpisode(t, s, e, c, a, conf, r, f"l{i}")
                  for i, (t, s, e, c, a, conf, r) in enumerate(living, 1)),
            tuple(LegalEpisode(st, s, e, ref, f"g{i}")
                  for i, (st, s, e, ref) in enumerate(legal, 1)),
        )

    def final_meetings(self) -> tuple[Meeting, ...]:
        rng, today = self.rng, self.today
        specs = sorted((m for m in self.meetings if m["date"] <= today),
                       key=lambda m: m["date"])
        out = []
        for i, m in enumerate(specs, 1):
            when, kind = m["date"], m["kind"]
            last = i == len(specs)
            draft = last and (today - when).days < 45 and self.chance(0.5)
            amendments: tuple[Amendment, ...] = ()
            if not draft and kind == "lac_review" and self.chance(0.05):
                at = min(today, when + timedelta(days=rng.randint(3, 30)))
                amendments = (Amendment(at, self.reviewer, rng.choice(AMENDMENTS)),)
            views, how = (None, None) if kind in ("adm", "panel") else self.views(when)
            out.append(Meeting(
                kind=kind, date=when, chair=m["chair"],
                attendees=self.attendees(kind, when),
                child_views=views,
                child_views_how=how,
                family_views=rng.choice(FAMILY_VIEWS).format(name=self.name)
                if kind not in ("adm",) else None,
                decisions=tuple(m["decisions"]),
                actions=self.actions(when) if kind != "adm" else (),
                next_review=m["next_review"],
                status="draft" if draft else "final",
                amendments=amendments,
                id=f"m{i}",
            ))
        return tuple(out)

    def views(self, when: date) -> tuple[str, str]:
        # Seeded by date so both fields of one meeting come from the same entry.
        options = CHILD_VIEWS[_band((when - self.dob).days)]
        text, how = options[when.toordinal() % len(options)]
        return text.format(name=self.name), how.format(name=self.name)

    def attendees(self, kind: str, when: date) -> tuple[Attendee, ...]:
        rng = self.rng
        people = [Attendee(self.worker, "Social worker")]
        if kind != "adm":
            people.append(Attendee(self.mum, "Mum", rng.random() < 0.8))
            people.append(Attendee(self.dad, "Dad", rng.random() < 0.5))
        for title, (_, name) in self.professionals.items():
            if rng.random() < 0.4:
                people.append(Attendee(name, title, rng.random() < 0.75))
        if kind == "hearing":
            people.append(Attendee(rng.choice(self.staff["reporter"]), "Children's Reporter"))
        if kind in ("panel", "adm"):
            people.append(Attendee(rng.choice(self.staff["family_placement"]),
                                   "Family placement worker"))
        if (when - self.dob).days > 10 * 365 and kind in ("lac_review", "hearing"):
            people.append(Attendee(self.name, "Child", rng.random() < 0.7))
        return tuple(people)

    def actions(self, when: date) -> tuple[Action, ...]:
        rng, today = self.rng, self.today
        out = []
        for text in rng.sample(ACTIONS, rng.randint(1, 3)):
            due = when + timedelta(days=rng.randint(14, 90))
            done = None
            if rng.random() < 0.75:
                finished = when + timedelta(days=rng.randint(3, (due - when).days + 14))
                done = finished if finished <= today else None
            owner = self.worker if rng.random() < 0.7 else self.reviewer
            out.append(Action(text, owner, due, done))
        return tuple(out)

    def final_events(self) -> tuple[Event, ...]:
        today = self.today
        rows = [row for row in self.events if row[0] <= today]
        wanted = self.n_events
        if wanted is None:
            wanted = len(rows) + self.rng.randint(8, 30)
        if len(rows) > wanted:
            rows = self.trim(rows, wanted)
        rows.extend(self.padding(wanted - len(rows)))
        rows.sort(key=lambda row: (row[0], row[1]))
        out = []
        previous = None
        seq = 0
        count = len(rows)
        for i, row in enumerate(rows):
            when = row[0]
            if when == previous:
                seq += 1
            else:
                # Only entries that share their day need an order within it.
                seq = 1 if i + 1 < count and rows[i + 1][0] == when else 0
            previous = when
            out.append(Event(when, row[2], row[3], row[4], seq or None, *row[5:],
                             id=f"e{i + 1}"))
        return tuple(out)

    def trim(self, rows: list[tuple[Any, ...]], wanted: int) -> list[tuple[Any, ...]]:
        """Keep milestones first when a load test asks for fewer events than the journey has."""
        ranked = sorted(range(len(rows)), key=lambda i: (rows[i][3] == "note", i))
        keep = sorted(ranked[:wanted])
        return [rows[i] for i in keep]

    def padding(self, count: int) -> list[tuple[Any, ...]]:
        """`count` everyday notes spread over the journey, each fitting its time and age."""
        if count <= 0:
            return []
        rng = self.rng
        phases = sorted(self.phases, key=lambda ph: ph[0])
        start = phases[0][0].toordinal()
        closed = [ph[0] for ph in phases if ph[1] == "f"]
        end = self.today.toordinal()
        if closed:
            end = min(end, closed[0].toordinal() + 240)  # the file closes after an order
        end = max(end, start)
        bounds = [ph[0].toordinal() for ph in phases]
        dob = self.dob.toordinal()
        age3, age5, age12 = (dob + days for days in _AGE_BAND_DAYS)
        pools = [
            [_NOTE_POOLS[(ph[1], band)] or _NOTE_POOLS[("a", band)] for band in range(4)]
            for ph in phases
        ]
        cache: dict[tuple[int, int], tuple[Any, ...]] = {}
        used: set[int] = set()
        sources = self.sources()
        out = []
        # This loop runs a million times in the load test: plain random() and bisect only.
        random_, span = rng.random, end - start + 1
        for _ in range(count):
            day = start + int(random_() * span)
            at = bisect_right(bounds, day) - 1
            band = 0 if day < age3 else 1 if day < age5 else 2 if day < age12 else 3
            pool = pools[at][band]
            which = pool[int(random_() * len(pool))]
            if which in _ONE_OFF_NOTES:
                if which in used:
                    which = _EVERYDAY[phases[at][1]]
                used.add(which)
            key = (at, which)
            fixed = cache.get(key)
            if fixed is None:
                fixed = cache[key] = self.note_fields(NOTES[which], phases[at][2], sources)
            out.append((date.fromordinal(day), 20) + fixed)
        return out

    def sources(self) -> dict[str, tuple[str, str | None]]:
        health = self.professionals.get("Health visitor") or self.professionals.get(
            "School nurse")
        return {
            "worker": (f"{self.worker}, social work", self.worker_id),
            "carer": ("Carers", None),
            "school": (self.school.split(",")[0], None),
            "health": (health[1] if health else "NHS health team", health[0] if health
                       else None),
            "police": ("Police Scotland", None),
            "advocate": ("Advocacy service", None),
            "family_placement": ("Family placement team", None),
        }

    def note_fields(self, note: tuple[Any, ...], carers: str,
                    sources: dict[str, tuple[str, str | None]]) -> tuple[Any, ...]:
        (_, _, title, detail, source_kind, impact, sign, action, significant,
         withheld) = note
        context = {"name": self.name, "school": self.school.split(",")[0],
                   "town": self.home_town, "carers": carers or "carers"}
        source, person = sources[source_kind]
        return (
            title.format_map(context), "note", "day", None, detail.format_map(context),
            source, person, impact.format_map(context), sign, action.format_map(context),
            significant, ("relevant_person",) if withheld else (),
        )
