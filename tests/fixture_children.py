"""Test helper: interchange dicts (INTERCHANGE.md) to domain records, without validation.

The real importer lives in pace_desktop.exchange; this is only enough to feed the shared
fixtures and hand-made cases to the journey engine.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pace_desktop.domain.records import (
    Child,
    Decision,
    Event,
    LegalEpisode,
    LivingEpisode,
    Meeting,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"  # a copy of ../shared/fixtures


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def child_from_dict(data: dict[str, Any]) -> Child:
    return Child(
        ref=data["ref"],
        given_name=data.get("given_name", "Test"),
        family_name=data.get("family_name", "Child"),
        date_of_birth=date.fromisoformat(data.get("date_of_birth", "2015-01-01")),
        known_as=data.get("known_as"),
        living=tuple(
            LivingEpisode(
                type=e["type"],
                start=date.fromisoformat(e["start"]),
                end=_d(e.get("end")),
                id=e.get("id", ""),
            )
            for e in data.get("living", [])
        ),
        legal=tuple(
            LegalEpisode(
                status=e["status"],
                start=date.fromisoformat(e["start"]),
                end=_d(e.get("end")),
                id=e.get("id", ""),
            )
            for e in data.get("legal", [])
        ),
        events=tuple(
            Event(
                date=date.fromisoformat(e["date"]),
                title=e.get("title", e.get("kind", "note")),
                kind=e.get("kind", "note"),
                seq=e.get("seq"),
                route=e.get("route"),
                id=e.get("id", ""),
            )
            for e in data.get("events", [])
        ),
        meetings=tuple(
            Meeting(
                kind=m["kind"],
                date=date.fromisoformat(m["date"]),
                chair=m.get("chair"),
                decisions=tuple(
                    Decision(
                        text=dec.get("text", ""),
                        milestone=dec.get("milestone"),
                        route=dec.get("route"),
                    )
                    for dec in m.get("decisions", [])
                ),
                status=m.get("status", "draft"),
                id=m.get("id", ""),
            )
            for m in data.get("meetings", [])
        ),
    )


def fixture_children() -> list[Child]:
    data = json.loads((FIXTURES / "journeys.json").read_text(encoding="utf-8"))
    return [child_from_dict(c) for c in data["children"]]


def fixture_expected() -> tuple[date, dict[str, list[dict[str, Any]]]]:
    data = json.loads((FIXTURES / "journeys.expected.json").read_text(encoding="utf-8"))
    return date.fromisoformat(data["as_of"]), data["children"]


def build_child(
    ref: str = "T-1",
    living: list[tuple[str, str, str | None]] | None = None,
    legal: list[tuple[str, str, str | None]] | None = None,
    reviews: list[str] | None = None,
    events: list[tuple[str, str, str | None]] | None = None,
    meetings: list[dict[str, Any]] | None = None,
) -> Child:
    """A child from short tuples: living/legal (type or status, start, end),
    reviews (LAC review dates), events (date, milestone kind, route)."""
    return child_from_dict(
        {
            "ref": ref,
            "living": [{"type": t, "start": s, "end": e} for t, s, e in living or []],
            "legal": [{"status": t, "start": s, "end": e} for t, s, e in legal or []],
            "meetings": [{"kind": "lac_review", "date": d} for d in reviews or []]
            + list(meetings or []),
            "events": [{"date": d, "kind": k, "route": r} for d, k, r in events or []],
        }
    )
