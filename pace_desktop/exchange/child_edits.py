"""Changing a child's own details by field name (`edit --child REF FIELD=VALUE`), checked by
the same rules an interchange file is: what an edit may set, a file may carry, and no more."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pace_desktop.domain.records import Child
from pace_desktop.exchange.problems import InterchangeError
from pace_desktop.exchange.reading import FORMAT, VERSION, parse_interchange
from pace_desktop.exchange.writing import to_interchange

EDITABLE = ("given_name", "family_name", "known_as", "date_of_birth", "chi", "sex",
            "local_authority", "allocated_worker", "reviewing_officer")
_REQUIRED = frozenset({"given_name", "family_name", "date_of_birth"})


class EditRefused(ValueError):
    """An edit that cannot be made; the message names the field and what is wrong."""


def parse_assignments(words: list[str]) -> dict[str, str]:
    """`["known_as=Frey", "chi="]` → {"known_as": "Frey", "chi": ""}; a plain error otherwise."""
    found: dict[str, str] = {}
    for word in words:
        name, sep, value = word.partition("=")
        name = name.strip()
        if not sep:
            raise EditRefused(f"{word}: write each change as FIELD=VALUE, like known_as=Frey")
        if name not in EDITABLE:
            raise EditRefused(f"{name}: not a detail that can be edited here "
                              f"(these can: {', '.join(EDITABLE)})")
        if name in found:
            raise EditRefused(f"{name}: given twice")
        found[name] = value.strip()
    if not found:
        raise EditRefused("say what to change, like known_as=Frey")
    return found


def edited_child(child: Child, changes: dict[str, str]) -> Child:
    """`child` with `changes` made, checked as the importer checks a file ('' clears an
    optional detail)."""
    (doc,) = to_interchange([child])["children"]
    for name, value in changes.items():
        if value == "":
            if name in _REQUIRED:
                raise EditRefused(f"{name}: cannot be left empty")
            doc.pop(name, None)
        else:
            doc[name] = value
    details = {k: v for k, v in doc.items() if k not in ("people", "living", "legal", "events",
                                                          "meetings", "nondisclosure")}
    try:
        (checked,) = parse_interchange({"format": FORMAT, "version": VERSION,
                                        "children": [details]})
    except InterchangeError as exc:
        raise EditRefused("; ".join(p.removeprefix("children[0].") for p in exc.problems)
                          ) from None
    kept: dict[str, Any] = {name: getattr(checked, name) for name in EDITABLE}
    return replace(child, **kept)
