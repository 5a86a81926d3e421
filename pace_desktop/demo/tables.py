"""The demo's fixed tables: its date, the archetypes of a block of children, the words
for routes and orders, the order of a day, the note pools and the staff of each
authority."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache

from pace_desktop.demo_names import ADULT_MEN, ADULT_WOMEN, AUTHORITIES, NOTES, ONE_OFF

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

ROUTE_WORDS = {
    "home": "return home",
    "po": "a permanence order",
    "poa": "a permanence order with authority to adopt",
    "s11": "a kinship care order",
    "adoption": "adoption",
}
ORDER_STATUS = {"po": "po", "poa": "poa", "s11": "s11", "adoption": "adoption_order"}
ORDER_WORDS = {
    "po": "Permanence order",
    "poa": "Permanence order with authority to adopt",
    "s11": "Kinship care order (section 11)",
    "adoption": "Adoption order",
}
# Same-day order in a chronology: how a day unfolds (referral before the move, the order
# before the supervision order ends), with ordinary notes last.
DAY_ORDER = {
    "referral": 0, "reporter_referral": 1, "cpo_granted": 2, "looked_after": 3,
    "kinship_options_decided": 4, "permanence_recommendation": 5, "panel_recommendation": 6,
    "adm_decision": 7, "advice_hearing": 8, "petition_lodged": 9, "order_granted": 10,
    "cso_terminated": 11, "returned_home": 12, "note": 20,
}
AUTHORITY_NAMES = tuple(AUTHORITIES)
AUTHORITY_WEIGHTS = tuple(w for _, _, w in AUTHORITIES.values())
DAY = timedelta(days=1)
AGE_BAND_DAYS = (3 * 365, 5 * 365, 12 * 365)


def age_band(age_days: int) -> int:
    for band, limit in enumerate(AGE_BAND_DAYS):
        if age_days < limit:
            return band
    return 3


# Note templates by (phase, age band), computed once so that padding costs one lookup.
NOTE_POOLS: dict[tuple[str, int], tuple[int, ...]] = {
    (phase, band): tuple(
        i for i, note in enumerate(NOTES) if phase in note[0] and str(band) in note[1]
    )
    for phase in "pahf"
    for band in range(4)
}
ONE_OFF_NOTES = frozenset(i for i, note in enumerate(NOTES) if note[2] in ONE_OFF)
NOTE_INDEX = {note[2]: i for i, note in enumerate(NOTES)}
# An everyday note that fits each phase and any age, used instead of a repeated one-off.
EVERYDAY = {
    "p": NOTE_INDEX["Home visit: home warm and well stocked"],
    "a": NOTE_INDEX["Routine visit by the social worker"],
    "h": NOTE_INDEX["Routine visit by the social worker"],
    "f": NOTE_INDEX["Dental check-up"],
}


def person_name(rng: random.Random, women: bool, families: tuple[str, ...]) -> str:
    return f"{rng.choice(ADULT_WOMEN if women else ADULT_MEN)} {rng.choice(families)}"


@cache
def staff_of(authority: str) -> dict[str, tuple[str, ...]]:
    """The invented staff of one authority, the same on every run."""
    rng = random.Random(f"pace-demo-staff:{authority}")
    families = AUTHORITIES[authority][1]

    def names(n: int) -> tuple[str, ...]:
        return tuple(person_name(rng, rng.random() < 0.7, families) for _ in range(n))

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
def block_order(seed: int, block: int) -> tuple[int, ...]:
    order = list(range(len(ARCHETYPES)))
    random.Random(f"pace-demo-block:{seed}:{block}").shuffle(order)
    return tuple(order)

