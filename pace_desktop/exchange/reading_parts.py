"""Reading the lists inside a child in an interchange file: meetings and their parts,
amendments, who an entry is withheld from, and non-disclosure requests (see reading.py).

Each function adds every problem it finds to the checker and builds only the records that
have none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pace_desktop.domain.meeting_parts import (
    Assessment,
    PanelRecord,
)
from pace_desktop.domain.nondisclosure import ADDRESS_PREFIX, Nondisclosure
from pace_desktop.domain.records import (
    Amendment,
    Meeting,
)
from pace_desktop.domain.vocab import (
    ROUTED_MILESTONES,
)
from pace_desktop.exchange.checks import (
    BAD,
    Checker,
    Register,
    Shape,
    quote,
)
from pace_desktop.exchange.reading_shapes import (
    ACTION,
    AMENDMENT,
    ASSESSMENT,
    ATTENDEE,
    DECISION,
    FAMILY_TIME,
    MEASURE,
    MEETING,
    NONDISCLOSURE,
    ORDER,
    PANEL,
    RECIPIENT,
    ROUTE_CONSIDERED,
    ROUTED_WORDS,
    SIBLING,
    VIEW,
    new_action,
    new_amendment,
    new_attendee,
    new_decision,
    new_family_time,
    new_meeting,
    new_order,
    new_route_considered,
    new_sibling,
    new_view,
)


def checked_records(
    check: Checker, raw_items: list, items_place: str, shape: Shape, ids: Register | None = None
) -> Iterator[tuple[str, dict[str, Any], Any, int]]:
    """Each item of a list that has the record's shape: its place, its values, the raw item
    and how many problems there were before it (so the caller can tell whether it added
    any). Ids must be unique within the list."""
    ids = ids or Register(items_place, "id")
    for i, raw in enumerate(raw_items):
        place = f"{items_place}[{i}]"
        before = len(check.problems)
        values = check.record(raw, place, shape)
        if values is None:
            continue
        if values.get("id"):
            check.unique(ids, values["id"], i)
        yield place, values, raw, before


def known_person(
    check: Checker, values: dict[str, Any], key: str, place: str, person_ids: frozenset[str]
) -> None:
    pid = values.get(key)
    if pid is not None and pid not in person_ids:
        child_place = place.rsplit(".", 1)[0]  # "children[0].events[4]" → "children[0]"
        check.add(f"{place}.{key}", f"no person with id {quote(pid)} in {child_place}.people")


def route_allowed(
    check: Checker, values: dict[str, Any], raw: dict, place: str, key: str, default: str | None
) -> None:
    """A route only where the milestone under `key` takes one (no milestone: any route).

    A milestone that was itself refused is reported already; its route is not judged on top.
    """
    if "route" not in values or (key not in values and raw.get(key) is not None):
        return
    milestone = values.get(key, default)
    if milestone is not None and milestone not in ROUTED_MILESTONES:
        check.add(f"{place}.route", f"only {ROUTED_WORDS} take a route, not {quote(milestone)}")


def read_recipients(check: Checker, raw_recipients: list, event_place: str) -> tuple[str, ...]:
    recipients = []
    for i, raw in enumerate(raw_recipients):
        recipient = RECIPIENT.convert(raw)
        if type(recipient) is str:
            recipients.append(recipient)
        else:
            check.add(f"{event_place}.withhold_from[{i}]", RECIPIENT.explain(raw))
    return tuple(recipients)


def read_meetings(check: Checker, raw_meetings: list, child_place: str,
              person_ids: frozenset[str]) -> tuple[Meeting, ...]:
    meetings = []
    for place, values, _raw, before in checked_records(check, raw_meetings,
                                                       f"{child_place}.meetings", MEETING):
        for key, shape, build in (
            ("attendees", ATTENDEE, new_attendee),
            ("decisions", DECISION, new_decision),
            ("actions", ACTION, new_action),
            ("views", VIEW, new_view),
            ("family_time", FAMILY_TIME, new_family_time),
            ("siblings", SIBLING, new_sibling),
            ("routes_considered", ROUTE_CONSIDERED, new_route_considered),
            ("orders", ORDER, new_order),
        ):
            if key in values:
                values[key] = read_parts(check, values[key], f"{place}.{key}", shape, build)
        for j, sibling in enumerate(values.get("siblings", ())):
            if sibling.person not in person_ids:
                check.add(f"{place}.siblings[{j}].person",
                          f"no person with id {quote(sibling.person)} in {child_place}.people")
        if "assessment" in values:
            found = check.record(values["assessment"], f"{place}.assessment", ASSESSMENT)
            values["assessment"] = Assessment(**found) if found else None
        if "panel" in values:
            values["panel"] = read_panel(check, values["panel"], f"{place}.panel")
        if "amendments" in values:
            values["amendments"] = read_amendments(check, values["amendments"], place)
        if len(check.problems) == before:
            meetings.append(new_meeting(values))
    return tuple(meetings)


def read_panel(check: Checker, raw: object, place: str) -> PanelRecord | None:
    found = check.record(raw, place, PANEL)
    if not found:
        return None
    members = found.pop("members", [])
    names = []
    for i, name in enumerate(members):
        if isinstance(name, str) and name.strip():
            names.append(name)
        else:
            check.add(f"{place}.members[{i}]", "must be a person's name")
    return PanelRecord(members=tuple(names), **found)


def read_parts(
    check: Checker,
    raw_parts: list,
    items_place: str,
    shape: Shape,
    build: Callable[[dict[str, Any]], Any],
) -> tuple[Any, ...]:
    """The small records inside a meeting: attendees, decisions, actions."""
    parts = []
    for i, raw in enumerate(raw_parts):
        place = f"{items_place}[{i}]"
        before = len(check.problems)
        values = check.record(raw, place, shape)
        if values is None:
            continue
        if shape is DECISION:
            route_allowed(check, values, raw, place, "milestone", None)
        if shape is ORDER and "measures" in values:
            values["measures"] = read_measures(check, values["measures"], place)
        if len(check.problems) == before:
            parts.append(build(values))
    return tuple(parts)


def read_amendments(check: Checker, raw_amendments: list, record_place: str
                    ) -> tuple[Amendment, ...]:
    """Dated corrections to a finalised event or meeting."""
    return read_parts(check, raw_amendments, f"{record_place}.amendments", AMENDMENT,
                      new_amendment)




def read_measures(check: Checker, raw: list, order_place: str) -> tuple[str, ...]:
    found = []
    for i, value in enumerate(raw):
        if MEASURE.convert(value) is BAD:
            check.add(f"{order_place}.measures[{i}]", MEASURE.explain(value))
        else:
            found.append(value)
    return tuple(found)


def ids_in_child(raw_child: dict) -> dict[str, frozenset[str]]:
    """The ids a non-disclosure request may name, by list, as the file gives them."""
    def ids(key: str) -> frozenset[str]:
        items = raw_child.get(key)
        if type(items) is not list:
            return frozenset()
        return frozenset(x["id"] for x in items
                         if type(x) is dict and type(x.get("id")) is str)
    return {key: ids(key) for key in ("events", "meetings", "people", "living")}


def read_nondisclosure(check: Checker, raw_requests: list, child_place: str,
                   person_ids: frozenset[str], item_ids: dict[str, frozenset[str]]
                   ) -> tuple[Nondisclosure, ...]:
    requests = []
    any_item = frozenset().union(*item_ids.values())
    addressable = item_ids["people"] | item_ids["living"]
    found = checked_records(check, raw_requests, f"{child_place}.nondisclosure", NONDISCLOSURE)
    for place, values, _raw, before in found:
        item = values.get("item")
        if item is not None:
            if item.startswith(ADDRESS_PREFIX):
                if item[len(ADDRESS_PREFIX):] not in addressable:
                    check.add(f"{place}.item", f"{quote(item)}: no person or home with that id"
                              f" in {child_place}")
            elif item not in any_item:
                check.add(f"{place}.item", f"no entry, meeting, person or home with id"
                          f" {quote(item)} in {child_place}")
        who = values.get("withhold_from")
        if who is not None:
            if not who:
                check.add(f"{place}.withhold_from", "must name at least one person")
            for j, pid in enumerate(who):
                if type(pid) is not str or pid not in person_ids:
                    check.add(f"{place}.withhold_from[{j}]",
                              f"no person with id {quote(str(pid))} in {child_place}.people")
            values["withhold_from"] = tuple(p for p in who if type(p) is str)
        requested, decided = values.get("requested"), values.get("decided")
        if requested and decided and decided < requested:
            check.add(f"{place}.decided", f"before the request ({decided.isoformat()} <"
                      f" {requested.isoformat()})")
        if len(check.problems) == before:
            requests.append(Nondisclosure(**values))
    return tuple(requests)
