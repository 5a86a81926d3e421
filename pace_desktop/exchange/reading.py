"""Parsed interchange JSON → domain records, refusing the whole file if anything is wrong.

One pass checks every field and builds the records alongside; the records are handed back
only when no problem was found, so a caller either gets all of the file or none of it.
A record with a problem is not built (its problems are reported, its children still checked).
The shapes every record must have are in reading_shapes.py; meetings, their parts and
non-disclosure requests are read by reading_parts.py.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pace_desktop.domain.chi import chi_problem
from pace_desktop.domain.episode_rules import living_overlaps
from pace_desktop.domain.records import (
    Child,
    Event,
    LegalEpisode,
    LivingEpisode,
    Person,
)
from pace_desktop.domain.vocab import (
    VISIT,
)
from pace_desktop.exchange.building import cycle_collector_paused
from pace_desktop.exchange.checks import (
    Checker,
    Register,
    describe,
    field_place,
    quote,
)
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.reading_parts import (
    checked_records,
    ids_in_child,
    known_person,
    read_amendments,
    read_meetings,
    read_nondisclosure,
    read_recipients,
    route_allowed,
)
from pace_desktop.exchange.reading_shapes import (
    CHILD,
    EVENT,
    LEGAL,
    LIVING,
    PERSON,
    new_child,
    new_event,
    new_legal,
    new_living,
    new_person,
)

FORMAT = "pace-interchange"
VERSION = 1


def parse_interchange(data: object) -> list[Child]:
    """The children in parsed interchange JSON, or InterchangeError listing every problem."""
    with cycle_collector_paused():
        check = Checker()
        raw_children = _top(check, data)
        children = [] if raw_children is None else _children(check, raw_children)
    if check.problems:
        raise InterchangeError(check.problems)
    return children


def _top(check: Checker, data: object) -> list | None:
    """The raw children list, or None when the file is not one this version can read.

    A file of another format or a newer version would otherwise bury the one useful
    message under a problem for every field it has that this version does not know.
    """
    if type(data) is not dict:
        check.add("file", f"must be an object {{…}}, not {describe(data)}")
        return None
    for key in data:
        if key not in ("format", "version", "children"):
            check.add(field_place("", key), "unknown field")
    fmt = data.get("format")
    if fmt != FORMAT:
        found = "missing" if fmt is None else f"is {describe(fmt)}"
        check.add("format", f"{found}; expected {quote(FORMAT)} (is this a PACE interchange file?)")
        return None
    version = data.get("version")
    if type(version) is not int:
        found = "missing" if version is None else f"must be a whole number, not {describe(version)}"
        check.add("version", f"{found}; this version of PACE Desktop reads version {VERSION}")
        return None
    if version > VERSION:
        check.add(
            "version",
            f"the file was made by a newer version of PACE Desktop (interchange version "
            f"{version}); this version reads version {VERSION} only, so update PACE Desktop",
        )
        return None
    if version < VERSION:
        check.add("version", f"there is no interchange version {version}; expected {VERSION}")
        return None
    children = data.get("children")
    if type(children) is not list:
        found = (
            "missing" if "children" not in data else f"must be a list […], not {describe(children)}"
        )
        check.add("children", f"{found} (an empty list [] if there are none)")
        return None
    return children


def _children(check: Checker, raw_children: list) -> list[Child]:
    refs = Register("children", "ref")
    child_ids = Register("children", "id")
    children = []
    for i, raw in enumerate(raw_children):
        place = f"children[{i}]"
        before = len(check.problems)
        values = check.record(raw, place, CHILD)
        if values is None:
            continue
        if "ref" in values:
            check.unique(refs, values["ref"], i)
        if values.get("id"):
            check.unique(child_ids, values["id"], i)
        chi = values.get("chi")
        if chi is not None:
            # chi_problem trusts str.isdigit, which passes digits like "²" that int() refuses.
            problem = chi_problem(chi) if chi.isascii() else "must be 10 digits"
            if problem:
                check.add(f"{place}.chi", problem)
        values["people"], person_ids = _people(check, values.get("people", ()), place)
        values["living"] = _living(check, values.get("living", ()), place, person_ids)
        values["legal"] = _legal(check, values.get("legal", ()), place)
        values["events"] = _events(check, values.get("events", ()), place, person_ids)
        values["meetings"] = read_meetings(check, values.get("meetings", ()), place, person_ids)
        if "nondisclosure" in values:
            values["nondisclosure"] = read_nondisclosure(check, values["nondisclosure"], place,
                                                     person_ids, ids_in_child(raw))
        if len(check.problems) == before:
            children.append(new_child(values))
    return children


def _people(
    check: Checker, raw_people: list, child_place: str
) -> tuple[tuple[Person, ...], frozenset[str]]:
    """The people, and every id given: a person refused for another field can still be
    referred to, and saying their id is unknown as well would only mislead."""
    items_place = f"{child_place}.people"
    ids = Register(items_place, "id")
    people = []
    found = checked_records(check, raw_people, items_place, PERSON, ids)
    for _place, values, _raw, before in found:
        if len(check.problems) == before:
            people.append(new_person(values))
    return tuple(people), frozenset(ids.first)


def _ends_after_start(check: Checker, values: dict[str, Any], place: str) -> bool:
    start, end = values.get("start"), values.get("end")
    if start is not None and end is not None and end < start:
        check.add(f"{place}.end", f"before start ({end.isoformat()} < {start.isoformat()})")
        return False
    return start is not None


def _living(
    check: Checker, raw_episodes: list, child_place: str, person_ids: frozenset[str]
) -> tuple[LivingEpisode, ...]:
    items_place = f"{child_place}.living"
    episodes = []
    periods: list[tuple[date, date | None, int]] = []
    for place, values, _raw, before in checked_records(check, raw_episodes, items_place, LIVING):
        if _ends_after_start(check, values, place):
            periods.append((values["start"], values.get("end"), _index(place)))
        known_person(check, values, "carer", place, person_ids)
        if len(check.problems) == before:
            episodes.append(new_living(values))
    _overlaps(check, items_place, periods)
    return tuple(episodes)


def _index(place: str) -> int:
    """The list index at the end of a place such as `children[2].living[3]`."""
    return int(place.rsplit("[", 1)[1].rstrip("]"))


def _overlaps(
    check: Checker, items_place: str, periods: list[tuple[date, date | None, int]]
) -> None:
    """Note every episode that overlaps an earlier one (domain.episode_rules, the rule the
    store enforces), by its place in the file."""
    for o in living_overlaps([(start, end) for start, end, _ in periods]):
        shared = (f"{o.shared_from.isoformat()} onwards" if o.shared_to is None
                  else f"{o.shared_from.isoformat()} to {o.shared_to.isoformat()}")
        check.add(f"{items_place}[{periods[o.later][2]}]",
                  f"overlaps {items_place}[{periods[o.earlier][2]}] ({shared})")


def _legal(check: Checker, raw_episodes: list, child_place: str) -> tuple[LegalEpisode, ...]:
    """Legal episodes, which (unlike living ones) may overlap: orders run side by side."""
    episodes = []
    found = checked_records(check, raw_episodes, f"{child_place}.legal", LEGAL)
    for place, values, _raw, before in found:
        _ends_after_start(check, values, place)
        if len(check.problems) == before:
            episodes.append(new_legal(values))
    return tuple(episodes)


def _events(
    check: Checker, raw_events: list, child_place: str, person_ids: frozenset[str]
) -> tuple[Event, ...]:
    events = []
    found = checked_records(check, raw_events, f"{child_place}.events", EVENT)
    for place, values, raw, before in found:
        if "route" in values:
            route_allowed(check, values, raw, place, "kind", "note")
        if "source_person" in values:
            known_person(check, values, "source_person", place, person_ids)
        if "withhold_from" in values:
            values["withhold_from"] = read_recipients(check, values["withhold_from"], place)
        if "amendments" in values:
            values["amendments"] = read_amendments(check, values["amendments"], place)
        if values.get("kind") == VISIT and "significant" not in values:
            values["significant"] = False  # INTERCHANGE.md: a visit is not significant unless said
        if len(check.problems) == before:
            events.append(new_event(values))
    return tuple(events)

