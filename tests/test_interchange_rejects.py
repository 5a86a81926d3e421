"""Files that break INTERCHANGE.md are refused whole, each problem named by its place."""

from __future__ import annotations

import copy
import gc
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.exchange.interchange import (
    InterchangeError,
    parse_interchange,
    read_interchange_file,
)

Doc = dict[str, Any]


def _valid() -> Doc:
    """One child using every part of the format, valid as it stands."""
    return {
        "format": "pace-interchange",
        "version": 1,
        "children": [
            {
                "ref": "AB-1",
                "given_name": "Eòghann",
                "family_name": "MacLeod",
                "date_of_birth": "2018-02-03",
                "chi": "0101011237",
                "sex": "male",
                "people": [
                    {"id": "p1", "role": "parent", "name": "Ciorstaidh Mhoireach"},
                    {"id": "c1", "role": "carer", "name": "Morag Flett"},
                ],
                "living": [
                    {"type": "at_home", "start": "2018-02-03", "end": "2025-01-01"},
                    {"type": "foster", "start": "2025-01-01", "end": None, "carer": "c1"},
                ],
                "legal": [{"status": "s25", "start": "2025-01-01", "end": None}],
                "events": [
                    {"id": "e1", "date": "2024-12-01", "title": "Referral", "kind": "referral"},
                    {"id": "e2", "date": "2025-01-01", "title": "Moved", "source_person": "p1"},
                    {
                        "date": "2025-06-01",
                        "title": "Permanence recommended",
                        "kind": "permanence_recommendation",
                        "route": "po",
                        "seq": 1,
                        "withhold_from": ["relevant_person"],
                    },
                ],
                "meetings": [
                    {
                        "id": "m1",
                        "kind": "lac_review",
                        "date": "2025-02-01",
                        "attendees": [{"name": "Morag Flett", "role": "carer", "present": True}],
                        "decisions": [{"text": "Stay with carers", "milestone": None}],
                        "actions": [{"text": "Visit", "owner": "SW", "due": "2025-03-01"}],
                        "amendments": [{"at": "2025-02-03", "author": "RO", "text": "Date"}],
                        "status": "final",
                    }
                ],
            }
        ],
    }


def _problems(doc: object) -> list[str]:
    with pytest.raises(InterchangeError) as caught:
        parse_interchange(doc)
    return caught.value.problems


def _problems_after(change: Callable[[Doc], object]) -> list[str]:
    doc = _valid()
    change(doc)
    return _problems(doc)


def _child(doc: Doc) -> Doc:
    return doc["children"][0]


def test_the_base_document_is_valid() -> None:
    assert len(parse_interchange(_valid())) == 1


def _set(path: str, value: object) -> Callable[[Doc], None]:
    """A change setting `path` (dotted, list indexes as numbers) inside the first child."""

    def change(doc: Doc) -> None:
        *parents, last = path.split(".")
        target: Any = _child(doc)
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def _drop(path: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        *parents, last = path.split(".")
        target: Any = _child(doc)
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


def _second_child(**fields: object) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        doc["children"].append({**copy.deepcopy(_child(doc)), **fields})

    return change


RULES: list[tuple[str, Callable[[Doc], object], str]] = [
    # (rule, change to the valid document, a problem that must then be reported exactly)
    ("unknown field", _set("date_of_brith", "2018-02-03"),
     "children[0].date_of_brith: unknown field"),
    ("unknown nested field", _set("meetings.0.decisions.0.reason", "x"),
     "children[0].meetings[0].decisions[0].reason: unknown field"),
    ("required missing", _drop("given_name"), "children[0].given_name: missing (required)"),
    ("required null", _set("family_name", None), "children[0].family_name: is required, not null"),
    ("required empty", _set("given_name", "  "), "children[0].given_name: must not be empty"),
    ("ref missing", _drop("ref"), "children[0].ref: missing (required)"),
    ("text not number", _set("ref", 12), "children[0].ref: must be text, not a number (12)"),
    ("ref used twice", _second_child(), 'children[1].ref: "AB-1" is used twice (also children[0])'),
    ("date format", _set("date_of_birth", "31/01/2025"),
     'children[0].date_of_birth: not a date (expected YYYY-MM-DD): "31/01/2025"'),
    ("date compact", _set("date_of_birth", "20250131"),
     'children[0].date_of_birth: not a date (expected YYYY-MM-DD): "20250131"'),
    ("date not in calendar", _set("date_of_birth", "2025-02-30"),
     'children[0].date_of_birth: no such day in the calendar: "2025-02-30"'),
    ("date as number", _set("date_of_birth", 20250131),
     "children[0].date_of_birth: must be a date as text (YYYY-MM-DD), not a number (20250131)"),
    ("chi check digit", _set("chi", "0101011238"),
     "children[0].chi: check digit does not match (not a valid CHI number)"),
    ("chi length", _set("chi", "010101123"), "children[0].chi: must be 10 digits"),
    ("chi odd digits", _set("chi", "010101123²"), "children[0].chi: must be 10 digits"),
    ("sex vocabulary", _set("sex", "boy"),
     'children[0].sex: "boy" is not one of female, male, other, not_known'),
    ("person role", _set("people.0.role", "aunt"),
     'children[0].people[0].role: "aunt" is not one of parent, relevant_person, carer, '
     "sibling, professional, other"),
    ("person id missing", _drop("people.0.id"), "children[0].people[0].id: missing (required)"),
    ("person name missing", _drop("people.1.name"),
     "children[0].people[1].name: missing (required)"),
    ("person id twice", _set("people.1.id", "p1"),
     'children[0].people[1].id: "p1" is used twice (also children[0].people[0])'),
    ("bool not text", _set("people.0.address_confidential", "yes"),
     'children[0].people[0].address_confidential: must be true or false, not text ("yes")'),
    ("bool not int", _set("events.0.significant", 1),
     "children[0].events[0].significant: must be true or false, not a number (1)"),
    ("list not object", _set("people", {"id": "p1"}),
     "children[0].people: must be a list […], not an object"),
    ("item not object", _set("people.0", "p1"),
     'children[0].people[0]: must be an object {…}, not text ("p1")'),
    ("living type", _set("living.0.type", "home"),
     'children[0].living[0].type: "home" is not one of at_home, kinship, foster, '
     "prospective_adopters, other_community, residential_la, residential_voluntary, "
     "residential_school, secure, crisis_care, other_residential"),
    ("living start missing", _drop("living.0.start"),
     "children[0].living[0].start: missing (required)"),
    ("living end before start", _set("living.1.end", "2024-01-01"),
     "children[0].living[1].end: before start (2024-01-01 < 2025-01-01)"),
    ("living overlap", _set("living.0.end", "2025-03-01"),
     "children[0].living[1]: overlaps children[0].living[0] (2025-01-01 to 2025-03-01)"),
    ("living overlap with current", _set("living.0.end", None),
     "children[0].living[1]: overlaps children[0].living[0] (2025-01-01 onwards)"),
    ("living carer unknown", _set("living.1.carer", "c9"),
     'children[0].living[1].carer: no person with id "c9" in children[0].people'),
    ("living id twice", lambda d: [e.update(id="l1") for e in _child(d)["living"]],
     'children[0].living[1].id: "l1" is used twice (also children[0].living[0])'),
    ("legal status", _set("legal.0.status", "cso"),
     'children[0].legal[0].status: "cso" is not one of s25, icso, cso_home, cso_away, cpo, po, '
     "poa, s11, adoption_order, none"),
    ("legal end before start", _set("legal.0.end", "2024-12-31"),
     "children[0].legal[0].end: before start (2024-12-31 < 2025-01-01)"),
    ("legal start missing", _drop("legal.0.start"),
     "children[0].legal[0].start: missing (required)"),
    ("event date missing", _drop("events.0.date"),
     "children[0].events[0].date: missing (required)"),
    ("event title empty", _set("events.0.title", ""),
     "children[0].events[0].title: must not be empty"),
    ("event kind", _set("events.0.kind", "meeting"),
     'children[0].events[0].kind: "meeting" is not one of note, referral,'),
    ("event precision", _set("events.0.date_precision", "week"),
     'children[0].events[0].date_precision: "week" is not one of day, month, year, circa'),
    ("event source person", _set("events.1.source_person", "p9"),
     'children[0].events[1].source_person: no person with id "p9" in children[0].people'),
    ("route on a note", _set("events.1.route", "po"),
     "children[0].events[1].route: only permanence_recommendation, petition_lodged and "
     'order_granted take a route, not "note"'),
    ("route on another milestone", _set("events.0.route", "po"),
     'children[0].events[0].route: only permanence_recommendation, petition_lodged and '
     'order_granted take a route, not "referral"'),
    ("route vocabulary", _set("events.2.route", "adopt"),
     'children[0].events[2].route: "adopt" is not one of home, po, poa, s11, adoption'),
    ("seq text", _set("events.2.seq", "1"),
     'children[0].events[2].seq: must be a whole number, not text ("1")'),
    ("seq bool", _set("events.2.seq", True),
     "children[0].events[2].seq: must be a whole number, not true"),
    ("seq fraction", _set("events.2.seq", 1.5),
     "children[0].events[2].seq: must be a whole number, not a number (1.5)"),
    ("seq too large", _set("events.2.seq", 2**70),
     "children[0].events[2].seq: is too large a number"),
    ("impact sign", _set("events.2.impact_sign", "bad"),
     'children[0].events[2].impact_sign: "bad" is not one of positive, negative, neutral'),
    ("withhold recipient", _set("events.2.withhold_from", ["panel", "parents"]),
     'children[0].events[2].withhold_from[1]: "parents" is not one of relevant_person, child, '
     "panel, court"),
    ("withhold not list", _set("events.2.withhold_from", "panel"),
     'children[0].events[2].withhold_from: must be a list […], not text ("panel")'),
    ("event id twice", _set("events.1.id", "e1"),
     'children[0].events[1].id: "e1" is used twice (also children[0].events[0])'),
    ("id not text", _set("events.0.id", 7),
     "children[0].events[0].id: must be text, not a number (7)"),
    ("meeting kind missing", _drop("meetings.0.kind"),
     "children[0].meetings[0].kind: missing (required)"),
    ("meeting kind", _set("meetings.0.kind", "review"),
     'children[0].meetings[0].kind: "review" is not one of lac_review,'),
    ("meeting date missing", _drop("meetings.0.date"),
     "children[0].meetings[0].date: missing (required)"),
    ("meeting status", _set("meetings.0.status", "done"),
     'children[0].meetings[0].status: "done" is not one of draft, final'),
    ("meeting id twice", lambda d: _child(d)["meetings"].append(_child(_valid())["meetings"][0]),
     'children[0].meetings[1].id: "m1" is used twice (also children[0].meetings[0])'),
    ("next review", _set("meetings.0.next_review", "soon"),
     'children[0].meetings[0].next_review: not a date (expected YYYY-MM-DD): "soon"'),
    ("decision milestone", _set("meetings.0.decisions.0.milestone", "note"),
     'children[0].meetings[0].decisions[0].milestone: "note" is not one of referral,'),
    ("decision route vocabulary", _set("meetings.0.decisions.0.route", "kinship"),
     'children[0].meetings[0].decisions[0].route: "kinship" is not one of home, po, poa, s11, '
     "adoption"),
    ("decision route with unrouted milestone",
     lambda d: _child(d)["meetings"][0]["decisions"][0].update(milestone="referral", route="po"),
     "children[0].meetings[0].decisions[0].route: only permanence_recommendation, "
     'petition_lodged and order_granted take a route, not "referral"'),
    ("decision text missing", _drop("meetings.0.decisions.0.text"),
     "children[0].meetings[0].decisions[0].text: missing (required)"),
    ("action due", _set("meetings.0.actions.0.due", "2025-13-01"),
     'children[0].meetings[0].actions[0].due: no such day in the calendar: "2025-13-01"'),
    ("attendee present", _set("meetings.0.attendees.0.present", "yes"),
     'children[0].meetings[0].attendees[0].present: must be true or false, not text ("yes")'),
    ("amendment author", _drop("meetings.0.amendments.0.author"),
     "children[0].meetings[0].amendments[0].author: missing (required)"),
    ("amendment date", _set("meetings.0.amendments.0.at", "2025-2-3"),
     'children[0].meetings[0].amendments[0].at: not a date (expected YYYY-MM-DD): "2025-2-3"'),
    ("lone surrogate", _set("family_name", "Mac\ud800"),
     "children[0].family_name: contains a broken character (lone surrogate)"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "expected"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_names_its_place(change: Callable[[Doc], object], expected: str) -> None:
    problems = _problems_after(change)
    assert any(p.startswith(expected) for p in problems), problems


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ([], "file: must be an object {…}, not a list"),
        ({"version": 1, "children": []}, "format: missing; expected"),
        ({"format": "csv", "version": 1, "children": []}, 'format: is text ("csv"); expected'),
        (
            {"format": "pace-interchange", "version": 2, "children": [{"novel": 1}]},
            "version: the file was made by a newer version of PACE Desktop",
        ),
        ({"format": "pace-interchange", "version": 0, "children": []}, "version: there is no"),
        (
            {"format": "pace-interchange", "version": "1", "children": []},
            "version: must be a whole",
        ),
        (
            {"format": "pace-interchange", "version": True, "children": []},
            "version: must be a whole",
        ),
        ({"format": "pace-interchange", "version": 1}, "children: missing"),
        ({"format": "pace-interchange", "version": 1, "children": {}}, "children: must be a list"),
        ({"format": "pace-interchange", "version": 1, "children": [], "x": 1}, "x: unknown field"),
    ],
)
def test_top_level_problems(doc: object, expected: str) -> None:
    problems = _problems(doc)
    assert any(p.startswith(expected) for p in problems), problems


def test_a_newer_version_gives_only_that_message() -> None:
    doc = {"format": "pace-interchange", "version": 2, "children": [{"novel": 1}]}
    assert len(_problems(doc)) == 1


def test_every_problem_is_reported_at_once() -> None:
    doc = _valid()
    _child(doc)["people"][0]["role"] = "aunt"
    _child(doc)["living"][1]["end"] = "2024-01-01"
    doc["children"].append({**copy.deepcopy(_child(_valid())), "date_of_brith": "x"})
    with pytest.raises(InterchangeError) as caught:
        parse_interchange(doc)
    problems = caught.value.problems
    assert problems == [
        'children[0].people[0].role: "aunt" is not one of parent, relevant_person, carer, '
        "sibling, professional, other",
        "children[0].living[1].end: before start (2024-01-01 < 2025-01-01)",
        "children[1].date_of_brith: unknown field",
        'children[1].ref: "AB-1" is used twice (also children[0])',
    ]
    assert str(caught.value) == "The file has 4 problems; nothing was imported."
    assert "\n  children[1].date_of_brith: unknown field" in caught.value.report()


def test_python_dicts_with_odd_keys_are_refused_plainly() -> None:
    doc = _valid()
    _child(doc)[3] = "x"
    assert "children[0][3]: unknown field" in _problems(doc)


def test_the_cycle_collector_is_back_on_after_a_refusal() -> None:
    assert gc.isenabled()
    _problems_after(_set("ref", 1))
    assert gc.isenabled()


def test_one_problem_is_singular() -> None:
    with pytest.raises(InterchangeError, match="^The file has 1 problem; nothing was imported.$"):
        parse_interchange(_valid() | {"version": 0})


def test_an_episode_inside_a_long_one_overlaps_it() -> None:
    def change(doc: Doc) -> None:
        _child(doc)["living"] = [
            {"type": "foster", "start": "2020-01-01", "end": "2030-01-01"},
            {"type": "kinship", "start": "2021-01-01", "end": "2021-06-01"},
            {"type": "secure", "start": "2022-01-01", "end": "2022-02-01"},
        ]

    problems = _problems_after(change)
    assert problems == [
        "children[0].living[1]: overlaps children[0].living[0] (2021-01-01 to 2021-06-01)",
        "children[0].living[2]: overlaps children[0].living[0] (2022-01-01 to 2022-02-01)",
    ]


# Reading files: every failure is a plain InterchangeError, never a traceback.


def _read_problem(path: Path) -> str:
    with pytest.raises(InterchangeError) as caught:
        read_interchange_file(path)
    (problem,) = caught.value.problems
    return problem


def test_json_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n "format": "pace-interchange",\n "version": 1\n "children": []\n}\n')
    assert _read_problem(path) == "line 4, column 2: expected a comma or a closing ] or }"


def test_trailing_comma_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "pace-interchange",\n "version": 1,\n}')
    assert _read_problem(path).startswith("line 3, column 1: expected a field name in double")


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    with pytest.raises(InterchangeError) as caught:
        read_interchange_file(path)
    assert caught.value.problems == [f"{path}: no such file"]
    assert str(caught.value) == f"Cannot read {path}: no such file."


def test_a_folder(tmp_path: Path) -> None:
    assert _read_problem(tmp_path) == f"{tmp_path}: is a folder, not a file"


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{\n"given_name": "Eòghann"}'.encode("latin-1"))
    assert (
        _read_problem(path) == f"{path}: line 2: not UTF-8 text (byte 0xf2); save the file as UTF-8"
    )


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"  \n")
    assert _read_problem(path) == f"{path}: the file is empty"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_valid()).encode())
    assert len(read_interchange_file(path)) == 1


def test_deep_nesting_and_huge_numbers(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in _read_problem(deep)
    huge = tmp_path / "huge.json"
    huge.write_text('{"version": ' + "9" * 5000 + "}")
    assert "cannot be read as JSON" in _read_problem(huge)


# Garbage in any shape: a parse or an InterchangeError, nothing else.

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
_FIELD_NAMES = st.sampled_from(
    ["ref", "given_name", "date_of_birth", "people", "living", "events", "meetings", "id",
     "start", "end", "kind", "route", "date", "title", "decisions", "role", "carer"]
) | st.text(max_size=8)  # fmt: skip
_JSON = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_FIELD_NAMES, inner, max_size=4),
    max_leaves=30,
)


def _parses_or_refuses(data: object) -> None:
    try:
        parse_interchange(data)
    except InterchangeError as err:
        assert err.problems and all(isinstance(p, str) and p for p in err.problems)


@settings(max_examples=200, deadline=None)
@given(_JSON)
def test_any_json_value_parses_or_is_refused(data: object) -> None:
    _parses_or_refuses(data)


@settings(max_examples=200, deadline=None)
@given(_JSON)
def test_any_children_list_parses_or_is_refused(children: object) -> None:
    _parses_or_refuses({"format": "pace-interchange", "version": 1, "children": children})


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place inside a parsed JSON value, containers included."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


_VALID_PATHS = _paths(_valid())
_BAD_VALUES = _JSON | st.sampled_from(["31/01/2025", "2025-02-30", "", "aunt", "p9", True, 1.5])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_VALID_PATHS), st.booleans(), _BAD_VALUES),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_valid_files_parse_or_are_refused(
    mutations: list[tuple[tuple[str | int, ...], bool, object]],
) -> None:
    doc = _valid()
    for path, delete, value in mutations:
        target: Any = doc
        try:
            for part in path[:-1]:
                target = target[part]
            if delete:
                del target[path[-1]]
            else:
                target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this place
    _parses_or_refuses(doc)
