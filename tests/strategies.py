"""Hypothesis strategies for valid domain records: any value they make is one the product must
store, export and import without loss.

Shared by the interchange and store tests: `from tests.strategies import children_lists`.
Sizes stay modest (at most 4 children, 6 items per list) so a hundred examples run in seconds.
Lists come in the order a person would enter them: living and legal episodes by start,
events and meetings by date (same-date items in no particular order).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from pace_desktop.domain.chi import with_check_digit
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

MAX_ITEMS = 6
# Lists inside a meeting or an event: enough to exercise order and variety, cheap to draw.
MAX_INNER = 3
MAX_CHILDREN = 4

GAELIC_NAMES = (
    "Eòghann",
    "Ciorstaidh Mhoireach",
    "Seònaid",
    "Màiri",
    "Ruairidh",
    "Oighrig NicDhòmhnaill",
    "Iain MacAoidh",
    "Peigi Anna",
)

# Any character a person might type, but no lone surrogates: those are not text.
_CHARS = st.characters(exclude_categories=("Cs",))


# Built once: hypothesis validates each new strategy object on first draw, and building them
# afresh inside composites made generation several times slower.
_TEXT = st.one_of(st.sampled_from(GAELIC_NAMES), st.text(_CHARS, max_size=20))
_REQUIRED_TEXT = st.one_of(
    st.sampled_from(GAELIC_NAMES),
    st.text(_CHARS, min_size=1, max_size=20).filter(lambda s: s.strip() != ""),
)
_OPTIONAL_TEXT = st.none() | _TEXT
_DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31))
_OPTIONAL_DATE = st.none() | _DATES
_OPTIONAL_ROUTE = st.none() | st.sampled_from(list(ROUTES))
_BOOLS = st.booleans()


def texts() -> st.SearchStrategy[str]:
    """Free text, empty included, with real Gaelic names mixed in."""
    return _TEXT


def required_texts() -> st.SearchStrategy[str]:
    """Text a required field accepts: something other than spaces."""
    return _REQUIRED_TEXT


def optional_texts() -> st.SearchStrategy[str | None]:
    return _OPTIONAL_TEXT


def dates(
    min_value: date = date(1950, 1, 1), max_value: date = date(2060, 12, 31)
) -> st.SearchStrategy[date]:
    if (min_value, max_value) == (date(1950, 1, 1), date(2060, 12, 31)):
        return _DATES
    return st.dates(min_value=min_value, max_value=max_value)


def chis() -> st.SearchStrategy[str]:
    """CHI numbers with a valid modulus 11 check digit."""
    return _CHI


_CHI = (
    st.integers(min_value=0, max_value=999_999_999)
    .map(lambda n: with_check_digit(f"{n:09d}"))
    .filter(lambda chi: chi is not None)
)
_ID = st.one_of(
    st.integers(min_value=1, max_value=10**6).map(lambda n: f"e{n}"),
    st.uuids().map(str),
    st.text(_CHARS, min_size=1, max_size=8).filter(lambda s: s.strip() != ""),
)
_ID_OR_NONE = st.just("") | _ID
_PHONE = st.none() | st.from_regex(r"0[0-9]{10}", fullmatch=True)
_SEQ = st.none() | st.integers(min_value=-(2**63) + 1, max_value=2**63 - 1)
_EVENT_KIND = st.sampled_from(sorted(EVENT_KINDS))
_MILESTONE = st.none() | st.sampled_from(list(MILESTONE_KINDS))
_WITHHOLD = st.lists(st.sampled_from(RECIPIENTS), unique=True).map(tuple)
_AMENDMENTS = st.lists(
    st.builds(Amendment, at=_DATES, author=_REQUIRED_TEXT, text=_REQUIRED_TEXT),
    max_size=MAX_INNER,
).map(tuple)
_ATTENDEES = st.lists(
    st.builds(Attendee, name=_REQUIRED_TEXT, role=_OPTIONAL_TEXT, present=_BOOLS),
    max_size=MAX_INNER,
).map(tuple)
_ACTIONS = st.lists(
    st.builds(
        Action, text=_REQUIRED_TEXT, owner=_OPTIONAL_TEXT, due=_OPTIONAL_DATE, done=_OPTIONAL_DATE
    ),
    max_size=MAX_INNER,
).map(tuple)
_DATE_LIST = st.lists(_DATES, max_size=MAX_ITEMS).map(sorted)


def ids() -> st.SearchStrategy[str]:
    """Stable ids as the store or another system might make them."""
    return _ID


@st.composite
def _with_unique_ids[T](draw: st.DrawFn, items: list[T]) -> tuple[T, ...]:
    """`items` each given a distinct id, or none ("", which the store fills in later)."""
    seen: set[str] = set()
    out = []
    for item in items:
        new_id = draw(_ID_OR_NONE)
        if new_id in seen:
            new_id = ""
        seen.add(new_id)
        out.append(replace(item, id=new_id))
    return tuple(out)


def _one_of_or_none(values: list[str]) -> st.SearchStrategy[str | None]:
    return (st.none() | st.sampled_from(values)) if values else st.none()


@st.composite
def people(draw: st.DrawFn) -> tuple[Person, ...]:
    person_ids = draw(st.lists(_ID, max_size=MAX_ITEMS, unique=True))
    return tuple(
        Person(
            id=person_id,
            role=draw(st.sampled_from(PERSON_ROLES)),
            name=draw(_REQUIRED_TEXT),
            relationship=draw(_OPTIONAL_TEXT),
            address=draw(_OPTIONAL_TEXT),
            address_confidential=draw(_BOOLS),
            phone=draw(_PHONE),
        )
        for person_id in person_ids
    )


@st.composite
def living_episodes(draw: st.DrawFn, person_ids: list[str]) -> tuple[LivingEpisode, ...]:
    """Episodes one after another: gaps allowed, each may start on the day the last ended."""
    count = draw(st.integers(min_value=0, max_value=MAX_ITEMS))
    start = draw(dates(max_value=date(2040, 1, 1)))
    carers = _one_of_or_none(person_ids)
    episodes = []
    for n in range(count):
        length = draw(st.integers(min_value=0, max_value=900))
        current = n == count - 1 and draw(_BOOLS)
        end = None if current else start + timedelta(days=length)
        episodes.append(
            LivingEpisode(
                type=draw(st.sampled_from(list(LIVING_TYPES))),
                start=start,
                end=end,
                carer=draw(carers),
                address=draw(_OPTIONAL_TEXT),
                address_confidential=draw(_BOOLS),
                reason_for_move=draw(_OPTIONAL_TEXT),
            )
        )
        if end is not None:
            start = end + timedelta(days=draw(st.integers(min_value=0, max_value=60)))
    return draw(_with_unique_ids(episodes))


@st.composite
def legal_episodes(draw: st.DrawFn) -> tuple[LegalEpisode, ...]:
    """Legal episodes by start; unlike living ones they may overlap."""
    episodes = []
    for start in draw(_DATE_LIST):
        length = draw(st.none() | st.integers(min_value=0, max_value=2000))
        episodes.append(
            LegalEpisode(
                status=draw(st.sampled_from(list(LEGAL_STATUSES))),
                start=start,
                end=None if length is None else start + timedelta(days=length),
                reference=draw(_OPTIONAL_TEXT),
            )
        )
    return draw(_with_unique_ids(episodes))


@st.composite
def events(draw: st.DrawFn, person_ids: list[str]) -> tuple[Event, ...]:
    """Chronology entries, milestones among them, routes only where the kind takes one."""
    sources = _one_of_or_none(person_ids)
    found = []
    for day in draw(_DATE_LIST):
        kind = draw(_EVENT_KIND)
        found.append(
            Event(
                date=day,
                title=draw(_REQUIRED_TEXT),
                kind=kind,
                date_precision=draw(st.sampled_from(DATE_PRECISIONS)),
                seq=draw(_SEQ),
                route=draw(_OPTIONAL_ROUTE) if kind in ROUTED_MILESTONES else None,
                detail=draw(_OPTIONAL_TEXT),
                source=draw(_OPTIONAL_TEXT),
                source_person=draw(sources),
                impact=draw(_OPTIONAL_TEXT),
                impact_sign=draw(st.none() | st.sampled_from(IMPACT_SIGNS)),
                action=draw(_OPTIONAL_TEXT),
                significant=draw(_BOOLS),
                withhold_from=draw(_WITHHOLD),
                amendments=draw(_AMENDMENTS),
            )
        )
    return draw(_with_unique_ids(found))


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    """A decision; a route only with no milestone or with one that takes a route."""
    milestone = draw(_MILESTONE)
    takes_route = milestone is None or milestone in ROUTED_MILESTONES
    return Decision(
        text=draw(_REQUIRED_TEXT),
        milestone=milestone,
        route=draw(_OPTIONAL_ROUTE) if takes_route else None,
    )


_DECISIONS = st.lists(decisions(), max_size=MAX_INNER).map(tuple)


@st.composite
def meetings(draw: st.DrawFn) -> tuple[Meeting, ...]:
    found = [
        Meeting(
            kind=draw(st.sampled_from(list(MEETING_KINDS))),
            date=day,
            chair=draw(_OPTIONAL_TEXT),
            attendees=draw(_ATTENDEES),
            child_views=draw(_OPTIONAL_TEXT),
            child_views_how=draw(_OPTIONAL_TEXT),
            family_views=draw(_OPTIONAL_TEXT),
            decisions=draw(_DECISIONS),
            actions=draw(_ACTIONS),
            next_review=draw(_OPTIONAL_DATE),
            status=draw(st.sampled_from(MEETING_STATUSES)),
            amendments=draw(_AMENDMENTS),
        )
        for day in draw(_DATE_LIST)
    ]
    return draw(_with_unique_ids(found))


@st.composite
def children(draw: st.DrawFn, refs: st.SearchStrategy[str] | None = None) -> Child:
    """One valid child with everything a record can hold."""
    family = draw(people())
    person_ids = [p.id for p in family]
    return Child(
        ref=draw(refs if refs is not None else _REQUIRED_TEXT),
        given_name=draw(_REQUIRED_TEXT),
        family_name=draw(_REQUIRED_TEXT),
        date_of_birth=draw(dates(max_value=date(2030, 12, 31))),
        known_as=draw(_OPTIONAL_TEXT),
        chi=draw(st.none() | _CHI),
        sex=draw(st.none() | st.sampled_from(SEXES)),
        local_authority=draw(_OPTIONAL_TEXT),
        allocated_worker=draw(_OPTIONAL_TEXT),
        reviewing_officer=draw(_OPTIONAL_TEXT),
        people=family,
        living=draw(living_episodes(person_ids)),
        legal=draw(legal_episodes()),
        events=draw(events(person_ids)),
        meetings=draw(meetings()),
    )


def children_lists(max_size: int = MAX_CHILDREN) -> st.SearchStrategy[list[Child]]:
    """Lists of valid children with distinct refs, as one file or one store holds them."""
    return st.lists(children(), max_size=max_size, unique_by=lambda child: child.ref)
