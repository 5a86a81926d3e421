"""Files that follow INTERCHANGE.md are read in full, and what is read is written back the same."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from pace_desktop.domain.records import Amendment, Child, Event, LivingEpisode, Meeting, Person
from pace_desktop.exchange.interchange import (
    InterchangeError,
    parse_interchange,
    read_interchange_file,
    to_interchange,
    write_interchange_file,
)

JOURNEYS = Path(__file__).resolve().parent / "fixtures" / "journeys.json"


def _journeys() -> dict[str, Any]:
    return json.loads(JOURNEYS.read_text(encoding="utf-8"))


def _doc(*children: dict[str, Any]) -> dict[str, Any]:
    return {"format": "pace-interchange", "version": 1, "children": list(children)}


def test_the_shared_fixtures_parse() -> None:
    data = _journeys()
    children = parse_interchange(data)
    assert [c.ref for c in children] == [c["ref"] for c in data["children"]]
    isla = children[0]
    assert isla.given_name == "Isla"
    assert isla.people[0].id == "c1"
    assert isla.living[0].carer == "c1"
    assert isla.living[0].end is None
    assert isla.meetings[1].decisions[0].route == "po"


def test_the_fixture_file_reads_from_disk() -> None:
    assert read_interchange_file(JOURNEYS) == parse_interchange(_journeys())


def test_fixtures_round_trip() -> None:
    children = parse_interchange(_journeys())
    assert parse_interchange(to_interchange(children)) == children


def test_round_trip_through_a_file(tmp_path: Path) -> None:
    children = parse_interchange(_journeys())
    path = tmp_path / "export.json"
    write_interchange_file(path, children)
    assert read_interchange_file(path) == children
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]  # no temp file left


def test_export_is_readable_only_by_its_owner(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    path = tmp_path / "export.json"
    write_interchange_file(path, [])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_export_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text("old", encoding="utf-8")
    write_interchange_file(path, parse_interchange(_journeys())[:1])
    assert [c.ref for c in read_interchange_file(path)] == ["FX-A"]


def test_gaelic_names_survive_a_file_round_trip(tmp_path: Path) -> None:
    child = Child(
        ref="GA-1",
        given_name="Eòghann",
        family_name="MacAoidh",
        known_as="Eòghainn",
        date_of_birth=date(2018, 3, 4),
        people=(Person(id="p1", role="parent", name="Ciorstaidh Mhoireach"),),
        events=(Event(date=date(2024, 1, 2), title="Thadhail Seònaid air Màiri"),),
    )
    path = tmp_path / "gaelic.json"
    write_interchange_file(path, [child])
    text = path.read_text(encoding="utf-8")
    assert "Eòghann" in text and "Ciorstaidh Mhoireach" in text  # written as text, not \u escapes
    assert read_interchange_file(path) == [child]


def test_file_keeps_the_callers_order_and_indent(tmp_path: Path) -> None:
    children = [
        Child(ref=ref, given_name="A", family_name="B", date_of_birth=date(2020, 1, 1))
        for ref in ("Z-9", "A-1", "M-5")
    ]
    path = tmp_path / "order.json"
    write_interchange_file(path, children)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n "format": "pace-interchange",\n "version": 1,')
    assert [c.ref for c in read_interchange_file(path)] == ["Z-9", "A-1", "M-5"]


def test_defaults_apply_when_fields_are_left_out() -> None:
    (child,) = parse_interchange(
        _doc(
            {
                "ref": "D-1",
                "given_name": "Iona",
                "family_name": "Bain",
                "date_of_birth": "2019-05-06",
                "people": [{"id": "p1", "role": "parent", "name": "Ann Bain"}],
                "living": [{"type": "at_home", "start": "2019-05-06"}],
                "events": [{"date": "2024-01-01", "title": "Moved school"}],
                "meetings": [{"kind": "lac_review", "date": "2024-02-01"}],
            }
        )
    )
    assert child.people[0].address_confidential is True
    assert child.living[0] == LivingEpisode(type="at_home", start=date(2019, 5, 6))
    assert child.events[0] == Event(date=date(2024, 1, 1), title="Moved school")
    assert child.events[0].kind == "note" and child.events[0].significant is True
    assert child.meetings[0] == Meeting(kind="lac_review", date=date(2024, 2, 1))
    assert child.meetings[0].status == "draft"
    assert child.known_as is None and child.people[0].phone is None


def test_null_optional_fields_count_as_not_given() -> None:
    (child,) = parse_interchange(
        _doc(
            {
                "ref": "N-1",
                "given_name": "Iona",
                "family_name": "Bain",
                "date_of_birth": "2019-05-06",
                "chi": None,
                "people": None,
                "events": [{"date": "2024-01-01", "title": "t", "kind": None, "seq": None}],
            }
        )
    )
    assert child.chi is None and child.people == ()
    assert child.events[0].kind == "note" and child.events[0].seq is None


def test_product_fields_are_read() -> None:
    (child,) = parse_interchange(
        _doc(
            {
                "ref": "P-1",
                "given_name": "Iona",
                "family_name": "Bain",
                "date_of_birth": "2019-05-06",
                "people": [{"id": "p1", "role": "professional", "name": "Health visitor"}],
                "living": [{"id": "l1", "type": "foster", "start": "2024-01-01", "end": None}],
                "legal": [{"id": "g1", "status": "s25", "start": "2024-01-01"}],
                "events": [
                    {
                        "id": "e1",
                        "date": "2024-01-01",
                        "title": "Concern raised",
                        "source_person": "p1",
                        "amendments": [{"at": "2024-02-01", "author": "SW", "text": "Fixed"}],
                    }
                ],
                "meetings": [
                    {
                        "id": "m1",
                        "kind": "adm",
                        "date": "2024-03-01",
                        "status": "final",
                        "amendments": [{"at": "2024-03-02", "author": "RO", "text": "Typo"}],
                    }
                ],
            }
        )
    )
    assert (child.living[0].id, child.legal[0].id, child.events[0].id) == ("l1", "g1", "e1")
    assert child.events[0].source_person == "p1"
    assert child.events[0].amendments == (Amendment(date(2024, 2, 1), "SW", "Fixed"),)
    assert child.meetings[0].id == "m1" and child.meetings[0].is_final
    assert parse_interchange(to_interchange([child])) == [child]


def test_moves_on_the_same_day_and_overlapping_orders_are_fine() -> None:
    (child,) = parse_interchange(
        _doc(
            {
                "ref": "M-1",
                "given_name": "Iona",
                "family_name": "Bain",
                "date_of_birth": "2019-05-06",
                # Out of order on purpose: the file need not list episodes by date.
                "living": [
                    {"type": "kinship", "start": "2024-03-01", "end": None},
                    {"type": "foster", "start": "2024-01-01", "end": "2024-03-01"},
                    {"type": "crisis_care", "start": "2024-01-01", "end": "2024-01-01"},
                ],
                "legal": [
                    {"status": "cpo", "start": "2024-01-01", "end": "2024-01-09"},
                    {"status": "icso", "start": "2024-01-05", "end": None},
                ],
            }
        )
    )
    assert len(child.living) == 3 and len(child.legal) == 2


def test_canonical_form() -> None:
    child = Child(
        ref="C-1",
        given_name="Iona",
        family_name="Bain",
        date_of_birth=date(2019, 5, 6),
        living=(LivingEpisode(type="foster", start=date(2024, 1, 1), id="l1"),),
        events=(Event(date=date(2024, 1, 1), title="t"),),
    )
    out = to_interchange([child])["children"][0]
    assert list(out) == ["ref", "given_name", "family_name", "date_of_birth", "living", "events"]
    assert out["living"] == [
        {
            "id": "l1",
            "type": "foster",
            "start": "2024-01-01",
            "end": None,
            "address_confidential": True,
        }
    ]
    assert out["events"] == [
        {
            "date": "2024-01-01",
            "date_precision": "day",
            "kind": "note",
            "title": "t",
            "significant": True,
        }
    ]
    json.dumps(out)  # plain JSON types only


def test_writing_into_a_missing_folder_is_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "export.json"
    with pytest.raises(InterchangeError, match="^Could not write .*export.json: no such file"):
        write_interchange_file(path, [])
