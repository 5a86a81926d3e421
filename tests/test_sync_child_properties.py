"""The merge on real children (hypothesis): two laptops edit the same fixture child
independently from a common ancestor (details, homes that may come to overlap, new homes,
chronology entries, amendments, draft meetings). Merged in either order, the result always
keeps every rule of the store (it reads back as a sound child), no change is lost (each
arrives or is a conflict), and merging again changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pace_desktop.exchange import read_interchange_file
from pace_desktop.exchange.child_merge import merge_child
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.snapshot import DETAILS, from_snapshot, to_snapshot
from pace_desktop.store.inserts import with_ids
from pace_desktop.sync.merge import DELETED
from tests.conftest import FIXTURES

BASE = to_snapshot(with_ids(read_interchange_file(FIXTURES / "journeys.json")[11]))  # FX-L
NAMES = st.sampled_from(["Frey", "Freya", "Fi", None])
WORKERS = st.sampled_from(["Tom Flett", "Anna Sinclair", None])
DAYS = st.integers(-200, 200)


def _day(text: str, shift: int) -> str:
    return (date.fromisoformat(text) + timedelta(days=shift)).isoformat()


@st.composite
def side(draw: st.DrawFn, tag: str) -> dict[tuple[str, str], dict[str, Any]]:
    snap = {k: dict(v) for k, v in BASE.items()}
    if draw(st.booleans()):
        snap[DETAILS]["known_as"] = draw(NAMES)
    if draw(st.booleans()):
        snap[DETAILS]["allocated_worker"] = draw(WORKERS)
    for key in [k for k in snap if k[0] == "living"]:
        fate = draw(st.sampled_from(["same", "same", "move", "delete", "reason"]))
        if fate == "move":
            snap[key]["start"] = _day(snap[key]["start"], draw(DAYS))
        elif fate == "delete":
            del snap[key]
        elif fate == "reason":
            snap[key]["reason_for_move"] = draw(st.sampled_from(["Carer unwell", "Plan"]))
    if draw(st.booleans()):
        start = _day("2026-03-01", draw(DAYS))
        snap[("living", f"{tag}-new")] = {"type": "kinship", "start": start,
                                          "end": _day(start, 30),
                                          "address_confidential": True}
    for n in range(draw(st.integers(0, 2))):
        snap[("events", f"{tag}-e{n}")] = {"date": _day("2026-01-01", draw(DAYS)),
                                           "date_precision": "day", "kind": "note",
                                           "title": f"Entry {tag}{n}", "significant": True}
    if draw(st.booleans()):
        key = ("events", "e3")
        snap[key]["amendments"] = [{"at": "2026-07-01", "author": tag, "text": f"By {tag}"}]
    if draw(st.booleans()):
        snap[("meetings", "shared-draft")] = {"kind": "lac_review", "date": "2026-08-01",
                                              "chair": draw(st.sampled_from(["A", "B"])),
                                              "status": "draft"}
    for snap_key in [k for k in snap if snap[k] is None]:
        del snap[snap_key]
    for record in snap.values():
        for f in [f for f, v in record.items() if v is None and f != "end"]:
            del record[f]
    return snap


def _plain(record: dict | None) -> dict | None:
    """A record without its empty fields: absent and null mean the same."""
    return None if record is None else {k: v for k, v in record.items() if v is not None}


def _sound(snap: dict) -> bool:
    try:
        from_snapshot(snap)
    except InterchangeError:
        return False
    return True


def _fields_merged(key: tuple[str, str], got: dict, here: dict, there: dict, before: dict,
                   conflicts: set) -> None:
    for f in set(here) | set(there):
        h, t, b, g = here.get(f), there.get(f), before.get(f), got.get(f)
        if f == "amendments":  # final records only grow: the union of both sides
            assert all(x in (g or []) for x in (h or []) + (t or []))
        elif (key, f) in conflicts or t in (b, h):
            assert g == h  # mine stays in force
        else:
            assert h == b and g == t, (key, f)  # their change arrived


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much,
                                                                  HealthCheck.too_slow])
@given(side("m"), side("t"))
def test_merging_real_children_keeps_the_rules_loses_nothing_and_is_idempotent(
        mine: dict, theirs: dict) -> None:
    assume(_sound(mine) and _sound(theirs))  # each laptop's store kept its rules
    for a, b in ((mine, theirs), (theirs, mine)):
        done = merge_child(BASE, a, b)
        from_snapshot(done.merged)  # every rule of the store holds
        conflicts = {(c.key, c.field) for c in done.conflicts}
        for key in set(a) | set(b):
            got, here, there, before = (_plain(s.get(key)) for s in (done.merged, a, b, BASE))
            if (key, DELETED) in conflicts:
                assert got == here  # kept whole, the other version beside it as a conflict
            elif here is None or there is None:
                assert got == (here if there == before else there)
                assert here == before or there == before  # else it had to be a conflict
            else:
                _fields_merged(key, got or {}, here, there, before or {}, conflicts)
        # Merging the result with the same side again changes nothing.
        again = merge_child(BASE, done.merged, b)
        assert again.merged == done.merged
