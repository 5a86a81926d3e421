"""Parsed interchange JSON → domain records, refusing the whole file if anything is wrong.

One pass checks every field and builds the records alongside; the records are handed back
only when no problem was found, so a caller either gets all of the file or none of it.
A record with a problem is not built (its problems are reported, its children still checked).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from pace_desktop.domain.chi import chi_problem
from pace_desktop.domain.episode_rules import living_overlaps
from pace_desktop.domain.meeting_parts import (
    ASSESSMENT_FIELDS,
    Assessment,
    FamilyTime,
    OrderMade,
    PanelRecord,
    RouteConsidered,
    SiblingNote,
    View,
)
from pace_desktop.domain.nondisclosure import ADDRESS_PREFIX, Nondisclosure
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
    ATTENDANCE,
    DATE_PRECISIONS,
    IMPACT_SIGNS,
    LEGAL_STATUSES,
    LIVING_TYPES,
    MEETING_KINDS,
    MEETING_STATUSES,
    MILESTONE_KINDS,
    NONDISCLOSURE_DECISIONS,
    ORDER_ACTIONS,
    ORDER_MEASURES,
    PERSON_ROLES,
    RECIPIENTS,
    ROUTE_OUTCOMES,
    ROUTED_MILESTONES,
    ROUTES,
    SEXES,
    TAKING_PART,
    VISIT,
)
from pace_desktop.exchange.building import builder, cycle_collector_paused
from pace_desktop.exchange.checks import (
    BAD,
    DAY,
    FLAG,
    INTEGER,
    LIST,
    OBJECT,
    REQUIRED_TEXT,
    TEXT,
    Checker,
    Register,
    Shape,
    choice,
    describe,
    field_place,
    quote,
)
from pace_desktop.exchange.problems import InterchangeError

FORMAT = "pace-interchange"
VERSION = 1

_ROUTED = tuple(k for k in MILESTONE_KINDS if k in ROUTED_MILESTONES)
_ROUTED_WORDS = f"{', '.join(_ROUTED[:-1])} and {_ROUTED[-1]}"
_ROUTE = choice(ROUTES)

# JSON field names are the domain's field names, so checked values go straight to the
# dataclasses. `id` on living, legal, events and meetings, `source_person` on events and
# `amendments` on events and meetings are this product's optional additions to the format.
_CHILD = Shape(
    {
        "id": TEXT,
        "ref": REQUIRED_TEXT,
        "given_name": REQUIRED_TEXT,
        "family_name": REQUIRED_TEXT,
        "known_as": TEXT,
        "date_of_birth": DAY,
        "chi": TEXT,
        "sex": choice(SEXES),
        "local_authority": TEXT,
        "allocated_worker": TEXT,
        "reviewing_officer": TEXT,
        "people": LIST,
        "living": LIST,
        "legal": LIST,
        "events": LIST,
        "meetings": LIST,
        "nondisclosure": LIST,
    },
    required=("ref", "given_name", "family_name", "date_of_birth"),
)
_PERSON = Shape(
    {
        "id": REQUIRED_TEXT,
        "role": choice(PERSON_ROLES),
        "name": REQUIRED_TEXT,
        "relationship": TEXT,
        "address": TEXT,
        "address_confidential": FLAG,
        "phone": TEXT,
    },
    required=("id", "role", "name"),
)
_LIVING = Shape(
    {
        "id": TEXT,
        "type": choice(LIVING_TYPES),
        "start": DAY,
        "end": DAY,
        "carer": TEXT,
        "address": TEXT,
        "address_confidential": FLAG,
        "reason_for_move": TEXT,
    },
    required=("type", "start"),
)
_LEGAL = Shape(
    {"id": TEXT, "status": choice(LEGAL_STATUSES), "start": DAY, "end": DAY, "reference": TEXT},
    required=("status", "start"),
)
_EVENT = Shape(
    {
        "id": TEXT,
        "date": DAY,
        "date_precision": choice(DATE_PRECISIONS),
        "seq": INTEGER,
        # Ordered for messages: "note", the milestones as INTERCHANGE.md lists them, "visit".
        "kind": choice(("note", *MILESTONE_KINDS, VISIT)),
        "route": _ROUTE,
        "title": REQUIRED_TEXT,
        "detail": TEXT,
        "source": TEXT,
        "source_person": TEXT,
        "impact": TEXT,
        "impact_sign": choice(IMPACT_SIGNS),
        "action": TEXT,
        "significant": FLAG,
        "withhold_from": LIST,
        "amendments": LIST,
    },
    required=("date", "title"),
)
_MEETING = Shape(
    {
        "id": TEXT,
        "kind": choice(MEETING_KINDS),
        "date": DAY,
        "chair": TEXT,
        "attendees": LIST,
        "child_views": TEXT,
        "child_views_how": TEXT,
        "family_views": TEXT,
        "decisions": LIST,
        "actions": LIST,
        "next_review": DAY,
        "status": choice(MEETING_STATUSES),
        "amendments": LIST,
        "views": LIST,
        "assessment": OBJECT,
        "family_time": LIST,
        "siblings": LIST,
        "routes_considered": LIST,
        "orders": LIST,
        "panel": OBJECT,
    },
    required=("kind", "date"),
)
_ATTENDEE = Shape(
    {"name": REQUIRED_TEXT, "role": TEXT, "present": FLAG, "how": choice(ATTENDANCE)},
    required=("name",),
)
_DECISION = Shape(
    {"text": REQUIRED_TEXT, "milestone": choice(MILESTONE_KINDS), "route": _ROUTE,
     "reasons": TEXT},
    required=("text",),
)
_VIEW = Shape({"person": REQUIRED_TEXT, "text": TEXT, "how": choice(TAKING_PART),
               "why_not": TEXT}, required=("person",))
_ASSESSMENT = Shape({f: TEXT for f in ASSESSMENT_FIELDS})
_FAMILY_TIME = Shape({"with": REQUIRED_TEXT, "how_often": TEXT, "supervised": FLAG,
                      "notes": TEXT}, required=("with",))
_SIBLING = Shape({"person": REQUIRED_TEXT, "lives": TEXT, "together": FLAG, "why_apart": TEXT,
                  "views": TEXT}, required=("person",))
_ROUTE_CONSIDERED = Shape({"route": _ROUTE, "outcome": choice(ROUTE_OUTCOMES), "reasons": TEXT},
                          required=("route", "outcome"))
_ORDER = Shape({"status": choice(LEGAL_STATUSES), "action": choice(ORDER_ACTIONS), "date": DAY,
                "measures": LIST, "residence": TEXT, "expires": DAY},
               required=("status", "action"))
_MEASURE = choice(ORDER_MEASURES)
_PANEL = Shape({"members": LIST, "quorate": FLAG, "medical_adviser": TEXT,
                "legal_adviser": TEXT, "question": TEXT, "dissent": TEXT})
_NONDISCLOSURE = Shape({"id": TEXT, "item": REQUIRED_TEXT, "withhold_from": LIST,
                        "reason": REQUIRED_TEXT, "requested": DAY,
                        "decision": choice(NONDISCLOSURE_DECISIONS), "decided": DAY},
                       required=("item", "withhold_from", "reason"))
_ACTION = Shape({"text": REQUIRED_TEXT, "owner": TEXT, "due": DAY, "done": DAY}, required=("text",))
_AMENDMENT = Shape(
    {"at": DAY, "author": REQUIRED_TEXT, "text": REQUIRED_TEXT}, required=("at", "author", "text")
)
_RECIPIENT = choice(RECIPIENTS)

_new_child = builder(Child)
_new_person = builder(Person)
_new_living = builder(LivingEpisode)
_new_legal = builder(LegalEpisode)
_new_event = builder(Event)
_new_meeting = builder(Meeting)
_new_attendee = builder(Attendee)
_new_decision = builder(Decision)
_new_action = builder(Action)
_new_amendment = builder(Amendment)
_new_view = builder(View)
_new_sibling = builder(SiblingNote)
_new_route_considered = builder(RouteConsidered)


def _new_family_time(values: dict[str, Any]) -> FamilyTime:
    return FamilyTime(values["with"], values.get("how_often"), values.get("supervised"),
                      values.get("notes"))


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
        values = check.record(raw, place, _CHILD)
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
        values["meetings"] = _meetings(check, values.get("meetings", ()), place, person_ids)
        if "nondisclosure" in values:
            values["nondisclosure"] = _nondisclosure(check, values["nondisclosure"], place,
                                                     person_ids, _item_ids(raw))
        if len(check.problems) == before:
            children.append(_new_child(values))
    return children


def _records(
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


def _people(
    check: Checker, raw_people: list, child_place: str
) -> tuple[tuple[Person, ...], frozenset[str]]:
    """The people, and every id given: a person refused for another field can still be
    referred to, and saying their id is unknown as well would only mislead."""
    items_place = f"{child_place}.people"
    ids = Register(items_place, "id")
    people = []
    for _place, values, _raw, before in _records(check, raw_people, items_place, _PERSON, ids):
        if len(check.problems) == before:
            people.append(_new_person(values))
    return tuple(people), frozenset(ids.first)


def _known_person(
    check: Checker, values: dict[str, Any], key: str, place: str, person_ids: frozenset[str]
) -> None:
    pid = values.get(key)
    if pid is not None and pid not in person_ids:
        child_place = place.rsplit(".", 1)[0]  # "children[0].events[4]" → "children[0]"
        check.add(f"{place}.{key}", f"no person with id {quote(pid)} in {child_place}.people")


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
    for place, values, _raw, before in _records(check, raw_episodes, items_place, _LIVING):
        if _ends_after_start(check, values, place):
            periods.append((values["start"], values.get("end"), _index(place)))
        _known_person(check, values, "carer", place, person_ids)
        if len(check.problems) == before:
            episodes.append(_new_living(values))
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
    for place, values, _raw, before in _records(check, raw_episodes, f"{child_place}.legal",
                                                _LEGAL):
        _ends_after_start(check, values, place)
        if len(check.problems) == before:
            episodes.append(_new_legal(values))
    return tuple(episodes)


def _route_allowed(
    check: Checker, values: dict[str, Any], raw: dict, place: str, key: str, default: str | None
) -> None:
    """A route only where the milestone under `key` takes one (no milestone: any route).

    A milestone that was itself refused is reported already; its route is not judged on top.
    """
    if "route" not in values or (key not in values and raw.get(key) is not None):
        return
    milestone = values.get(key, default)
    if milestone is not None and milestone not in ROUTED_MILESTONES:
        check.add(f"{place}.route", f"only {_ROUTED_WORDS} take a route, not {quote(milestone)}")


def _events(
    check: Checker, raw_events: list, child_place: str, person_ids: frozenset[str]
) -> tuple[Event, ...]:
    events = []
    for place, values, raw, before in _records(check, raw_events, f"{child_place}.events",
                                               _EVENT):
        if "route" in values:
            _route_allowed(check, values, raw, place, "kind", "note")
        if "source_person" in values:
            _known_person(check, values, "source_person", place, person_ids)
        if "withhold_from" in values:
            values["withhold_from"] = _recipients(check, values["withhold_from"], place)
        if "amendments" in values:
            values["amendments"] = _amendments(check, values["amendments"], place)
        if values.get("kind") == VISIT and "significant" not in values:
            values["significant"] = False  # INTERCHANGE.md: a visit is not significant unless said
        if len(check.problems) == before:
            events.append(_new_event(values))
    return tuple(events)


def _recipients(check: Checker, raw_recipients: list, event_place: str) -> tuple[str, ...]:
    recipients = []
    for i, raw in enumerate(raw_recipients):
        recipient = _RECIPIENT.convert(raw)
        if type(recipient) is str:
            recipients.append(recipient)
        else:
            check.add(f"{event_place}.withhold_from[{i}]", _RECIPIENT.explain(raw))
    return tuple(recipients)


def _meetings(check: Checker, raw_meetings: list, child_place: str,
              person_ids: frozenset[str]) -> tuple[Meeting, ...]:
    meetings = []
    for place, values, _raw, before in _records(check, raw_meetings, f"{child_place}.meetings",
                                                _MEETING):
        for key, shape, build in (
            ("attendees", _ATTENDEE, _new_attendee),
            ("decisions", _DECISION, _new_decision),
            ("actions", _ACTION, _new_action),
            ("views", _VIEW, _new_view),
            ("family_time", _FAMILY_TIME, _new_family_time),
            ("siblings", _SIBLING, _new_sibling),
            ("routes_considered", _ROUTE_CONSIDERED, _new_route_considered),
            ("orders", _ORDER, _new_order),
        ):
            if key in values:
                values[key] = _parts(check, values[key], f"{place}.{key}", shape, build)
        for j, sibling in enumerate(values.get("siblings", ())):
            if sibling.person not in person_ids:
                check.add(f"{place}.siblings[{j}].person",
                          f"no person with id {quote(sibling.person)} in {child_place}.people")
        if "assessment" in values:
            found = check.record(values["assessment"], f"{place}.assessment", _ASSESSMENT)
            values["assessment"] = Assessment(**found) if found else None
        if "panel" in values:
            values["panel"] = _panel(check, values["panel"], f"{place}.panel")
        if "amendments" in values:
            values["amendments"] = _amendments(check, values["amendments"], place)
        if len(check.problems) == before:
            meetings.append(_new_meeting(values))
    return tuple(meetings)


def _panel(check: Checker, raw: object, place: str) -> PanelRecord | None:
    found = check.record(raw, place, _PANEL)
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


def _parts(
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
        if shape is _DECISION:
            _route_allowed(check, values, raw, place, "milestone", None)
        if shape is _ORDER and "measures" in values:
            values["measures"] = _measures(check, values["measures"], place)
        if len(check.problems) == before:
            parts.append(build(values))
    return tuple(parts)


def _amendments(check: Checker, raw_amendments: list, record_place: str) -> tuple[Amendment, ...]:
    """Dated corrections to a finalised event or meeting."""
    return _parts(check, raw_amendments, f"{record_place}.amendments", _AMENDMENT, _new_amendment)


def _new_order(values: dict[str, Any]) -> OrderMade:
    return OrderMade(values["status"], values["action"], values.get("date"),
                     tuple(values.get("measures", ())), values.get("residence"),
                     values.get("expires"))


def _measures(check: Checker, raw: list, order_place: str) -> tuple[str, ...]:
    found = []
    for i, value in enumerate(raw):
        if _MEASURE.convert(value) is BAD:
            check.add(f"{order_place}.measures[{i}]", _MEASURE.explain(value))
        else:
            found.append(value)
    return tuple(found)


def _item_ids(raw_child: dict) -> dict[str, frozenset[str]]:
    """The ids a non-disclosure request may name, by list, as the file gives them."""
    def ids(key: str) -> frozenset[str]:
        items = raw_child.get(key)
        if type(items) is not list:
            return frozenset()
        return frozenset(x["id"] for x in items
                         if type(x) is dict and type(x.get("id")) is str)
    return {key: ids(key) for key in ("events", "meetings", "people", "living")}


def _nondisclosure(check: Checker, raw_requests: list, child_place: str,
                   person_ids: frozenset[str], item_ids: dict[str, frozenset[str]]
                   ) -> tuple[Nondisclosure, ...]:
    requests = []
    any_item = frozenset().union(*item_ids.values())
    addressable = item_ids["people"] | item_ids["living"]
    for place, values, _raw, before in _records(check, raw_requests,
                                                f"{child_place}.nondisclosure", _NONDISCLOSURE):
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
