"""The `[calendar]` part of a rules file: an authority's local holidays and removed days.

```toml
[[calendar.add]]
date = 2026-08-10        # or "2026-08-10"
name = "Kirkwall summer holiday"

[[calendar.remove]]
date = 2026-05-04
name = "Offices open on the early May holiday"
```

A malformed entry is named by file, line and field, because a calendar entry has no id a
person could search for; the line is found in the file's own text (tomllib gives none).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pace_desktop.journey.working_days import Holiday

PARTS = ("add", "remove")
_FIELDS = ("date", "name")


class CalendarError(ValueError):
    """A calendar entry that cannot be used; the message names file, line and field."""


def parse_calendar(
    table: Any, text: str, name: str
) -> tuple[list[Holiday], list[Holiday]]:
    """(added, removed) holidays from the `calendar` table of one rules file."""
    if not isinstance(table, dict):
        raise CalendarError(f"{name}, line {_line_of(text, 'calendar') or '?'}: "
                            "calendar must be a table, like [[calendar.add]] entries")
    for key in table:
        if key not in PARTS:
            line = _line_of(text, f"calendar.{key}") or _line_of(text, "calendar")
            raise CalendarError(
                f'{name}, line {line or "?"}: "calendar.{key}" is not known here '
                "(use [[calendar.add]] or [[calendar.remove]])"
            )
    found: dict[str, list[Holiday]] = {"add": [], "remove": []}
    for part in PARTS:
        entries = table.get(part, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            line = _line_of(text, f"calendar.{part}")
            raise CalendarError(f"{name}, line {line or '?'}: calendar.{part} entries must be "
                                f"written as [[calendar.{part}]] tables")
        for n, entry in enumerate(entries, start=1):
            found[part].append(_entry(entry, part, n, text, name))
    return found["add"], found["remove"]


def _entry(entry: dict[str, Any], part: str, n: int, text: str, name: str) -> Holiday:
    header = _nth_header(text, f"calendar.{part}", n)

    def fail(field: str, why: str) -> CalendarError:
        line = _field_line(text, header, field) or header
        where = f", line {line}" if line else ""
        return CalendarError(f'{name}{where}: calendar {part} entry {n}, field "{field}": {why}')

    for key in entry:
        if key not in _FIELDS:
            raise fail(key, "an entry has only a date and a name")
    raw = entry.get("date")
    if raw is None:
        raise fail("date", "missing (each entry needs a date, like 2026-08-10)")
    day = _as_date(raw)
    if day is None:
        raise fail("date", f"{raw!r} is not a date (write it as 2026-08-10)")
    label = entry.get("name", "Local holiday" if part == "add" else "Working day")
    if not isinstance(label, str) or not label.strip():
        raise fail("name", "must be some text in quotes")
    return Holiday(day, label.strip(), name)


def _as_date(raw: Any) -> date | None:
    if isinstance(raw, date) and not hasattr(raw, "hour"):
        return raw
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            return None
    return None


def _line_of(text: str, table: str) -> int | None:
    pattern = re.compile(r"^[ \t]*\[{1,2}[ \t]*" + re.escape(table) + r"[ \t]*\]{1,2}", re.M)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _nth_header(text: str, table: str, n: int) -> int | None:
    pattern = re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(table) + r"[ \t]*\]\]", re.M)
    for i, match in enumerate(pattern.finditer(text), start=1):
        if i == n:
            return text.count("\n", 0, match.start()) + 1
    return None


def _field_line(text: str, header: int | None, field: str) -> int | None:
    """The line of `field = …` in the table that starts on line `header`."""
    if header is None:
        return None
    lines = text.splitlines()
    for i in range(header, len(lines)):
        line = lines[i].strip()
        if line.startswith("["):
            return None
        if re.match(re.escape(field) + r"\s*=", line):
            return i + 1
    return None
